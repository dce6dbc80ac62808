// What a browser must receive before it can paint a page: the HTML and every render-blocking
// stylesheet and script it names, counted in bytes on the wire (status line, headers and the body
// as sent, compressed or not). Used by the one-round-trip budget test and by `npm run bench:pages`.
// 14,600 bytes is what a server may send before the first TCP acknowledgement (RFC 6928's initial
// window of 10 segments), so a page within it paints after one round trip.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

export const FIRST_ROUND_TRIP_BYTES = 14_600;

/** What Chromium sends over HTTPS (brotli), and over plain HTTP (no brotli). */
export const ACCEPT = { br: 'gzip, deflate, br, zstd', gzip: 'gzip, deflate' } as const;
export type Encoding = keyof typeof ACCEPT;

export interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes received on the connection: status line, headers and body as sent. */
  wire: number;
  /** The body's bytes as sent (compressed, when it was). */
  sent: number;
  /** The body, decoded. */
  body: Buffer;
}

/** One GET on a fresh connection, so the socket's byte count is this response's alone. */
export function fetchWire(url: string, accept: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { 'accept-encoding': accept, accept: 'text/html,*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        const body = coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: res.socket.bytesRead, sent: raw.length, body });
      });
      res.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * Stylesheets and scripts that hold up the first paint: stylesheets for all media, and classic
 * scripts without async or defer (wherever they are: each stops the parser until it has run).
 * Module scripts are deferred, so they do not block it; scripts of other types are never fetched.
 */
export function renderBlocking(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<link\b[^>]*>/g)) {
    const t = tag[0];
    if (!/\brel=["']?stylesheet\b/.test(t)) continue;
    const media = t.match(/\bmedia=["']?([^"'>]+)/)?.[1];
    if (media && !/^(all|screen)$/i.test(media.trim())) continue;
    const href = t.match(/\bhref=["']?([^"'\s>]+)/)?.[1];
    if (href) found.push(href);
  }
  for (const tag of html.matchAll(/<script\b[^>]*>/g)) {
    const t = tag[0];
    const src = t.match(/\bsrc=["']?([^"'\s>]+)/)?.[1];
    // Only a classic script blocks: a module is deferred, and a script of any other type (such as
    // src/lib/after-paint.ts's held ones) is neither fetched nor run.
    const type = t.match(/\btype=["']?([^"'\s>]+)/)?.[1];
    const classic = !type || /^(text|application)\/(javascript|ecmascript)$/i.test(type);
    if (src && classic && !/\b(async|defer)\b/.test(t)) found.push(src);
  }
  return found;
}

export interface FirstPaint {
  path: string;
  encoding: Encoding;
  status: number;
  contentEncoding: string;
  /** The HTML response on the wire. */
  html: number;
  /** Render-blocking stylesheets and scripts on the wire. */
  blocking: number;
  blockingUrls: string[];
  total: number;
}

/** The bytes a browser needs on the wire before it can paint `path`. */
export async function firstPaintBytes(base: string, path: string, encoding: Encoding): Promise<FirstPaint> {
  const page = await fetchWire(new URL(path, base).href, ACCEPT[encoding]);
  const urls = renderBlocking(page.body.toString('utf8')).map((href) => new URL(href, new URL(path, base)).href);
  let blocking = 0;
  for (const url of urls) {
    // Only this site's files: the site loads nothing from anywhere else.
    if (new URL(url).origin !== new URL(base).origin) throw new Error(`${path} loads ${url} from another site`);
    blocking += (await fetchWire(url, ACCEPT[encoding])).wire;
  }
  return {
    path,
    encoding,
    status: page.status,
    contentEncoding: String(page.headers['content-encoding'] ?? 'none'),
    html: page.wire,
    blocking,
    blockingUrls: urls.map((u) => new URL(u).pathname),
    total: page.wire + blocking,
  };
}

/**
 * What an edge that compresses (Cloudflare) sends, from a local server that does not: the headers
 * as sent, plus `EDGE_HEADER_BYTES` for those the edge adds (server, cf-ray, date, alt-svc,
 * content-encoding), and the body gzipped at level 6 — an upper bound, as Cloudflare sends brotli
 * to browsers.
 */
export const EDGE_HEADER_BYTES = 400;

async function edgeWire(url: string): Promise<{ wire: number; body: Buffer }> {
  const sent = await fetchWire(url, 'identity');
  if (sent.headers['content-encoding']) throw new Error(`${url} came compressed: measure it as it is`);
  return { wire: sent.wire - sent.body.length + EDGE_HEADER_BYTES + gzipSync(sent.body, { level: 6 }).length, body: sent.body };
}

/** The bytes a browser needs before it can paint `path`, sent through a compressing edge. */
export async function edgeFirstPaintBytes(base: string, path: string): Promise<{ total: number; html: number; blockingUrls: string[] }> {
  const page = await edgeWire(new URL(path, base).href);
  const urls = renderBlocking(page.body.toString('utf8')).map((href) => new URL(href, new URL(path, base)).href);
  let total = page.wire;
  for (const url of urls) total += (await edgeWire(url)).wire;
  return { total, html: page.wire, blockingUrls: urls.map((u) => new URL(u).pathname) };
}

/**
 * A file's body as a browser without brotli gets it: as sent where the server compressed it (the
 * Node server compresses every script), else gzipped at level 6 as a compressing edge would
 * (Cloudflare's local preview sends files as they are; the edge compresses them).
 */
export async function gzipBodyBytes(url: string): Promise<number> {
  const sent = await fetchWire(url, ACCEPT.gzip);
  return sent.headers['content-encoding'] === 'gzip' ? sent.sent : gzipSync(sent.body, { level: 6 }).length;
}


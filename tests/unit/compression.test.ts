// Compression on the Node server, against real HTTP on loopback: what is compressed, with which
// encoding, and what each response says to caches; then the copies made at build time.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompressionPool, precompress } from '../../src/integrations/precompress.ts';
import { chooseEncoding, compressOnTheFly, isCompressible, varyOnEncoding } from '../../src/targets/node/compression.ts';
import { MANIFEST_NAME, precompressedFiles, type Manifest } from '../../src/targets/node/precompressed.ts';

test('brotli when accepted, else gzip, never an encoding the client refused', () => {
  expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
  expect(chooseEncoding('gzip, deflate')).toBe('gzip');
  expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
  expect(chooseEncoding('br;q=0.5, gzip;q=1')).toBe('gzip');
  expect(chooseEncoding('*')).toBe('br');
  expect(chooseEncoding('*, br;q=0')).toBe('gzip');
  expect(chooseEncoding('identity')).toBeUndefined();
  expect(chooseEncoding('deflate')).toBeUndefined();
  expect(chooseEncoding('')).toBeUndefined();
  expect(chooseEncoding(undefined)).toBeUndefined();
  expect(chooseEncoding('gzip;q=0, br;q=0')).toBeUndefined();
  expect(chooseEncoding('x-gzip')).toBe('gzip');
});

test('text is worth compressing; images and packed files are not', () => {
  for (const type of ['text/html; charset=utf-8', 'text/css', 'application/json', 'application/javascript', 'image/svg+xml', 'application/manifest+json']) expect(isCompressible(type), type).toBe(true);
  for (const type of ['image/png', 'font/woff2', 'application/octet-stream', 'application/pdf', undefined]) expect(isCompressible(type), String(type)).toBe(false);
});

test('Vary gains Accept-Encoding once', () => {
  expect(varyOnEncoding(undefined)).toBe('Accept-Encoding');
  expect(varyOnEncoding('Origin')).toBe('Origin, Accept-Encoding');
  expect(varyOnEncoding('accept-encoding')).toBe('accept-encoding');
  expect(varyOnEncoding('*')).toBe('*');
});

/** A server whose handler is chosen by path, each response going through compressOnTheFly. */
function serve(handlers: Record<string, (res: ServerResponse, req: IncomingMessage) => void>) {
  const server = http.createServer((req, res) => {
    compressOnTheFly(req, res);
    handlers[req.url!]!(res, req);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string }>((resolve, reject) => {
    http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        let text = raw.toString('utf8');
        try {
          text = (coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        } catch {
          // Left as sent: a body that only claims an encoding.
        }
        resolve({ status: res.statusCode!, headers: res.headers, raw, text });
      });
    }).on('error', reject).end();
  });
}

describe('on the fly', () => {
  const page = `<!doctype html><title>Report</title>${'<p>What you have seen or heard.</p>'.repeat(200)}`;
  // Random-looking text, so that compression cannot shrink it below the buffers it passes through.
  const big = Array.from({ length: 40_000 }, (_, i) => ((i * 2654435761) % 4294967296).toString(36)).join(' ');
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({
      // As Astro's adapter writes a page: head with an object, then the body in pieces.
      '/streamed': (res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.write(page.slice(0, 1000));
        res.write(page.slice(1000));
        res.end();
      },
      // As the report API answers: head, then the whole body to end().
      '/whole': (res) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ text: page }));
      },
      // As the adapter sends a static file: a stream piped in, much larger than any buffer.
      '/piped': (res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        Readable.from([Buffer.from(big.slice(0, 100_000)), Buffer.from(big.slice(100_000))]).pipe(res);
      },
      '/tiny': (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"token":"abc"}');
      },
      '/png': (res) => {
        res.setHeader('Content-Type', 'image/png');
        res.end(Buffer.alloc(5000));
      },
      '/encoded': (res) => {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
        res.end(Buffer.from('not really'));
      },
      '/no-transform': (res) => {
        res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-transform' });
        res.end(page);
      },
      '/not-modified': (res) => {
        res.writeHead(304, { 'Content-Type': 'text/html' });
        res.end();
      },
    });
  });
  afterAll(() => server.close());

  test('a streamed page goes out as brotli or gzip, whole and correct', async () => {
    const br = await get(`${server.url}/streamed`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.text).toBe(page);
    expect(br.raw.length).toBeLessThan(page.length / 10);
    const gz = await get(`${server.url}/streamed`, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(page);
    const none = await get(`${server.url}/streamed`, { 'accept-encoding': 'identity' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.headers.vary).toBe('Accept-Encoding');
    expect(none.text).toBe(page);
  });

  test('a body written whole keeps its status and is compressed when large', async () => {
    const r = await get(`${server.url}/whole`, { 'accept-encoding': 'br' });
    expect(r.status).toBe(201);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-length']).toBeUndefined();
    expect(JSON.parse(r.text).text).toBe(page);
  });

  test('a large body piped in arrives whole, compressed', async () => {
    for (const accept of ['br', 'gzip']) {
      const r = await get(`${server.url}/piped`, { 'accept-encoding': accept });
      expect(r.headers['content-encoding']).toBe(accept);
      expect(r.text).toBe(big);
    }
  });

  test('a tiny body is sent as it is, with its length', async () => {
    const r = await get(`${server.url}/tiny`, { 'accept-encoding': 'br' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-length']).toBe('15');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.text).toBe('{"token":"abc"}');
  });

  test('images, encoded bodies, no-transform, 304 and HEAD are left alone', async () => {
    const png = await get(`${server.url}/png`, { 'accept-encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.raw.length).toBe(5000);
    expect((await get(`${server.url}/encoded`, { 'accept-encoding': 'br' })).raw.toString()).toBe('not really');
    const kept = await get(`${server.url}/no-transform`, { 'accept-encoding': 'br' });
    expect(kept.headers['content-encoding']).toBeUndefined();
    expect(kept.text).toBe(page);
    expect((await get(`${server.url}/not-modified`, { 'accept-encoding': 'br' })).status).toBe(304);
    const head = await get(`${server.url}/streamed`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.raw.length).toBe(0);
  });
});

describe('copies made at build time', () => {
  const root = mkdtempSync(join(tmpdir(), 'precompress-'));
  const client = join(root, 'client');
  const html = `<!doctype html><title>Parents</title>${'<p>Signs a parent might notice.</p>'.repeat(100)}`;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    mkdirSync(join(client, 'parents'), { recursive: true });
    mkdirSync(join(client, '_astro'), { recursive: true });
    writeFileSync(join(client, 'parents', 'index.html'), html);
    writeFileSync(join(client, '_astro', 'Base.abc.css'), 'body { color: black; }\n'.repeat(100));
    writeFileSync(join(client, 'tiny.txt'), 'small');
    writeFileSync(join(client, 'poster.png'), Buffer.alloc(4000));
    const manifest: Manifest = { files: {} };
    const pool = new CompressionPool(join(root, 'precompressed', '.rendered'));
    await precompress(client, join(root, 'precompressed'), manifest, pool);
    await pool.close();
    writeFileSync(join(root, 'precompressed', MANIFEST_NAME), JSON.stringify(manifest));
    const handle = precompressedFiles(join(root, 'precompressed'));
    const s = http.createServer((req, res) => {
      if (handle(req, res)) return;
      res.writeHead(299, { 'content-type': 'text/plain', 'x-cache-control-seen': String(res.getHeader('cache-control') ?? '') });
      res.end('passed on');
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const { port } = s.address() as AddressInfo;
    server = { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => s.close(() => r())) };
  });
  afterAll(() => server.close());

  test('a page is sent from its brotli copy, and revalidated with its own validator', async () => {
    for (const path of ['/parents/', '/parents', '/parents/index.html']) {
      const br = await get(`${server.url}${path}`, { 'accept-encoding': 'gzip, br' });
      expect(br.status, path).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(br.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(br.text).toBe(html);
    }
    const br = await get(`${server.url}/parents/`, { 'accept-encoding': 'br' });
    const again = await get(`${server.url}/parents/`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
  });

  test('hashed bundles have brotli and gzip copies, each with its validator, kept for a year', async () => {
    const css = await get(`${server.url}/_astro/Base.abc.css`, { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await get(`${server.url}/_astro/Base.abc.css`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(css.text);
    expect(gz.headers.etag).not.toBe(css.headers.etag);
  });

  test('a page has no gzip copy: a gzip-only client is passed on, to be compressed as it is sent', async () => {
    const gz = await get(`${server.url}/parents/`, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(299);
    expect(gz.headers.vary).toBe('Accept-Encoding');
  });

  test('anything else goes on to the adapter, with its caching decided', async () => {
    const plain = await get(`${server.url}/parents/`, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(299);
    expect(plain.headers['x-cache-control-seen']).toBe('public, max-age=0, must-revalidate');
    expect((await get(`${server.url}/tiny.txt`, { 'accept-encoding': 'br' })).status).toBe(299);
    expect((await get(`${server.url}/poster.png`, { 'accept-encoding': 'br' })).status).toBe(299);
    expect((await get(`${server.url}/nothing-here/`, { 'accept-encoding': 'br' })).status).toBe(299);
    expect((await get(`${server.url}/../../etc/passwd`, { 'accept-encoding': 'br' })).status).toBe(299);
    expect((await get(`${server.url}/parents/`, { 'accept-encoding': 'br', range: 'bytes=0-10' })).status).toBe(299);
  });
});

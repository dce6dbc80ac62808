// Compression for the Node server: brotli where the client accepts it, else gzip. Static files
// are compressed once at build time (src/integrations/precompress.ts, served by
// ./precompressed.ts); everything else (the report form, the API, the 404 page) is compressed as
// it is sent, by `compressOnTheFly`. Cloudflare compresses at its edge, so the Worker needs none.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';

export type Coding = 'br' | 'gzip';

/** Below this a response fits in one packet anyway, and compressing it costs more than it saves. */
export const MIN_BYTES = 1024;

/**
 * The encoding to answer with, from the request's Accept-Encoding: brotli (smaller by a fifth)
 * unless the client prefers gzip, never one it refused with q=0, none when it names neither.
 */
export function chooseEncoding(header: string | string[] | undefined): Coding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = Math.max(weight('gzip'), weights.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return undefined;
}

/** Text formats gain from compression; images, fonts and Pagefind's own files are compressed already. */
export function isCompressible(contentType: string | number | string[] | undefined): boolean {
  const type = String(contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || /^application\/(json|javascript|xml|wasm|manifest\+json|ld\+json|geo\+json)$/.test(type) || type.endsWith('+xml');
}

/** Adds Accept-Encoding to a Vary header, once. */
export function varyOnEncoding(vary: string | number | string[] | undefined): string {
  const existing = String(vary ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (existing.some((v) => v === '*' || v.toLowerCase() === 'accept-encoding')) return existing.join(', ');
  return [...existing, 'Accept-Encoding'].join(', ');
}

/**
 * zlib options for a file compressed once at build time. 'max' (brotli 11, gzip 9) is for the few
 * files every visitor fetches; 'fast' (brotli 5, gzip 6) for the many pages. Plain numbers, so
 * they can be handed to a worker thread.
 */
export function storageOptions(coding: Coding, effort: 'max' | 'fast'): zlib.ZlibOptions | zlib.BrotliOptions {
  if (coding === 'gzip') return { level: effort === 'max' ? 9 : 6 };
  return { params: brotliParams(0, effort === 'max' ? 11 : 5) };
}

function brotliParams(size: number, quality: number): Record<number, number> {
  return {
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
    ...(size > 0 ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } : {}),
  };
}

/**
 * Compresses whatever `res` sends next, if it is worth it: a compressible type, not already
 * encoded, not a HEAD, 204, 206 or 304, not marked no-transform, and not under MIN_BYTES when its
 * size is known. Writing the status line waits for the first piece of the body, so a response
 * written whole with `end(body)` is measured first. Every compressible response says
 * `Vary: Accept-Encoding`, so a shared cache never hands brotli to a client that cannot read it.
 * Brotli at quality 5 here: nearly the size of quality 11 for a page, at a fortieth of the time.
 */
export function compressOnTheFly(req: IncomingMessage, res: ServerResponse): void {
  const coding = chooseEncoding(req.headers['accept-encoding']);
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let pending: unknown[] = [];
  let decided = false;
  let stream: zlib.BrotliCompress | zlib.Gzip | undefined;

  /** Writes the status and headers, compressing from here on if it is worth it. */
  const decide = (knownLength?: number) => {
    decided = true;
    const status = res.statusCode;
    // A body written whole is sent with its length rather than in chunks.
    const plain = () => {
      if (knownLength !== undefined && !res.hasHeader('content-length') && req.method !== 'HEAD' && status >= 200 && status !== 204 && status !== 304) {
        res.setHeader('Content-Length', knownLength);
      }
      return writeHead(status, ...pending);
    };
    if (!isCompressible(res.getHeader('content-type'))) return plain();
    res.setHeader('Vary', varyOnEncoding(res.getHeader('vary')));
    const length = knownLength ?? Number(res.getHeader('content-length') ?? Number.NaN);
    const skip = !coding || req.method === 'HEAD' || status < 200 || status === 204 || status === 206 || status === 304
      || res.hasHeader('content-encoding') || /\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? '')) || length < MIN_BYTES;
    if (skip) return plain();

    res.setHeader('Content-Encoding', coding);
    res.removeHeader('Content-Length');
    // A different representation may not share a strong validator with the original.
    const etag = res.getHeader('etag');
    if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
    const compressor = coding === 'br'
      ? zlib.createBrotliCompress({ params: brotliParams(Number.isNaN(length) ? 0 : length, 5) })
      : zlib.createGzip({ level: 6 });
    // Backpressure both ways: the socket pauses the compressor, and a writer told to wait by the
    // compressor (a file piped in, larger than its buffer) hears when it may go on.
    compressor.on('data', (chunk: Buffer) => {
      if (!write(chunk)) compressor.pause();
    });
    res.on('drain', () => compressor.resume());
    compressor.on('drain', () => res.emit('drain'));
    compressor.on('end', () => end());
    stream = compressor;
    return writeHead(status, ...pending);
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (decided) return writeHead(status, ...rest);
    res.statusCode = status;
    // Headers passed here become ordinary headers, so the decision can read and change them.
    pending = rest.filter((arg) => {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return true;
      for (const [name, value] of Object.entries(arg as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
      return false;
    });
    return res;
  }) as typeof res.writeHead;

  const bytes = (chunk: unknown, encoding: unknown) =>
    typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : (chunk as Buffer);

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!decided) decide();
    if (!stream) return write(chunk, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as ((error?: Error | null) => void) | undefined;
    return stream.write(bytes(chunk, rest[0]), callback);
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    const body = chunk === undefined || chunk === null ? undefined : bytes(chunk, args[1]);
    if (!decided) decide(body?.length ?? 0);
    if (!stream) return end(...args);
    const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) res.once('finish', callback);
    if (body) stream.end(body);
    else stream.end();
    return res;
  }) as typeof res.end;
}

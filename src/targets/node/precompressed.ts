// Serves the brotli and gzip copies of static files that the build wrote (see
// src/integrations/precompress.ts) to clients that accept them, and gives every static file its
// caching headers. Only files named in the build's list are served here, so no request can reach
// outside it; anything else, and clients that accept neither encoding, go on to the adapter.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { cacheControlFor } from '../../lib/cache-policy.ts';
import { chooseEncoding, type Coding } from './compression.ts';

/** One file of the client folder, as the build recorded it. */
export interface PrecompressedFile {
  /** Which compressed copies exist: none for images, tiny files and files already compressed. */
  codings: Coding[];
  /** Content-Type to send, for a text file (one that may vary by encoding). */
  type?: string;
  /** A hash of the uncompressed file, when it has copies: the same bytes keep the same validator. */
  hash?: string;
}

export interface Manifest {
  /** Keyed by the file's path under the client folder, e.g. "/parents/index.html". */
  files: Record<string, PrecompressedFile>;
}

export const MANIFEST_NAME = 'manifest.json';

/** The path a compressed copy is stored at, under the folder the build wrote them to. */
export function storedAt(folder: string, file: string, coding: Coding): string {
  return join(folder, `${file}.${coding === 'br' ? 'br' : 'gz'}`);
}

/** The file a request path names, as the adapter resolves it ("/parents" and "/parents/" are the page). */
function candidates(pathname: string): string[] {
  if (pathname.endsWith('/')) return [`${pathname}index.html`];
  return [pathname, `${pathname}/index.html`];
}

/**
 * Returns a handler that answers from the compressed copies, or returns false to let the request
 * go on. `folder` holds the copies and their manifest; without one (a build from before this
 * existed) every request goes on.
 */
export function precompressedFiles(folder: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, MANIFEST_NAME), 'utf8')) as Manifest;
  } catch {
    return () => false;
  }
  const files = new Map(Object.entries(manifest.files));

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // A range of a compressed copy is not a range of the file: the adapter answers those.
    if (req.headers.range) return false;
    let pathname: string;
    try {
      pathname = decodeURI(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    const name = candidates(pathname).find((c) => files.has(c));
    if (!name) return false;
    const file = files.get(name)!;
    // The same caching for every file and copy, including those the adapter sends.
    res.setHeader('Cache-Control', cacheControlFor(pathname));
    if (!file.type) return false;
    res.setHeader('Vary', 'Accept-Encoding');
    const coding = chooseEncoding(req.headers['accept-encoding']);
    if (!coding || !file.codings.includes(coding)) return false;

    const etag = `"${file.hash}-${coding}"`;
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Encoding', coding);
    res.setHeader('ETag', etag);
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.removeHeader('Content-Encoding');
      res.writeHead(304);
      res.end();
      return true;
    }
    readFile(storedAt(folder, name, coding)).then(
      (body) => {
        res.setHeader('Content-Length', body.length);
        res.writeHead(200);
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        // The copy went missing after the server started: say so rather than send the wrong thing.
        res.removeHeader('Content-Encoding');
        res.removeHeader('ETag');
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
        res.end('This file is being replaced. Try again in a moment.');
      },
    );
    return true;
  };
}

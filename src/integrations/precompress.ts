// Compresses every static text file once, at build time, for the Node server to send as it is
// (src/server/precompressed.ts): brotli for browsers over HTTPS, gzip for the rest. The copies go
// to `<outDir>/precompressed/`, outside the client folder, so they are never served by name and
// never reach Cloudflare, which compresses at its edge (and counts files against a limit).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compressForStorage, MIN_BYTES, type Coding } from '../server/compression.ts';
import { MANIFEST_NAME, storedAt, type Manifest } from '../server/precompressed.ts';

/** The text files worth compressing, and the Content-Type each is sent with. */
export const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/**
 * Shared, long-cached files (bundles and the search code) are few and fetched by every visitor:
 * they get the slowest, smallest settings. Pages and data are many (11,000 on a 10,000-service
 * directory) and each is fetched by fewer people: brotli 5 is within a few per cent of 11 on them
 * at a fortieth of the time.
 */
function effortFor(file: string): 'max' | 'fast' {
  return file.startsWith('/_astro/') || file.startsWith('/pagefind/') ? 'max' : 'fast';
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Writes the compressed copies of `client`'s text files into `target`, with their manifest. */
export async function precompress(client: string, target: string): Promise<{ files: number; bytes: number; stored: Record<Coding, number> }> {
  await rm(target, { recursive: true, force: true });
  const manifest: Manifest = { files: {} };
  const paths = await filesUnder(client);
  let bytes = 0;
  const stored: Record<Coding, number> = { br: 0, gzip: 0 };
  const folders = new Set<string>();
  // zlib's asynchronous calls run on libuv's thread pool, so a few in flight keep every core busy.
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const name = `/${relative(client, path).split(sep).join('/')}`;
      const type = TEXT_TYPES[extname(path)];
      // Every file is listed, so the server knows how long each may be cached.
      manifest.files[name] = { codings: [], ...(type ? { type } : {}) };
      if (!type) continue;
      const data = await readFile(path);
      if (data.length < MIN_BYTES) continue;
      const codings: Coding[] = [];
      for (const coding of ['br', 'gzip'] as const) {
        const out = await compressForStorage(data, coding, effortFor(name));
        // A copy that saves less than a tenth is not worth a second file.
        if (out.length > data.length * 0.9) continue;
        const at = storedAt(target, name, coding);
        if (!folders.has(dirname(at))) {
          folders.add(dirname(at));
          await mkdir(dirname(at), { recursive: true });
        }
        await writeFile(at, out);
        codings.push(coding);
        stored[coding] += out.length;
      }
      if (!codings.length) continue;
      bytes += data.length;
      manifest.files[name] = { codings, type, hash: createHash('sha256').update(data).digest('base64url').slice(0, 22) };
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() * 2 }, worker));
  await mkdir(target, { recursive: true });
  await writeFile(join(target, MANIFEST_NAME), JSON.stringify(manifest));
  return { files: Object.values(manifest.files).filter((f) => f.codings.length).length, bytes, stored };
}

/** For the Node target: runs after Pagefind has written its files, so they are compressed too. */
export function precompressIntegration(): AstroIntegration {
  let outDir: URL;
  return {
    name: 'see-the-signs:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { files, bytes, stored } = await precompress(fileURLToPath(dir), fileURLToPath(new URL('./precompressed/', outDir)));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
        logger.info(`Compressed ${files} files (${mib(bytes)}: ${mib(stored.br)} brotli, ${mib(stored.gzip)} gzip) in ${seconds} s.`);
      },
    },
  };
}

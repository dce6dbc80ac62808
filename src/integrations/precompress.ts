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
 * Shared, long-cached files (Astro's bundles and the search code) are few and fetched by every
 * visitor: brotli 11 and gzip 9, however long they take. Pages and data are many (21,000 files
 * on a 10,000-service directory) and each is fetched by fewer people: brotli 5, within a few per
 * cent of 11 at a fortieth of the time, and no gzip copy — the rare client without brotli gets
 * gzip made as it is sent (a third of a millisecond for a page).
 */
export function codingsFor(file: string): { codings: Coding[]; effort: 'max' | 'fast' } {
  return file.startsWith('/_astro/') || file.startsWith('/pagefind/')
    ? { codings: ['br', 'gzip'], effort: 'max' }
    : { codings: ['br'], effort: 'fast' };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export interface Totals {
  files: number;
  bytes: number;
  stored: Record<Coding, number>;
}

/**
 * Compresses `client`'s text files (those `include` accepts) into `target`, adding each to
 * `manifest`. Call once per part of the folder; write the manifest when every part is done.
 */
export async function precompress(client: string, target: string, manifest: Manifest, include: (name: string) => boolean = () => true): Promise<Totals> {
  const paths = (await filesUnder(client)).map((path) => ({ path, name: `/${relative(client, path).split(sep).join('/')}` })).filter((f) => include(f.name));
  const totals: Totals = { files: 0, bytes: 0, stored: { br: 0, gzip: 0 } };
  const folders = new Map<string, Promise<unknown>>();
  // zlib's asynchronous calls run on libuv's thread pool, so a few in flight keep every core busy.
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const { path, name } = paths[next++]!;
      const type = TEXT_TYPES[extname(path)];
      // Every file is listed, so the server knows how long each may be cached.
      manifest.files[name] = { codings: [], ...(type ? { type } : {}) };
      if (!type) continue;
      const data = await readFile(path);
      if (data.length < MIN_BYTES) continue;
      const plan = codingsFor(name);
      const codings: Coding[] = [];
      for (const coding of plan.codings) {
        const out = await compressForStorage(data, coding, plan.effort);
        // A copy that saves less than a tenth is not worth a second file.
        if (out.length > data.length * 0.9) continue;
        const at = storedAt(target, name, coding);
        // One mkdir per folder, awaited by every file that goes in it.
        if (!folders.has(dirname(at))) folders.set(dirname(at), mkdir(dirname(at), { recursive: true }));
        await folders.get(dirname(at));
        await writeFile(at, out);
        codings.push(coding);
        totals.stored[coding] += out.length;
      }
      if (!codings.length) continue;
      totals.files++;
      totals.bytes += data.length;
      manifest.files[name] = { codings, type, hash: createHash('sha256').update(data).digest('base64url').slice(0, 22) };
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() * 2 }, worker));
  return totals;
}

/**
 * For the Node target, two steps around Pagefind's: `start` begins compressing the pages as soon
 * as they are written and lets the build go on, so the work overlaps Pagefind's indexing (its own
 * process); `finish` waits for it, compresses Pagefind's files and writes the manifest.
 */
export function precompressIntegrations(): { start: AstroIntegration; finish: AstroIntegration } {
  let target = '';
  let started = 0;
  const manifest: Manifest = { files: {} };
  let pages: Promise<Totals> | undefined;
  const isSearch = (name: string) => name.startsWith('/pagefind/');
  return {
    start: {
      name: 'see-the-signs:precompress-pages',
      hooks: {
        'astro:config:done': ({ config }) => {
          target = fileURLToPath(new URL('./precompressed/', config.outDir));
        },
        'astro:build:done': async ({ dir }) => {
          started = performance.now();
          await rm(target, { recursive: true, force: true });
          pages = precompress(fileURLToPath(dir), target, manifest, (name) => !isSearch(name));
          // Reported by `finish`; this keeps an early failure from going unhandled meanwhile.
          pages.catch(() => {});
        },
      },
    },
    finish: {
      name: 'see-the-signs:precompress',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const a = await pages!;
          const b = await precompress(fileURLToPath(dir), target, manifest, isSearch);
          await mkdir(target, { recursive: true });
          await writeFile(join(target, MANIFEST_NAME), JSON.stringify(manifest));
          const mib = (n: number) => (n < 2 ** 20 ? `${(n / 1024).toFixed(0)} kB` : `${(n / 2 ** 20).toFixed(1)} MiB`);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Compressed ${a.files + b.files} files (${mib(a.bytes + b.bytes)}: ${mib(a.stored.br + b.stored.br)} brotli, ${mib(a.stored.gzip + b.stored.gzip)} gzip) in ${seconds} s, alongside Pagefind.`);
        },
      },
    },
  };
}

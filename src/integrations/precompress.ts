// Compresses every static text file once, at build time, for the Node server to send as it is
// (src/server/precompressed.ts): brotli for browsers over HTTPS, gzip for the rest. The copies go
// to `<outDir>/precompressed/`, outside the client folder, so they are never served by name and
// never reach Cloudflare, which compresses at its edge (and counts files against a limit).
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MIN_BYTES, storageOptions, type Coding } from '../server/compression.ts';
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

/** One file for a worker: read it, compress it each way, write the copies. */
interface Job {
  path: string;
  copies: { at: string; options: unknown; brotli: boolean }[];
}
interface Done {
  path: string;
  size: number;
  hash: string;
  /** Bytes of each copy, in the job's order; 0 where a copy was not worth keeping. */
  sizes: number[];
}

/**
 * The worker's whole program, run from this function's source (a worker given a file path would
 * depend on where the build tool put this module). Synchronous zlib in each worker keeps the
 * compression off the build's main thread, which goes on with Pagefind meanwhile.
 */
function workerMain(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const zlib = require('node:zlib') as typeof import('node:zlib');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const made = new Set<string>();
  parentPort!.on('message', (jobs: Job[]) => {
    const results: Done[] = jobs.map((job) => {
      const data = fs.readFileSync(job.path);
      const sizes = job.copies.map((copy) => {
        const options = copy.options as { params?: Record<number, number> };
        const out = copy.brotli
          ? zlib.brotliCompressSync(data, { ...options, params: { ...options.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } })
          : zlib.gzipSync(data, options as import('node:zlib').ZlibOptions);
        // A copy that saves less than a tenth is not worth a second file.
        if (out.length > data.length * 0.9) return 0;
        const folder = path.dirname(copy.at);
        if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
        made.add(folder);
        fs.writeFileSync(copy.at, out);
        return out.length;
      });
      return { path: job.path, size: data.length, hash: createHash('sha256').update(data).digest('base64url').slice(0, 22), sizes };
    });
    parentPort!.postMessage(results);
  });
}

/**
 * Compresses `client`'s text files (those `include` accepts) into `target` on worker threads,
 * adding each to `manifest`. Call once per part of the folder; write the manifest when every part
 * is done.
 */
export async function precompress(client: string, target: string, manifest: Manifest, include: (name: string) => boolean = () => true): Promise<Totals> {
  const totals: Totals = { files: 0, bytes: 0, stored: { br: 0, gzip: 0 } };
  const jobs: Job[] = [];
  const plans = new Map<string, { name: string; type: string; codings: Coding[] }>();
  for (const path of await filesUnder(client)) {
    const name = `/${relative(client, path).split(sep).join('/')}`;
    if (!include(name)) continue;
    const type = TEXT_TYPES[extname(path)];
    // Every file is listed, so the server knows how long each may be cached.
    manifest.files[name] = { codings: [], ...(type ? { type } : {}) };
    if (!type || (await stat(path)).size < MIN_BYTES) continue;
    const plan = codingsFor(name);
    plans.set(path, { name, type, codings: plan.codings });
    jobs.push({ path, copies: plan.codings.map((coding) => ({ at: storedAt(target, name, coding), options: storageOptions(coding, plan.effort), brotli: coding === 'br' })) });
  }
  if (!jobs.length) return totals;

  const workers = Array.from({ length: Math.min(availableParallelism(), Math.ceil(jobs.length / 50)) }, () => new Worker(`(${workerMain.toString()})()`, { eval: true }));
  try {
    let next = 0;
    // Small batches: few messages, and the workers finish together.
    const BATCH = 32;
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= jobs.length) return resolve();
        worker.postMessage(jobs.slice(next, (next += BATCH)));
      };
      worker.on('message', (results: Done[]) => {
        for (const done of results) {
          const plan = plans.get(done.path)!;
          const codings = plan.codings.filter((_, i) => done.sizes[i]! > 0);
          plan.codings.forEach((coding, i) => (totals.stored[coding] += done.sizes[i]!));
          if (!codings.length) continue;
          totals.files++;
          totals.bytes += done.size;
          manifest.files[plan.name] = { codings, type: plan.type, hash: done.hash };
        }
        send();
      });
      worker.on('error', reject);
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
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

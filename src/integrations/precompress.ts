// Compresses every static text file once, at build time, for the Node server to send as it is
// (src/targets/node/precompressed.ts): brotli for browsers over HTTPS, gzip for the rest. The copies go
// to `<outDir>/precompressed/`, outside the client folder, so they are never served by name and
// never reach Cloudflare, which compresses at its edge (and counts files against a limit).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { storageOptions, type Coding } from '../targets/node/compression.ts';
import { MANIFEST_NAME, storedAt, type Manifest } from '../targets/node/precompressed.ts';
import { takeRenderedPages } from './rendered-pages.ts';

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
  /** Of which compressed while they were rendered. */
  reused: number;
  bytes: number;
  stored: Record<Coding, number>;
}

interface Copy {
  coding: Coding;
  options: unknown;
  /** Where the copy goes; for a page compressed while it was rendered, decided later. */
  at?: string;
}
/** A page as it was rendered, or a file as the build left it. */
type Job = { body: Uint8Array; copies: Copy[] } | { path: string; copies: Copy[] };
interface Done {
  size: number;
  hash: string;
  /** True when the copies were the ones made while the page was rendered. */
  reused: boolean;
  /** Bytes of each copy, in the job's order; 0 where a copy was not worth keeping. */
  sizes: number[];
}

/**
 * The worker's whole program, run from this function's source (a worker given a file path would
 * depend on where the build tool put this module). Synchronous zlib in each worker keeps the
 * compression off the build's main thread. A rendered page's copies are kept under its hash in
 * `byHash`; a file whose contents match a kept copy takes that copy instead of being compressed.
 */
function workerMain(byHash: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const zlib = require('node:zlib') as typeof import('node:zlib');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const made = new Set<string>();
  const write = (at: string, data: Uint8Array) => {
    const folder = path.dirname(at);
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    fs.writeFileSync(at, data);
  };
  const compress = (data: Uint8Array, copy: Copy) => {
    const options = copy.options as { params?: Record<number, number> };
    return copy.coding === 'br'
      ? zlib.brotliCompressSync(data, { ...options, params: { ...options.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } })
      : zlib.gzipSync(data, options as import('node:zlib').ZlibOptions);
  };
  parentPort!.on('message', ({ id, jobs }: { id: number; jobs: Job[] }) => {
    const results: Done[] = jobs.map((job) => {
      const data = 'body' in job ? job.body : fs.readFileSync(job.path);
      const hash = createHash('sha256').update(data).digest('base64url').slice(0, 22);
      let reused = false;
      const sizes = job.copies.map((copy) => {
        const kept = path.join(byHash, `${hash}.${copy.coding}`);
        if (copy.at && fs.existsSync(kept)) {
          // A second name for the same bytes: nothing is copied.
          const folder = path.dirname(copy.at);
          if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
          made.add(folder);
          fs.linkSync(kept, copy.at);
          reused = true;
          return fs.statSync(kept).size;
        }
        const out = compress(data, copy);
        // A copy that saves less than a tenth is not worth a second file.
        if (out.length > data.length * 0.9) return 0;
        write(copy.at ?? kept, out);
        return out.length;
      });
      return { size: data.length, hash, sizes, reused };
    });
    parentPort!.postMessage({ id, results });
  });
}

/** Worker threads that compress, as many as there are cores. */
export class CompressionPool {
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, { resolve: (results: Done[]) => void; reject: (error: Error) => void }>();
  #next = 0;
  #turn = 0;
  #inFlight = new Set<Promise<unknown>>();

  constructor(byHash: string) {
    this.#workers = Array.from({ length: availableParallelism() }, () => {
      const worker = new Worker(`(${workerMain.toString()})(${JSON.stringify(byHash)})`, { eval: true });
      worker.on('message', ({ id, results }: { id: number; results: Done[] }) => {
        this.#waiting.get(id)?.resolve(results);
        this.#waiting.delete(id);
      });
      // A worker that fails (a file it cannot write) fails every batch still waiting, so the build stops.
      worker.on('error', (error: Error) => {
        for (const waiting of this.#waiting.values()) waiting.reject(error);
        this.#waiting.clear();
      });
      return worker;
    });
  }

  run(jobs: Job[]): Promise<Done[]> {
    const id = this.#next++;
    const worker = this.#workers[this.#turn++ % this.#workers.length]!;
    const done = new Promise<Done[]>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    worker.postMessage({ id, jobs }, jobs.flatMap((j) => ('body' in j ? [j.body.buffer as ArrayBuffer] : [])));
    this.#inFlight.add(done);
    void done.finally(() => this.#inFlight.delete(done)).catch(() => {});
    return done;
  }

  /** Waits for everything handed over so far. */
  async drain(): Promise<void> {
    while (this.#inFlight.size) await Promise.all(this.#inFlight);
  }

  close(): Promise<number[]> {
    return Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/**
 * Compresses `client`'s text files (those `include` accepts) into `target`, adding each to
 * `manifest`: a file whose contents were compressed while its page was rendered takes that copy.
 * Call once per part of the folder; write the manifest when every part is done.
 */
export async function precompress(client: string, target: string, manifest: Manifest, pool: CompressionPool, include: (name: string) => boolean = () => true): Promise<Totals> {
  const totals: Totals = { files: 0, reused: 0, bytes: 0, stored: { br: 0, gzip: 0 } };
  const work: { name: string; type: string; codings: Coding[]; job: Job }[] = [];
  for (const path of await filesUnder(client)) {
    const name = `/${relative(client, path).split(sep).join('/')}`;
    if (!include(name)) continue;
    const type = TEXT_TYPES[extname(path)];
    // Every file is listed, so the server knows how long each may be cached.
    manifest.files[name] = { codings: [], ...(type ? { type } : {}) };
    // Small files too (unlike responses compressed as they are sent, which skip under a kilobyte):
    // made once, a copy costs nothing per request, and a 642-byte bundle goes out as 443.
    if (!type) continue;
    const plan = codingsFor(name);
    const copies = plan.codings.map((coding) => ({ coding, options: storageOptions(coding, plan.effort), at: storedAt(target, name, coding) }));
    work.push({ name, type, codings: plan.codings, job: { path, copies } });
  }
  // Small batches: few messages, and the workers finish together.
  const BATCH = 32;
  const batches = [];
  for (let i = 0; i < work.length; i += BATCH) batches.push(work.slice(i, i + BATCH));
  await Promise.all(batches.map(async (batch) => {
    const results = await pool.run(batch.map((w) => w.job));
    results.forEach((done, i) => {
      const { name, type, codings: planned } = batch[i]!;
      const codings = planned.filter((_, c) => done.sizes[c]! > 0);
      planned.forEach((coding, c) => (totals.stored[coding] += done.sizes[c]!));
      if (!codings.length) return;
      totals.files++;
      if (done.reused) totals.reused++;
      totals.bytes += done.size;
      manifest.files[name] = { codings, type, hash: done.hash };
    });
  }));
  return totals;
}

/**
 * For the Node target. Pages are compressed while the build renders them — each page's bytes go to
 * worker threads on the other core (./rendered-pages.ts) — so most of the work is done by the time
 * the last page is written. Two steps around Pagefind's: `start` starts the workers; `finish`, once
 * Pagefind has written its files, gives each file of the client folder its copies (taking the one
 * made while rendering when the bytes match) and writes the manifest.
 */
export function precompressIntegrations(): { start: AstroIntegration; finish: AstroIntegration } {
  let target = '';
  let byHash = '';
  let started = 0;
  let pool: CompressionPool | undefined;
  let pending: Uint8Array[] = [];
  const flush = () => {
    if (pool && pending.length) void pool.run(pending.map((body) => ({ body, copies: [{ coding: 'br' as const, options: storageOptions('br', 'fast') }] }))).catch(() => {});
    pending = [];
  };
  let stopTaking = () => {};
  return {
    start: {
      name: 'see-the-signs:precompress-pages',
      hooks: {
        'astro:config:done': ({ config }) => {
          target = fileURLToPath(new URL('./precompressed/', config.outDir));
          byHash = join(target, '.rendered');
        },
        'astro:build:start': async () => {
          started = performance.now();
          await rm(target, { recursive: true, force: true });
          pool = new CompressionPool(byHash);
          stopTaking = takeRenderedPages(({ body }) => {
            // A copy goes to the workers: the build writes these bytes, and the workers' buffer moves away.
            pending.push(body.slice());
            if (pending.length >= 16) flush();
          });
        },
      },
    },
    finish: {
      name: 'see-the-signs:precompress',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          stopTaking();
          flush();
          try {
            await pool!.drain();
            const manifest: Manifest = { files: {} };
            const totals = await precompress(fileURLToPath(dir), target, manifest, pool!);
            await rm(byHash, { recursive: true, force: true });
            await mkdir(target, { recursive: true });
            await writeFile(join(target, MANIFEST_NAME), JSON.stringify(manifest));
            const mib = (n: number) => (n < 2 ** 20 ? `${(n / 1024).toFixed(0)} kB` : `${(n / 2 ** 20).toFixed(1)} MiB`);
            const seconds = ((performance.now() - started) / 1000).toFixed(1);
            logger.info(`Compressed ${totals.files} files (${mib(totals.bytes)}: ${mib(totals.stored.br)} brotli, ${mib(totals.stored.gzip)} gzip), ${totals.reused} of them while they were rendered; ${seconds} s since the build began.`);
          } finally {
            await pool!.close();
          }
        },
      },
    },
  };
}

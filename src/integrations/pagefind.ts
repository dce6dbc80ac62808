// Builds the search index with Pagefind. Each page goes to Pagefind as the build renders it
// (./rendered-pages.ts), through a worker thread (./pagefind-worker.ts), so Pagefind indexes pages
// on the other core while Astro renders the rest; once the build is done only the English Easy
// Read pages filed for the other languages (./search-easy-read.ts) and the index files are left.
// The index lands in `<client dir>/pagefind/` with any adapter, as Starlight's does.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { Finished, FromWorker, ToWorker } from './pagefind-worker.ts';
import { takeRenderedPages } from './rendered-pages.ts';
import { easyReadRecords, type EasyReadSearch } from './search-easy-read.ts';

const UNUSED_UI_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js',
];

const BODY_MARK = 'data-pagefind-body';

/** The address Pagefind gives a built file when it reads the folder: `/help/` for help/index.html. */
const pageUrl = (pathname: string) => (pathname.endsWith('/') || /\.html?$/.test(pathname) ? pathname : `${pathname}/`);

/**
 * Pages handed to Pagefind and not yet indexed, at most: when Pagefind falls behind, rendering
 * waits, so pages do not pile up in memory.
 */
const MAX_WAITING = 64;

/**
 * Builds the search index into `<client dir>/pagefind/` on every `astro build`, with the English
 * Easy Read pages filed in every language's index too.
 */
export function pagefindIntegration(easyRead: EasyReadSearch): AstroIntegration {
  let worker: Worker | undefined;
  let stopTaking = () => {};
  let started = 0;
  let root: URL;
  return {
    name: 'see-the-signs:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:start': () => {
        started = performance.now();
        // Run by Node from the source file (as scripts/ are), not through the build's bundler.
        worker = new Worker(new URL('./src/integrations/pagefind-worker.ts', root));
        let sent = 0;
        let indexed = 0;
        // Pages waiting for Pagefind to catch up (more than one when the build renders several at once).
        const waiting: (() => void)[] = [];
        worker.on('message', (message: FromWorker) => {
          if (!('indexed' in message)) return;
          indexed = message.indexed;
          if (sent - indexed <= MAX_WAITING / 2) for (const resume of waiting.splice(0)) resume();
        });
        stopTaking = takeRenderedPages(({ pathname, type, body }) => {
          // Pagefind indexes only the pages marked for it (src/layouts/Base.astro marks a page that has
          // a `kind`) once any page is: the rest, such as the later pages of each directory list,
          // need not cross to it at all.
          if (!type.startsWith('text/html') || !Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(BODY_MARK)) return;
          const copy = body.slice();
          worker!.postMessage({ url: pageUrl(pathname), body: copy } satisfies ToWorker, [copy.buffer as ArrayBuffer]);
          if (++sent - indexed < MAX_WAITING) return;
          return new Promise<void>((resolve) => waiting.push(resolve));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopTaking();
        const client = fileURLToPath(dir);
        const outputPath = fileURLToPath(new URL('./pagefind/', dir));
        try {
          const finished = await new Promise<Finished>((resolve, reject) => {
            worker!.on('message', (message: FromWorker) => 'pages' in message && resolve(message));
            worker!.once('error', reject);
            worker!.postMessage({ finish: outputPath, records: easyReadRecords(client, easyRead) } satisfies ToWorker);
          });
          if (finished.errors.length) throw new Error(`Pagefind could not index the site: ${finished.errors.join('; ')}`);
          // A build whose pages never reached Pagefind would ship a site with an empty search.
          if (!finished.pages) throw new Error('Pagefind was given no pages: the build did not hand its rendered pages over (see src/integrations/rendered-pages.ts).');
          // The search page uses Pagefind's API (src/scripts/search.ts), not its ready-made UIs:
          // 400 kB that no page loads, left out of every deployment.
          await Promise.all(UNUSED_UI_FILES.map((name) => rm(`${outputPath}${name}`, { force: true })));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Indexed ${finished.pages} pages for search as they were rendered; written ${seconds} s after the build began.`);
        } finally {
          await worker!.terminate();
        }
      },
    },
  };
}

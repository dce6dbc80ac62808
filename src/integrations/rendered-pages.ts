// While `astro build` prerenders, a build-only middleware (./rendered-pages-middleware.ts) hands each
// page's bytes to the parts of the build that need them — compression and the search index — so
// they work on the other core while the pages are still rendering, instead of reading every file
// back once the build has written them all (at 10,000 services, 500 MiB and most of a minute).
// Each page's Content-Security-Policy hashes are taken from the same bytes (./page-csp.ts).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';

/** A prerendered page (or endpoint output) exactly as the build writes it. */
export interface RenderedPage {
  /** The request's path, e.g. `/help/childline/` or `/directory/services.json`. */
  pathname: string;
  /** Its Content-Type header. */
  type: string;
  /** Its bytes; a taker that keeps them (or moves them to a worker) keeps a copy. */
  body: Uint8Array;
}
/** Takes a page; a taker that has fallen behind returns a promise, and rendering waits for it. */
export type PageTaker = (page: RenderedPage) => void | Promise<void>;

const TAKERS = Symbol.for('see-the-signs:rendered-pages');
const registry = () => ((globalThis as Record<symbol, PageTaker[] | undefined>)[TAKERS] ??= []);

/**
 * Hands a file the build writes outside Astro's routes (./build-files.ts) to the same takers, so it
 * is compressed on the other core too. Only for files no taker needs to hold rendering back for.
 */
export function offerFile(page: RenderedPage): void {
  for (const taker of registry()) void taker(page);
}

/** Starts handing rendered pages to `taker`; call from `astro:build:start`. Returns the stop. */
export function takeRenderedPages(taker: PageTaker): () => void {
  registry().push(taker);
  return () => {
    const takers = registry();
    takers.splice(takers.indexOf(taker), 1);
  };
}

/**
 * Bytes of pages that may wait for V8's next full collection while the build renders. Each page is
 * copied a few times on its way to disk, to compression and to the search index, as ArrayBuffers
 * outside V8's heap, and V8 times its full collections by its own heap, not by them: at 10,000
 * services 350 MB of them waited at once, and the memory they had taken stayed with the process
 * (the build's peak passed 2 GiB). Collecting when they pass this costs one or two collections a
 * build (about 0.3 s each) and kept rendering at 1.75 GiB.
 */
const MAX_WAITING_BYTES = 160 * 2 ** 20;

/** A full collection, which Node gives a script only when asked to (build time only). */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Registers the middleware for builds; the integrations that take pages register themselves. */
export function renderedPagesIntegration(): AstroIntegration {
  let watch: ReturnType<typeof setInterval> | undefined;
  return {
    name: 'see-the-signs:rendered-pages',
    hooks: {
      'astro:config:setup': ({ addMiddleware, config, command }) => {
        if (command === 'build') addMiddleware({ order: 'pre', entrypoint: new URL('./src/integrations/rendered-pages-middleware.ts', config.root) });
      },
      'astro:build:start': () => {
        const collect = fullCollection();
        watch = setInterval(() => process.memoryUsage().arrayBuffers > MAX_WAITING_BYTES && collect(), 250);
        watch.unref();
      },
      'astro:build:done': () => clearInterval(watch),
    },
  };
}

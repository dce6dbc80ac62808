// While `astro build` prerenders, a build-only middleware (./rendered-pages-middleware.ts) hands each
// page's bytes to the parts of the build that need them — compression and the search index — so
// they work on the other core while the pages are still rendering, instead of reading every file
// back once the build has written them all (at 10,000 services, 500 MiB and most of a minute).
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

/** Starts handing rendered pages to `taker`; call from `astro:build:start`. Returns the stop. */
export function takeRenderedPages(taker: PageTaker): () => void {
  registry().push(taker);
  return () => {
    const takers = registry();
    takers.splice(takers.indexOf(taker), 1);
  };
}

/** Registers the middleware for builds; the integrations that take pages register themselves. */
export function renderedPagesIntegration(): AstroIntegration {
  return {
    name: 'see-the-signs:rendered-pages',
    hooks: {
      'astro:config:setup': ({ addMiddleware, config, command }) => {
        if (command === 'build') addMiddleware({ order: 'pre', entrypoint: new URL('./src/integrations/rendered-pages-middleware.ts', config.root) });
      },
    },
  };
}

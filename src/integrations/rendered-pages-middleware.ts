// Build-time only (registered by ./rendered-pages.ts): hands each prerendered page's bytes, as the
// build renders it, to whatever registered to take them — the workers that compress pages (Node
// target), the search index and each page's policy hashes — so that work runs on the other core
// while rendering goes on. At run time nothing is registered, and every response passes through untouched.
import { defineMiddleware } from 'astro:middleware';
import type { PageTaker } from './rendered-pages.ts';

// The same symbol as rendered-pages.ts's TAKERS, without bundling that build code here.
const TAKERS = Symbol.for('see-the-signs:rendered-pages');

/**
 * Settles when the page whose render started last has been handed over. Pages are handed over in
 * the order their renders start, which is the build's own order of paths, even when it renders
 * several at once (build.concurrency): the search index numbers pages in the order it is given
 * them, and the same site must make the same index.
 */
let previous: Promise<void> = Promise.resolve();

export const onRequest = defineMiddleware(async (context, next) => {
  const takers = (globalThis as Record<symbol, PageTaker[] | undefined>)[TAKERS];
  if (!takers?.length || !context.isPrerendered) return next();
  const before = previous;
  let handedOver = () => {};
  previous = new Promise<void>((resolve) => (handedOver = resolve));
  try {
    const response = await next();
    await before;
    if (response.status !== 200 || !response.body) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const page = { pathname: context.url.pathname, type: response.headers.get('content-type') ?? '', body };
    // Each taker copies what it keeps: the build writes these bytes. One that has fallen behind
    // makes rendering wait, so pages do not pile up in memory.
    await Promise.all(takers.map((taker) => taker(page)));
    return new Response(body, response);
  } finally {
    handedOver();
  }
});

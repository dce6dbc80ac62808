// Build-time only, for the Node target (registered by ./precompress.ts): hands each page's bytes,
// as the build renders it, to the workers that compress pages, so compression runs on the other
// core while rendering goes on. At run time, and on Cloudflare, nothing is registered to take
// them, and every response passes through untouched.
import { defineMiddleware } from 'astro:middleware';
import type { RenderedPages } from './precompress.ts';

// The same symbol as precompress.ts's RENDERED_PAGES, without bundling that build code here.
const RENDERED_PAGES = Symbol.for('see-the-signs:rendered-pages');

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const pages = (globalThis as Record<symbol, RenderedPages | undefined>)[RENDERED_PAGES];
  if (!pages || !context.isPrerendered || response.status !== 200 || !response.body) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  // A copy goes to the workers: the build writes these bytes, and the workers' buffer moves away.
  pages.add(body.slice());
  return new Response(body, response);
});

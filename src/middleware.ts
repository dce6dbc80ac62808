// Refuses form posts from other sites. Astro's own origin check (security.checkOrigin) cannot be
// used: every page sends Referrer-Policy: no-referrer, and under that policy browsers send
// `Origin: null` even on a same-site form post. Fetch metadata (Sec-Fetch-Site) is sent whatever
// the referrer policy, so it is checked first; the Origin header is the fallback.
import { defineMiddleware } from 'astro:middleware';
import { isSameOriginPost } from './lib/same-origin.ts';

export const onRequest = defineMiddleware((context, next) => {
  if (context.request.method !== 'GET' && context.request.method !== 'HEAD' && !isSameOriginPost(context.request)) {
    return new Response('Reports can only be sent from this website.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return next();
});

// Runs for on-demand responses (the report form and API) on both targets; prerendered pages get
// their headers from the Node server or Cloudflare's _headers file.
// It refuses form posts from other sites. Astro's own origin check (security.checkOrigin) cannot be
// used: every page sends Referrer-Policy: no-referrer, and under that policy browsers send
// `Origin: null` even on a same-site form post. Fetch metadata (Sec-Fetch-Site) is sent whatever
// the referrer policy, so it is checked first; the Origin header is the fallback.
import { defineMiddleware } from 'astro:middleware';
import { isSameOriginPost } from './lib/same-origin.ts';
import { PAGE_HEADER_CSP, securityHeadersFor } from './server/security-headers.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  if (context.request.method !== 'GET' && context.request.method !== 'HEAD' && !isSameOriginPost(context.request)) {
    return new Response('Reports can only be sent from this website.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const response = await next();
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeadersFor(context.url.pathname))) headers.set(name, value);
  // A page's own policy (hashes) stays; anything without one gets the frame-ancestors policy.
  if (!headers.has('content-security-policy')) headers.set('content-security-policy', PAGE_HEADER_CSP);
  headers.delete('set-cookie');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});

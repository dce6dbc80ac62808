// Runs for on-demand responses (the report form and API) on both targets; prerendered pages get
// their headers from the Node server or Cloudflare's _headers file. It sets the security headers and
// drops any cookie. (Posts from other sites are refused by the report router, the one place that
// handles them: see src/report/same-origin.ts for why Astro's own origin check cannot be used.)
import { defineMiddleware } from 'astro:middleware';
import { PAGE_HEADER_CSP, securityHeadersFor } from './lib/security-headers.ts';
import { inlineHashes, trimPolicy } from './lib/page-csp.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const response = await next();
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeadersFor(context.url.pathname))) headers.set(name, value);
  // A page's own policy (hashes) stays; anything without one gets the frame-ancestors policy.
  if (!headers.has('content-security-policy')) headers.set('content-security-policy', PAGE_HEADER_CSP);
  headers.delete('set-cookie');
  // Astro gives a page rendered here the hashes of every inline block in the site: only its own stay
  // (src/lib/page-csp.ts), so that the report form's first paint fits one round trip.
  const policy = headers.get('content-security-policy')!;
  if (policy.includes("'sha256-") && headers.get('content-type')?.startsWith('text/html')) {
    const html = await response.text();
    headers.set('content-security-policy', trimPolicy(policy, await inlineHashes(html)));
    return new Response(html, { status: response.status, statusText: response.statusText, headers });
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});

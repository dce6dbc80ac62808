// Runs for on-demand responses (the report form and API) on both targets; prerendered pages get
// their headers from the Node server or Cloudflare's _headers file. It sets the security headers,
// keeps in a page's policy only its own inline blocks' hashes, and drops any cookie. (Posts from
// other sites are refused by the report router, the one place that handles them: see
// src/report/same-origin.ts for why Astro's own origin check cannot be used.)
import { defineMiddleware } from 'astro:middleware';
import { ownPolicy } from './lib/page-policy.ts';
import { PAGE_HEADER_CSP, securityHeadersFor } from './lib/security-headers.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const response = await next();
  const headers = new Headers(response.headers);
  // The editor's sign-in routes relax the opener policy so its window can hand the token back.
  for (const [name, value] of Object.entries(securityHeadersFor(context.url.pathname))) headers.set(name, value);
  // A page's own policy (hashes) stays; anything without one gets the frame-ancestors policy.
  if (!headers.has('content-security-policy')) headers.set('content-security-policy', PAGE_HEADER_CSP);
  headers.delete('set-cookie');
  const policy = headers.get('content-security-policy')!;
  if (policy.includes("'sha256-") && headers.get('content-type')?.startsWith('text/html')) {
    // Astro's policy names every inline block in the site; keep this page's own (see page-policy.ts).
    // On-demand pages are small forms, so reading the whole page first costs little.
    const html = await response.text();
    headers.set('content-security-policy', await ownPolicy(policy, html));
    return new Response(html, { status: response.status, statusText: response.statusText, headers });
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});

// The headers every response carries, whichever server sends it. THIS FILE IS SHARED by the Node
// server and the Cloudflare build, so it must not import anything platform-specific.

/** Sent on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // A visitor's next site must not learn they came from a page about exploitation.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/**
 * The content editor at /admin signs in through a window it opens (GitHub's OAuth page, then our
 * /api/cms/callback), which must be able to hand the token back to it: under `same-origin` the
 * browser would cut that link as the window passes through GitHub. So /admin allows its own popups,
 * and the two sign-in routes set no opener policy at all. Every other response keeps `same-origin`.
 */
export const ADMIN_PATH = '/admin';
export const CMS_AUTH_PATH = '/api/cms/';

/** The security headers for a response to `pathname`. */
export function securityHeadersFor(pathname: string): Record<string, string> {
  if (pathname === ADMIN_PATH || pathname.startsWith(`${ADMIN_PATH}/`)) return { ...SECURITY_HEADERS, 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' };
  if (pathname.startsWith(CMS_AUTH_PATH)) return { ...SECURITY_HEADERS, 'Cross-Origin-Opener-Policy': 'unsafe-none' };
  return { ...SECURITY_HEADERS };
}

/** Sent only over HTTPS: a browser ignores it over plain HTTP, and it would pin localhost. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * The policy for anything that is not one of our pages (styles, scripts, JSON, images): it may load
 * nothing and be framed by no one. Pages get Astro's policy with the hashes of their own scripts.
 */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Pagefind's web worker is a script served from /pagefind/, and a worker obeys the policy sent
 * with its own script, not the page's: it must be allowed to fetch the index and compile WebAssembly.
 */
export const SEARCH_WORKER_CSP =
  "default-src 'none'; connect-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The policy for a response that is not one of our pages. */
export function assetCsp(pathname: string): string {
  if (pathname.startsWith('/pagefind/')) return SEARCH_WORKER_CSP;
  // The editor's page carries its own policy in a <meta> tag (src/cms/csp.ts); this adds the rest.
  if (pathname === ADMIN_PATH || pathname.startsWith(`${ADMIN_PATH}/`)) return PAGE_HEADER_CSP;
  return FALLBACK_CSP;
}

/**
 * Sent as a header beside a page's own hash-bearing policy (a <meta> CSP on Cloudflare): it adds
 * what a meta policy cannot carry and restricts nothing the page needs.
 */
export const PAGE_HEADER_CSP = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

// Is this POST from our own pages (or from a program that is not a browser)? The report router's one
// origin check. Astro's own (security.checkOrigin) cannot be used: every page sends
// Referrer-Policy: no-referrer, and under that policy browsers send `Origin: null` even on a
// same-site form post. Fetch metadata (Sec-Fetch-Site) is sent whatever the referrer policy, so it is
// checked first; the Origin header is the fallback.

export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  // "none": typed or bookmarked by the person themselves. Browsers always send this header.
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.get('origin');
  // No Origin at all: a program calling the JSON API, which a browser page cannot forge.
  if (!origin || origin === 'null') return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

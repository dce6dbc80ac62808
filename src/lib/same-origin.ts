// Is this POST from our own pages (or from a program that is not a browser)?

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

// Campaign short links are typed in by hand from posters, in any case: /SEETHESIGNS and /Mules
// must work as well as /SeeTheSigns. Astro answers the lower-case form (its routes are
// case-sensitive); each target's server answers the rest with this. No imports: it runs in the
// Node server and in the Worker.

/** Where a request for a short link, in any case, is sent: 301 for GET and HEAD, 308 otherwise. */
export function shortLinkRedirect(
  redirects: Readonly<Record<string, string>>,
  method: string,
  pathname: string,
): { status: 301 | 308; location: string } | undefined {
  const key = pathname.replace(/\/+$/, '').toLowerCase();
  if (!key || !Object.hasOwn(redirects, key)) return undefined;
  return { status: method === 'GET' || method === 'HEAD' ? 301 : 308, location: redirects[key]! };
}

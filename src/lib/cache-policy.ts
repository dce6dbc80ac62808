// How long browsers and caches may keep each static file. THIS FILE IS SHARED by the Node server
// and the Cloudflare build (its _headers file), so both targets answer alike; it must not import
// anything platform-specific.

/** Files whose names carry a hash of their content never change: keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Everything else (pages, the sitemap, Pagefind's entry files) may be kept but must be checked
 * with the server before each use (a 304 costs a few hundred bytes), so a new build shows at once.
 * This is also what Cloudflare sends for static files by default.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Folders whose files are all content-hashed: Astro's bundles and Pagefind's index chunks. */
export const IMMUTABLE_FOLDERS = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'] as const;

export function cacheControlFor(pathname: string): string {
  return IMMUTABLE_FOLDERS.some((folder) => pathname.startsWith(folder)) ? IMMUTABLE : REVALIDATE;
}

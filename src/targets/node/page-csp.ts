// Reads the per-page Content-Security-Policy that Astro writes at build time (`dist/_headers.json`,
// from `security.csp` with the Node adapter's `staticHeaders`) into an exact path lookup.
import { readFileSync } from 'node:fs';

interface HeadersEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

/** Maps "/parents/" (and "/404") to that page's policy. */
export function readPageCsp(file: string): Map<string, string> {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as HeadersEntry[];
  const map = new Map<string, string>();
  for (const entry of entries) {
    const csp = entry.headers.find((h) => h.key.toLowerCase() === 'content-security-policy');
    if (csp) map.set(pageKey(entry.pathname), csp.value);
  }
  return map;
}

/** One key per page: "/parents", "/parents/" and "/parents/index.html" are the same page. */
export function pageKey(pathname: string): string {
  const bare = pathname.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '').replace(/\/+$/, '');
  return bare === '' ? '/' : bare;
}

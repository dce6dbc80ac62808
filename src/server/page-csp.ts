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
    if (csp) map.set(entry.pathname, csp.value);
  }
  return map;
}

/** The key a request path is filed under: "/parents/index.html" and "/parents/" are one page. */
export function pageKey(pathname: string): string {
  return pathname.replace(/index\.html$/, '').replace(/\.html$/, '');
}

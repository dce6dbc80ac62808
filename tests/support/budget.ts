// Page weight as the budgets count it (gzip): a page's HTML, its stylesheets and its scripts with the
// chunks they import, read from the build. Shared by the budget test (every built page) and the
// tests of pages rendered on demand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CLIENT = 'dist/client';
export const KB = 1024;
/** JS ≤ 4 kB, CSS ≤ 12 kB, HTML ≤ 14 kB (the first round trip); a page with the report form may load 12 kB of JS. */
export const BUDGET = { html: 14 * KB, css: 12 * KB, js: 4 * KB, formJs: 12 * KB };

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
export const asset = (href: string) => readFileSync(join(CLIENT, href));

/** Local module scripts and the chunks they import statically, each counted once. */
function scriptBytes(html: string): number {
  const seen = new Set<string>();
  let total = 0;
  const visit = (href: string) => {
    if (seen.has(href)) return;
    seen.add(href);
    const code = asset(href).toString('utf8');
    total += gz(code);
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.\/[^"']+|\/_astro\/[^"']+)["']/g)) {
      visit(m[1]!.startsWith('./') ? join('/_astro', m[1]!.slice(2)) : m[1]!);
    }
  };
  for (const m of html.matchAll(/<script[^>]*\bsrc="(\/[^"]+)"/g)) visit(m[1]!);
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    total += gz(m[1]!);
    for (const i of m[1]!.matchAll(/(?:import|from)\s*["'](\/_astro\/[^"']+)["']/g)) visit(i[1]!);
  }
  return total;
}

function cssBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)) total += gz(asset(m[1]!));
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) total += gz(m[1]!);
  return total;
}

/** A page's weight, gzip, by kind. */
export function pageWeight(html: string) {
  return { html: gz(html), css: cssBytes(html), js: scriptBytes(html), hasForm: /<form[^>]*data-report-form/.test(html) };
}

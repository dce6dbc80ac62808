// Fonts, per language: a page downloads a web font only when its language needs one the system
// lacks (Urdu's Nastaliq), from this site, within the language's budget. Measured from the built
// CSS: which families each language's pages ask for, and the size of the files those families use.
// tests/e2e/languages.spec.ts checks in the browser that only Urdu pages download it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const CLIENT = 'dist/client';
const KB = 1024;
/**
 * Web-font bytes a page in each language may download (woff2), once, on a device without the font.
 * Urdu's is an exception to the page budgets, with its reasons in docs/performance.md: Nastaliq cut
 * to Urdu's letters at build time (src/integrations/urdu-font.ts), after the device's own Nastaliq.
 */
const BUDGET: Record<string, number> = { en: 0, cy: 0, pl: 0, ur: 120 * KB };

const codes = ['en', ...loadPartnership('content/partnership.yaml').languages.map((l) => l.code)];
// Stylesheets are inlined in every page (issue 13); any left as files count too.
const htmlFiles = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
const css = [
  ...new Set([
    ...htmlFiles(CLIENT).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)),
    ...readdirSync(join(CLIENT, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(CLIENT, '_astro', f), 'utf8')),
  ]),
].join('\n');
const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => ({
  family: /font-family:\s*"?([^;"]+)"?/.exec(m[1]!)![1]!.trim(),
  src: /src:([^;}]+)/.exec(m[1]!)![1]!,
  display: /font-display:\s*(\w+)/.exec(m[1]!)?.[1],
  urls: [...m[1]!.matchAll(/url\(([^)]+)\)/g)].map((u) => u[1]!.replace(/["']/g, '')),
}));
const report: string[] = [];

/** The families text in a language uses, by the rule for that language (`:lang(ur)…{font-family:…}`). */
function familiesFor(code: string): string[] {
  const rule = new RegExp(`:lang\\(${code}\\)[^{},]*\\{[^}]*font-family:([^;}]+)`).exec(css);
  return rule ? rule[1]!.split(',').map((f) => f.trim().replace(/"/g, '')) : [];
}

test('every web font is a file on this site', () => {
  for (const face of faces) for (const url of face.urls) expect(url, face.family).toMatch(/^\/_astro\/[\w.-]+\.woff2$/);
});

test('a device with a font of its own downloads nothing, and nobody waits to read', () => {
  for (const face of faces.filter((f) => f.urls.length)) {
    // Every local() source comes before the download, and the text shows at once in a system font.
    expect(face.src.trim(), face.family).toMatch(/^(local\([^)]+\),\s*)+url\(/);
    expect(face.display, face.family).toBe('swap');
  }
});

for (const code of codes) {
  test(`pages in "${code}" stay within their font budget (${(BUDGET[code] ?? 0) / KB} KB)`, () => {
    const families = familiesFor(code);
    const files = [...new Set(faces.filter((f) => families.includes(f.family)).flatMap((f) => f.urls))];
    const bytes = files.reduce((sum, url) => sum + statSync(join(CLIENT, url)).size, 0);
    report.push(`${code.padEnd(4)} ${(bytes / KB).toFixed(1).padStart(6)} KB  ${families.filter((f) => faces.some((x) => x.family === f)).join(', ') || 'system fonts only'}`);
    expect(bytes).toBeLessThanOrEqual(BUDGET[code] ?? 0);
    if (code === 'ur') expect(files.length, 'Urdu pages have their Nastaliq font').toBe(1);
  });
}

afterAll(() => console.log(`\nWeb fonts per language (woff2, downloaded once):\n${report.join('\n')}\n`));

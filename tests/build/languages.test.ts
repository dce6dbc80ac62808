// Every built page says what language it is in and which way it runs; names as alternates only the
// versions of itself that exist; and the sitemap pairs the same versions. A translated page shows
// the state of its translation, and no English sentence of the site's own appears on it unmarked.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { englishCatalogue } from '../../src/integrations/i18n.ts';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const CLIENT = 'dist/client';
const partnership = loadPartnership('content/partnership.yaml');
const LANGS: Record<string, { lang: string; dir: string }> = {
  en: { lang: 'en-GB', dir: 'ltr' },
  ...Object.fromEntries(partnership.languages.map((l) => [l.code, { lang: l.code, dir: l.dir }])),
};
const SITE = partnership.siteUrl;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}
const pages = htmlFiles(CLIENT).map((file) => ({ path: `/${relative(CLIENT, file)}`.replace(/index\.html$/, ''), html: readFileSync(file, 'utf8') }));
const codeOf = (path: string) => (path.split('/')[1]! in LANGS && path.split('/')[1] !== 'en' ? path.split('/')[1]! : 'en');
// The home page and the report forms are rendered on demand: they exist in every language whose
// catalogue is published.
const exists = (url: string) => {
  const path = new URL(url).pathname;
  return /^\/(?:(?:cy|pl|ur)\/)?(?:report\/(?:follow-up\/|sent\/)?)?$/.test(path) || existsSync(join(CLIENT, path, 'index.html'));
};

test('there are pages in every language', () => {
  for (const code of Object.keys(LANGS)) expect(pages.filter((p) => codeOf(p.path) === code && p.path !== '/404.html').length, code).toBeGreaterThan(4);
});

describe('lang, dir and hreflang on every built page', () => {
  for (const page of pages) {
    test(page.path, () => {
      const code = codeOf(page.path);
      const html = /<html([^>]*)>/.exec(page.html)![1]!;
      expect(html).toContain(`lang="${LANGS[code]!.lang}"`);
      expect(html).toContain(`dir="${LANGS[code]!.dir}"`);
      const alternates = [...page.html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({ lang: m[1]!, href: m[2]! }));
      for (const a of alternates) expect(exists(a.href), `${page.path} names ${a.href} as an alternate, and it does not exist`).toBe(true);
      if (alternates.length) {
        // Each version names itself and the English (x-default), and no language twice.
        expect(alternates.some((a) => new URL(a.href).pathname === page.path)).toBe(true);
        expect(alternates.find((a) => a.lang === 'x-default')?.href).toBe(alternates.find((a) => a.lang === 'en-GB')?.href);
        expect(new Set(alternates.map((a) => a.lang)).size).toBe(alternates.length);
      }
    });
  }

  test('a page that exists in every language names them all, and one in English only names none', () => {
    const check = pages.find((p) => p.path === '/ur/check/')!;
    expect([...check.html.matchAll(/hreflang="([^"]+)" href/g)].map((m) => m[1])).toEqual(['en-GB', 'cy', 'pl', 'ur', 'x-default']);
    const law = pages.find((p) => p.path === '/law/')!;
    expect(law.html).not.toMatch(/rel="alternate" hreflang/);
  });
});

describe('the sitemap', () => {
  const xml = readFileSync(join(CLIENT, 'sitemap-0.xml'), 'utf8');
  const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)].map((m) => ({
    loc: m[1]!,
    alternates: [...m[2]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => ({ lang: a[1]!, href: a[2]! })),
  }));

  test('lists every language’s pages, and pairs each only with versions that exist', () => {
    for (const code of Object.keys(LANGS).filter((c) => c !== 'en')) expect(entries.some((e) => e.loc === `${SITE}/${code}/report/`), code).toBe(true);
    for (const entry of entries) for (const a of entry.alternates) expect(exists(a.href), `${entry.loc} -> ${a.href}`).toBe(true);
    const check = entries.find((e) => e.loc === `${SITE}/cy/check/`)!;
    expect(check.alternates.map((a) => a.lang).sort()).toEqual(['cy', 'en-GB', 'pl', 'ur']);
    expect(entries.find((e) => e.loc === `${SITE}/law/`)!.alternates).toEqual([]);
  });
});

describe('translated pages', () => {
  const english = englishCatalogue('content', partnership);
  // Sentences of the site's own English that would be a sign of a page in the wrong language.
  const sentences = Object.values(english).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m).filter((f): f is string => !!f)))
    .map((m) => m.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0]!.trim())
    .filter((m) => m.length > 24);

  for (const page of pages.filter((p) => codeOf(p.path) !== 'en')) {
    test(`${page.path} says it is a draft, in both languages, and has no unmarked English of the site's own`, () => {
      expect(page.html).toContain('data-translation-notice');
      const main = /<main[\s\S]*<\/main>/.exec(page.html)![0]
        // English that is marked as English, and the search filters' hidden labels, are fine.
        .replace(/<(\w+)[^>]*\blang="en-GB"[^>]*>[\s\S]*?<\/\1>/g, '')
        .replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"');
      const leaked = sentences.filter((s) => main.includes(s));
      expect(leaked).toEqual([]);
    });
  }

  test('a link to a page that is not translated goes to the English and says so', () => {
    // In the menu of a built page (the home page is rendered on request).
    const home = pages.find((p) => p.path === '/cy/parents/')!.html;
    expect(home).toMatch(/<a href="\/professionals\/"[^>]*hreflang="en"[^>]*>Gweithwyr proffesiynol<span class="nav-in-english"[^>]*> \(yn Saesneg\)<\/span><\/a>/);
    expect(home).toContain('<a href="/cy/help/"');
  });

  test('services keep their English names and descriptions, marked as English', () => {
    const help = pages.find((p) => p.path === '/pl/help/')!.html;
    expect(help).toMatch(/<span lang="en-GB" dir="ltr">Childline<\/span>/);
  });

  test('phone numbers and references run left to right on right-to-left pages', () => {
    const ur = pages.find((p) => p.path === '/ur/parents/')!.html;
    expect(ur).toMatch(/<a href="tel:999"[^>]*><bdi dir="ltr"[^>]*>999<\/bdi><\/a>/);
  });
});

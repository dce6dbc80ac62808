// Easy Read exists only in English, and Pagefind keeps one index per language (by <html lang>), so
// the Welsh, Polish and Urdu search pages could never find it: their "Easy Read" filter gave no
// results. The issue asks for Easy Read to be found from search as a filter, not as a language, so
// each Easy Read page is also filed in every other language's index, as the English page it is:
// its filters in that language, its title marked "(yn Saesneg)", and, as its search terms, "Easy
// Read" in that language and in English, and the titles of the pages it is a version of in that language,
// so that "Arwyddion rhybudd" finds the Easy Read warning signs from the Welsh search page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Strings } from '../i18n/check.ts';
import type { Locale } from '../i18n/languages.ts';

/** What the build knows: the languages, their words, and which pages each Easy Read page is a version of. */
export interface EasyReadSearch {
  locales: Locale[];
  strings: Record<string, Strings>;
  /** English path of a standard page -> the address of its Easy Read version (easyReadVersions). */
  versions: Record<string, string>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const label = (strings: Strings, key: string) => {
  const message = strings[key];
  return typeof message === 'string' ? message : undefined;
};
/** The page's heading, as HTML text (already escaped), without its tags. */
const headingOf = (html: string) => /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim();

/** The filter labels a page can carry (kind, audience, need, format), English -> catalogue key. */
function filterKeys(english: Strings): Map<string, string> {
  const keys = Object.keys(english).filter((k) => /^(kind|audience|need)\./.test(k) || k === 'search.easyRead');
  return new Map(keys.flatMap((k) => (label(english, k) ? [[escape(label(english, k)!), k] as const] : [])));
}

/**
 * The built Easy Read page, as it is to be indexed for another language: the same address and
 * words, filed under that language. Returns HTML for Pagefind's addHTMLFile.
 */
export function easyReadInLanguage(html: string, locale: Locale, strings: Record<string, Strings>, terms: readonly string[]): string {
  const words = strings[locale.code]!;
  const keys = filterKeys(strings.en!);
  const inEnglish = label(words, 'link.inEnglish')!;
  return html
    .replace(/<html\b[^>]*>/, `<html lang="${locale.lang}" dir="ltr">`)
    .replace(/(<span data-pagefind-filter="\w+">)([^<]*)(<\/span>)/g, (all, open: string, value: string, close: string) => {
      const translated = keys.has(value) ? label(words, keys.get(value)!) : undefined;
      return translated ? `${open}${escape(translated)}${close}` : all;
    })
    .replace(/(<h1\b[^>]*>)([\s\S]*?)(<\/h1>)/, (_, open: string, title: string, close: string) => `${open}${title} ${escape(inEnglish)}${close}`)
    .replace(/(<main\b[^>]*data-pagefind-body[^>]*>)/, `$1<p hidden data-pagefind-weight="7">${[...new Set([label(words, 'search.easyRead')!, label(strings.en!, 'search.easyRead')!])].map(escape).concat(terms).join(' · ')}</p>`);
}

/** Every Easy Read page of the build, for every language but English: its address and the HTML to index. */
export function easyReadRecords(client: string, { locales, strings, versions }: EasyReadSearch): { url: string; content: string }[] {
  const dir = join(client, 'easy-read');
  if (!existsSync(dir)) return [];
  const pages = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => ({ url: `/easy-read/${f.replace(/index\.html$/, '')}`, html: readFileSync(join(dir, f), 'utf8') }))
    // Only pages filed as Easy Read (the credits page is not one).
    .filter((p) => p.html.includes('data-pagefind-filter="format"'));
  return locales
    .filter((l) => l.code !== 'en')
    .flatMap((locale) =>
      pages.map(({ url, html }) => {
        // The titles, in this language, of the pages this Easy Read page is a version of.
        const terms = Object.entries(versions)
          .filter(([, href]) => href === url)
          .map(([path]) => join(client, locale.code, path, 'index.html'))
          .filter((file) => existsSync(file))
          .flatMap((file) => headingOf(readFileSync(file, 'utf8')) ?? []);
        // Pagefind keeps one entry per address, across languages: the fragment (which the search page
        // drops from its links, src/scripts/search.ts) makes one per language.
        return { url: `${url}#${locale.code}`, content: easyReadInLanguage(html, locale, strings, terms) };
      }),
    );
}

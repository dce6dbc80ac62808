// The site's languages: English (the source, at /) and those listed in content/partnership.yaml
// (each at /<code>/). Imported by pages, the build and tests; no `astro:*` modules here.
import type { Partnership } from '../schemas/partnership.ts';

export interface Locale {
  /** "en", "cy": the path prefix (none for English) and the catalogue's name. */
  code: string;
  /** The value of <html lang>: "en-GB", "cy". Pagefind splits its index by it. */
  lang: string;
  /** The language's name in itself. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The partnership's name as shown in this language. */
  partnershipName: string;
}

export const SOURCE = 'en';

/** Every language of the site, English first. */
export function localesOf(partnership: Partnership): Locale[] {
  return [
    { code: SOURCE, lang: 'en-GB', name: 'English', dir: 'ltr', partnershipName: partnership.name },
    ...partnership.languages.map((l) => ({ code: l.code, lang: l.code, name: l.name, dir: l.dir, partnershipName: l.partnershipName ?? partnership.name })),
  ];
}

/** "/cy/help/" -> "cy"; "/help/" -> "en". */
export function localeCodeOf(pathname: string, codes: readonly string[]): string {
  const first = pathname.split('/')[1] ?? '';
  return first !== SOURCE && codes.includes(first) ? first : SOURCE;
}

/** The English path of any page: "/cy/help/" -> "/help/". */
export function englishPath(pathname: string, codes: readonly string[]): string {
  const code = localeCodeOf(pathname, codes);
  return code === SOURCE ? pathname : pathname.slice(code.length + 1) || '/';
}

/** The path of a page in a language: ("/help/", "cy") -> "/cy/help/". */
export function pathIn(path: string, code: string): string {
  return code === SOURCE ? path : `/${code}${path}`;
}

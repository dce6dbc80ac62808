// The words and links of one page, in its language: `const i = i18nFor(Astro.url)` in any
// component. Rendered at build time (or on the server for the report form): nothing here reaches
// the browser, which gets finished words, and any words its scripts need in data- attributes.
import i18n from 'virtual:see-the-signs/i18n';
import partnership from 'virtual:see-the-signs/partnership';
import { HOURS_WORDS, type HoursLanguage } from '../lib/opening-hours.ts';
import { RECEIPT_PARAM } from '../report/receipt.ts';
import type { TranslationState } from '../schemas/translation.ts';
import { SHARED_FACTS } from './check.ts';
import { formatMessage, type Message, type Params } from './format.ts';
import { englishPath, localeCodeOf, pathIn, SOURCE, type Locale } from './languages.ts';

const codes = i18n.locales.map((l) => l.code);
/**
 * Filled into any message that names them, so a number is written once (content/partnership.yaml)
 * and never typed into a catalogue: "call {emergency}".
 */
const FACTS: Params = Object.fromEntries(
  SHARED_FACTS.map((name) => [name, name === 'area' ? partnership.area : partnership.contacts.find((c) => c.key === name)!.number]),
);

export interface LocalLink {
  href: string;
  /** True when the page is not translated into this language and the link goes to the English. */
  fallback: boolean;
}

// Each formatter is made once per language and options: making one costs more than using it, and a
// page of the 10,000-service directory shows a date on every one of its pages (issue 13).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator | Intl.ListFormat>();
function made<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.Collator | Intl.ListFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * This page in another language. The report confirmation opens from the receipt in its address, so
 * its other languages keep the receipt (and nothing else from the address): without it they would
 * say "This page has expired".
 */
export function pageIn(url: URL, code: string): string {
  const path = englishPath(url.pathname, codes);
  const receipt = path === '/report/sent/' ? url.searchParams.get(RECEIPT_PARAM) : null;
  return pathIn(path, code) + (receipt ? `?${new URLSearchParams({ [RECEIPT_PARAM]: receipt })}` : '');
}

/** Everything a component needs to speak the page's language. */
export function i18nFor(url: URL) {
  const code = localeCodeOf(url.pathname, codes);
  return i18nIn(code, englishPath(url.pathname, codes));
}

/** The same for a language given by code, on the page whose English path is `path`. */
export function i18nIn(code: string, path = '/') {
  const locale = i18n.locales.find((l) => l.code === code)!;
  const english = i18n.locales[0]!;
  const strings = i18n.strings[code]!;
  const message = (key: string): Message => {
    const found = strings[key];
    if (found === undefined) throw new Error(`No words for "${key}" in content/i18n/${code}.yaml`);
    return found;
  };
  const t = (key: string, params: Params = {}) => formatMessage(message(key), { ...FACTS, ...params }, locale.lang);
  /** Whether a page (its English path) exists in this language. */
  const has = (page: string) => code === SOURCE || page in (i18n.pages[code] ?? {});
  /** A link to a page of this site, in this language when it exists, else to the English. */
  const link = (target: string): LocalLink => {
    const match = /^(\/[^?#]*)(.*)$/.exec(target);
    if (!match) return { href: target, fallback: false };
    const [, page, rest] = match as unknown as [string, string, string];
    const normal = page.endsWith('/') || /\.[a-z0-9]+$/i.test(page) ? page : `${page}/`;
    if (code === SOURCE) return { href: target, fallback: false };
    if (has(normal)) return { href: pathIn(normal, code) + rest, fallback: false };
    return { href: target, fallback: !/\.[a-z0-9]+$/i.test(page) };
  };
  return {
    locale,
    code,
    english,
    isSource: code === SOURCE,
    /** The page's English path, e.g. "/help/". */
    path,
    t,
    /** The raw message, for client scripts that fill it in themselves. */
    message,
    /** A message in another language (the language switcher names things in their own language). */
    tIn: (other: string, key: string, params: Params = {}) => formatMessage(i18n.strings[other]![key]!, { ...FACTS, ...params }, i18n.locales.find((l) => l.code === other)!.lang),
    has,
    link,
    /** The state of this page's translation, when it is one. */
    translation: (code === SOURCE ? undefined : i18n.pages[code]?.[path]) as TranslationState | undefined,
    /** Every language this page exists in, English first, for hreflang and the switcher. */
    versions: i18n.locales.filter((l) => l.code === SOURCE || path in (i18n.pages[l.code] ?? {})) as Locale[],
    locales: i18n.locales as Locale[],
    /** Numbers, dates and sorting in the page's language. */
    number: (n: number) => made(`n ${locale.lang}`, () => new Intl.NumberFormat(locale.lang)).format(n),
    date: (d: Date, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }) =>
      made(`d ${locale.lang} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale.lang, { timeZone: 'Europe/London', ...options })).format(d),
    compare: made(`c ${locale.lang}`, () => new Intl.Collator(locale.lang)).compare,
    /** "a, b and c"; `'unit'` for a plain list, "a, b, c", where "and" would read oddly. */
    list: (items: string[], type: 'conjunction' | 'unit' = 'conjunction') =>
      made(`l ${locale.lang} ${type}`, () => new Intl.ListFormat(locale.lang, { type, style: type === 'unit' ? 'short' : 'long' })).format(items),
    /** Opening hours are described in this language. */
    hours: { lang: locale.lang, words: Object.fromEntries(Object.keys(HOURS_WORDS).map((k) => [k, message(`hours.${k}`) as string])) } as HoursLanguage,
  };
}
export type I18n = ReturnType<typeof i18nIn>;

/** The translated warning signs for a language, when they are published. */
export function signsIn(code: string) {
  return code === SOURCE ? undefined : i18n.signs[code];
}

/** Every language whose pages are built, for getStaticPaths: the English ones have no prefix. */
export function localeParams(page: string): { params: { locale: string | undefined } }[] {
  return i18n.locales
    .filter((l) => l.code === SOURCE || page in (i18n.pages[l.code] ?? {}))
    .map((l) => ({ params: { locale: l.code === SOURCE ? undefined : l.code } }));
}

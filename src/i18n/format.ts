// Messages from the catalogues: "{placeholder}" substitution and plural forms chosen by the
// platform's own rules (Intl.PluralRules), so Welsh gets its six forms and Polish its four without
// a translation library. THIS FILE IS ALSO BUNDLED FOR THE BROWSER: client scripts format the
// messages the page hands them, in the page's language.

/** A plural message: one text per CLDR plural category the language uses; "other" always. */
export type PluralMessage = { [K in Intl.LDMLPluralRule]?: string | undefined } & { other: string };
export type Message = string | PluralMessage;
export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{([a-zA-Z][\w]*)\}/g;

/**
 * The plural form each letter of the table a page carries stands for (intl-data.ts writes it). Keyed
 * by letter because the browser reads the table: a lookup, not a search (bytes on the finder's pages).
 */
export const PLURAL_FORMS: Record<string, Intl.LDMLPluralRule> = { z: 'zero', o: 'one', t: 'two', f: 'few', m: 'many', x: 'other' };

/**
 * The plural form of a count. A browser that has no data for the language (Chromium has no Welsh)
 * would silently use English rules, so a translated page carries the forms of 0–199 worked out at
 * build time (<html data-plurals>); above 199 the last two digits decide, as they do in the rules of
 * every language for whole numbers.
 */
function pluralOf(count: number, locale: string): Intl.LDMLPluralRule {
  const table = typeof document === 'undefined' ? undefined : document.documentElement.dataset.plurals;
  if (!table || Intl.PluralRules.supportedLocalesOf(locale).length) return new Intl.PluralRules(locale).select(count);
  const n = Math.abs(Math.trunc(count));
  const code = table[n < 200 ? n : 100 + (n % 100)];
  return PLURAL_FORMS[code!] ?? 'other';
}

/** Fills a message in: plural form by `params.count`, numbers in the language's own format. */
export function formatMessage(message: Message, params: Params, locale: string): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count);
    text = message[pluralOf(count, locale)] ?? message.other;
  }
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the message "${text}" needs a value for {${name}}`);
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** The placeholder names a message uses, in every one of its forms. */
export function placeholdersOf(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(forms.flatMap((form) => [...(form ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!)))].sort();
}

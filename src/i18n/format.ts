// Messages from the catalogues: "{placeholder}" substitution and plural forms chosen by the
// platform's own rules (Intl.PluralRules), so Welsh gets its six forms and Polish its four without
// a translation library. THIS FILE IS ALSO BUNDLED FOR THE BROWSER: client scripts format the
// messages the page hands them, in the page's language.

/** A plural message: one text per CLDR plural category the language uses; "other" always. */
export type PluralMessage = { [K in Intl.LDMLPluralRule]?: string | undefined } & { other: string };
export type Message = string | PluralMessage;
export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{([a-zA-Z][\w]*)\}/g;

/** Fills a message in: plural form by `params.count`, numbers in the language's own format. */
export function formatMessage(message: Message, params: Params, locale: string): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count);
    text = message[new Intl.PluralRules(locale).select(count)] ?? message.other;
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

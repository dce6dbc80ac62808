// Checks a language's catalogue against the English one, which is the source of truth: every key
// there, no key English does not have, the same placeholders, and a plural form for every category
// the language uses. Run when the site builds and by tests/unit/catalogues.test.ts.
import { placeholdersOf, type Message } from './format.ts';

export type Strings = Record<string, Message>;

/**
 * Facts the site fills into any message (the area's name, the emergency and police numbers): a
 * translation may name them where the English does not, e.g. to say the area's name as "{area}".
 */
export const SHARED_FACTS = ['area', 'emergency', 'police'];

export function catalogueProblems(english: Strings, translated: Strings, locale: string): string[] {
  const problems: string[] = [];
  const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  for (const [key, source] of Object.entries(english)) {
    const message = translated[key];
    if (message === undefined) {
      problems.push(`${key}: missing (English: "${typeof source === 'string' ? source : source.other}")`);
      continue;
    }
    const want = placeholdersOf(source).join(', ');
    const got = placeholdersOf(message).filter((name) => placeholdersOf(source).includes(name) || !SHARED_FACTS.includes(name)).join(', ');
    if (want !== got) problems.push(`${key}: placeholders must be {${want || 'none'}} as in English, not {${got || 'none'}}`);
    if (typeof source !== 'string') {
      if (typeof message === 'string') {
        problems.push(`${key}: needs a form for each of ${categories.join(', ')} (English has plural forms)`);
        continue;
      }
      const missing = categories.filter((c) => message[c] === undefined);
      const extra = Object.keys(message).filter((c) => !categories.includes(c as Intl.LDMLPluralRule));
      if (missing.length) problems.push(`${key}: missing the plural form${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      if (extra.length) problems.push(`${key}: ${locale} has no plural form ${extra.join(', ')} (it uses ${categories.join(', ')})`);
    } else if (typeof message !== 'string') {
      problems.push(`${key}: must be one text, as in English, not plural forms`);
    }
  }
  for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${key}: not in the English catalogue (misspelt, or removed from English?)`);
  return problems;
}

// The words a page carries for a browser that has no data for its language (Chromium has no
// Welsh): the build's plural table must choose what Intl would choose for any count, and a date
// beyond a week must read as Intl would write it in that language.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatMessage } from '../../src/i18n/format.ts';
import { pluralTable } from '../../src/i18n/intl-data.ts';
import { describeOpening, OPEN_WORDS, packStatusLanguage, unpackStatusLanguage, type PackedStatusLanguage } from '../../src/lib/open-now.ts';
import { HOURS_WORDS } from '../../src/lib/opening-hours.ts';
import { statusLanguage } from '../../src/lib/status-language.ts';

const FORMS = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };

/** A page whose browser knows nothing of `lang`, as Chromium knows nothing of Welsh. */
function browserWithout(lang: string) {
  vi.stubGlobal('document', { documentElement: { dataset: { plurals: pluralTable(lang) } } });
  const supported = Intl.PluralRules.supportedLocalesOf;
  vi.spyOn(Intl.PluralRules, 'supportedLocalesOf').mockImplementation((l, o) => (String(l) === lang ? [] : supported(l, o)));
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('plural forms from the page', () => {
  for (const lang of ['cy', 'pl', 'ur', 'ru', 'ar', 'ga', 'lt']) {
    test(`${lang}: the page's table picks Intl's form for every count up to 2,000`, () => {
      const rules = new Intl.PluralRules(lang);
      browserWithout(lang);
      for (let n = 0; n <= 2000; n++) expect(formatMessage(FORMS, { count: n }, lang), `${lang} ${n}`).toBe(rules.select(n));
    });
  }
  test('without a table (an English page), Intl decides', () => {
    expect(formatMessage(FORMS, { count: 2 }, 'cy')).toBe('two');
  });
});

describe('a date written with the words the page carries', () => {
  for (const lang of ['en-GB', 'cy', 'pl', 'ur']) {
    test(`${lang}: as Intl in Node writes it`, () => {
      const language = statusLanguage({ lang, words: HOURS_WORDS }, { ...OPEN_WORDS, onDay: '{day}' }, ['09:00']);
      const next = { date: '2026-12-29', opens: '09:00' };
      const now = new Date('2026-12-18T12:00:00Z');
      const intl = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date('2026-12-29T12:00:00Z'));
      // The words travel packed, as JSON: nothing the browser would have to work out is left in them.
      const carried = unpackStatusLanguage(JSON.parse(JSON.stringify(packStatusLanguage(language))) as PackedStatusLanguage);
      expect(carried).toEqual(language);
      expect(describeOpening(next, now, false, carried)).toBe(intl);
    });
  }
});

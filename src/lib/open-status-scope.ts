// What a part of a page that shows "open now" statuses gives the browser's script, once for all the
// statuses inside it: the bank holiday changes, and the words in the page's language, finished
// (lib/status-language.ts). Spread on the element that holds them:
// <ul {...openStatusScope(Astro.url, hours)}>. SERVER ONLY.
import bankHolidays from 'virtual:see-the-signs/bank-holidays';
import { i18nFor } from '../i18n/runtime.ts';
import { OPEN_WORDS, packStatusLanguage, type Hours } from './open-now.ts';
import { statusLanguage, timesIn } from './status-language.ts';

/** The report team's status reads "reading reports", not "open": these words are its own. */
const REPORT_WORDS: readonly string[] = ['openUntil', 'closed', 'closedOpens'];

/**
 * `hours`: every set of hours the statuses inside use. `of`: "lines" for services and their phone
 * lines ("Open now · until 5pm"), "reports" for when the safeguarding team reads reports ("Nobody
 * is reading reports now · reading again from 9am Monday").
 */
export function openStatusScope(url: URL, hours: readonly (Hours | undefined)[], of: 'lines' | 'reports' = 'lines') {
  const { message, hours: clock } = i18nFor(url);
  const word = (k: string) => message(of === 'reports' && REPORT_WORDS.includes(k) ? `reportHours.${k}` : `open.${k}`) as string;
  const status = Object.fromEntries(Object.keys(OPEN_WORDS).map((k) => [k, word(k)])) as Record<keyof typeof OPEN_WORDS, string>;
  return {
    'data-bank-holidays': JSON.stringify(bankHolidays),
    'data-status-words': JSON.stringify(packStatusLanguage(statusLanguage(clock, status, timesIn(hours)))),
  };
}

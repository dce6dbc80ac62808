// The words an "open now" status is told in, finished at build time for the page's language (see
// StatusLanguage in open-now.ts): status words, each time the hours use, weekday and month names.
// SERVER ONLY: Node has every language's data, where a browser may not.
import { calendarOf } from '../i18n/intl-data.ts';
import { formatTime, type HoursLanguage } from './opening-hours.ts';
import type { Hours, StatusLanguage } from './open-now.ts';

/** Every time some hours use: when each slot opens and closes. */
export const timesIn = (hours: readonly (Hours | undefined)[]): string[] => hours.flatMap((h) => (h?.weekly ?? []).flatMap((slot) => [slot.opens, slot.closes]));

export function statusLanguage(clock: HoursLanguage, status: StatusLanguage['status'], times: readonly string[]): StatusLanguage {
  const { days, months, date } = calendarOf(clock.lang);
  // A time the language writes as the hours do ("17:00") is left out: the script uses it as it is.
  const said = [...new Set(times)].map((t) => [t, formatTime(t, clock)] as const).filter(([t, text]) => text !== t);
  return { status, times: Object.fromEntries(said), days, months, date };
}

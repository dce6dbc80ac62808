// What the browser's Intl may not know about a page's language, worked out at build time where Node
// has every language's data. Chromium ships data for its own interface languages only: it has no
// Welsh, so in Chrome `Intl.DateTimeFormat('cy')` says "Monday" and `Intl.PluralRules('cy')` uses
// English rules ("2 gwaith" where Welsh says "ddwywaith"). The plural table goes on a translated
// page's <html> (format.ts reads it where the browser lacks the language); the calendar goes into
// the words of "open now" statuses (lib/status-language.ts), so the browser formats no date at all.
import { madeOnce } from '../lib/made-once.ts';
import { PLURAL_FORMS } from './format.ts';

const PLURAL_CODES = Object.fromEntries(Object.entries(PLURAL_FORMS).map(([code, form]) => [form, code])) as Record<Intl.LDMLPluralRule, string>;

/** Weekday and month names in one language, and how it writes a date: "{weekday} {day} {month}". */
export interface Calendar {
  days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', string>;
  /** As written beside a day's number (Polish "stycznia", not "styczeń"), January first. */
  months: string[];
  date: string;
}

/** The plural form of every whole number 0–199, one letter each (see format.ts for how it is read). */
export function pluralTable(lang: string): string {
  return madeOnce(`plurals ${lang}`, () => makePluralTable(lang));
}

function makePluralTable(lang: string): string {
  const rules = new Intl.PluralRules(lang);
  return Array.from({ length: 200 }, (_, n) => PLURAL_CODES[rules.select(n)]).join('');
}

/** Weekday and month names, and how a date is written: "{weekday} {day} {month}". */
export function calendarOf(lang: string): Calendar {
  // Once per language: every page with "open now" statuses asks for it (see made-once.ts).
  return madeOnce(`calendar ${lang}`, () => makeCalendar(lang));
}

function makeCalendar(lang: string): Calendar {
  const utc = (month: number, day: number) => Date.UTC(2024, month, day);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  const days = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, weekday.format(utc(0, 1 + i))])) as Calendar['days'];
  // A month's name as it is written beside a day's number (Polish "stycznia", not "styczeń").
  const dayMonth = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, m) => dayMonth.formatToParts(utc(m, 15)).find((p) => p.type === 'month')!.value);
  const date = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .formatToParts(utc(0, 1))
    .map((p) => (p.type === 'weekday' || p.type === 'day' || p.type === 'month' ? `{${p.type}}` : p.value))
    .join('');
  return { days, months, date };
}

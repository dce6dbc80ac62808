// Opening hours in words. Whether a line is open *now* is worked out in the browser (the directory
// issue), never at build time, because the build may be days old.
import type { z } from 'astro/zod';
import type { OpeningHoursSchema } from '../schemas/service.ts';

type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** Weekday keys as people read them (also schema.org's dayOfWeek names). */
export const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
const ORDER = Object.keys(DAY_NAMES) as (keyof typeof DAY_NAMES)[];

/** The words hours are described with, in English; other languages have them as "hours.*" in their catalogue. */
export const HOURS_WORDS = {
  alwaysOpen: 'Open 24 hours a day, every day.',
  closedOnBankHolidays: 'Closed on bank holidays.',
  notPublished: 'Hours not published.',
  range: '{from} to {to}',
  midnight: 'midnight',
  midday: 'midday',
  // The sentence's own punctuation, which is the language's too: Urdu writes "،", "؛" and "۔".
  /** Days and their times: "Monday to Friday, 9am to 5pm". */
  slot: '{days}, {times}',
  /** Between two of those. */
  slotJoin: '; ',
  /** The week's hours as a sentence. */
  sentence: '{hours}.',
} as const;

/** The language to describe hours in: English unless a page passes its own. */
export interface HoursLanguage {
  lang: string;
  words: Record<keyof typeof HOURS_WORDS, string>;
}
const ENGLISH: HoursLanguage = { lang: 'en-GB', words: HOURS_WORDS };
const isEnglish = (language: HoursLanguage) => language.lang.startsWith('en');
const range = (language: HoursLanguage, from: string, to: string) => language.words.range.replace('{from}', from).replace('{to}', to);

/** "9am", "10:30pm", "midnight" in English; the language's own clock ("09:00") in others. */
export function formatTime(hhmm: string, language: HoursLanguage = ENGLISH): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if ((h === 24 || h === 0) && m === 0) return language.words.midnight;
  if (h === 12 && m === 0) return language.words.midday;
  if (!isEnglish(language)) return new Intl.DateTimeFormat(language.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, h, m));
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

/** A weekday's name in the language ("Monday", "Dydd Llun"). */
export function dayName(day: keyof typeof DAY_NAMES, language: HoursLanguage = ENGLISH): string {
  if (isEnglish(language)) return DAY_NAMES[day];
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(language.lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + ORDER.indexOf(day)));
}

/** "Monday to Friday", "Saturday and Sunday", "Monday, Wednesday and Friday". */
export function formatDays(days: readonly (keyof typeof DAY_NAMES)[], language: HoursLanguage = ENGLISH): string {
  const sorted = [...new Set(days)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const consecutive = sorted.every((d, i) => i === 0 || ORDER.indexOf(d) === ORDER.indexOf(sorted[i - 1]!) + 1);
  if (sorted.length > 2 && consecutive) return range(language, dayName(sorted[0]!, language), dayName(sorted.at(-1)!, language));
  return new Intl.ListFormat(language.lang, { type: 'conjunction' }).format(sorted.map((d) => dayName(d, language)));
}

/** The whole week's hours as one readable sentence. */
export function describeHours(hours: OpeningHours, language: HoursLanguage = ENGLISH): string {
  if (hours.alwaysOpen) return language.words.alwaysOpen;
  const { words } = language;
  const parts = hours.weekly.map((slot) =>
    words.slot.replace('{days}', formatDays(slot.days, language)).replace('{times}', range(language, formatTime(slot.opens, language), formatTime(slot.closes, language))));
  let sentence = parts.length ? words.sentence.replace('{hours}', parts.join(words.slotJoin)) : '';
  if (hours.bankHolidays === 'closed') sentence += ` ${language.words.closedOnBankHolidays}`;
  if (hours.note) sentence += ` ${hours.note}`;
  return sentence.trim() || language.words.notPublished;
}

// Opening hours in words. Whether a line is open *now* is worked out in the browser (the directory
// issue), never at build time, because the build may be days old.
import type { z } from 'astro/zod';
import type { OpeningHoursSchema } from '../schemas/service.ts';

type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** Weekday keys as people read them (also schema.org's dayOfWeek names). */
export const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
const ORDER = Object.keys(DAY_NAMES) as (keyof typeof DAY_NAMES)[];

/** "9am", "10:30pm", "midnight". */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if ((h === 24 || h === 0) && m === 0) return 'midnight';
  if (h === 12 && m === 0) return 'midday';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

/** "Monday to Friday", "Saturday and Sunday", "Monday, Wednesday and Friday". */
export function formatDays(days: readonly (keyof typeof DAY_NAMES)[]): string {
  const sorted = [...new Set(days)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const consecutive = sorted.every((d, i) => i === 0 || ORDER.indexOf(d) === ORDER.indexOf(sorted[i - 1]!) + 1);
  if (sorted.length > 2 && consecutive) return `${DAY_NAMES[sorted[0]!]} to ${DAY_NAMES[sorted.at(-1)!]}`;
  const names = sorted.map((d) => DAY_NAMES[d]);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The whole week's hours as one readable sentence. */
export function describeHours(hours: OpeningHours): string {
  if (hours.alwaysOpen) return 'Open 24 hours a day, every day.';
  const parts = hours.weekly.map((slot) => `${formatDays(slot.days)}, ${formatTime(slot.opens)} to ${formatTime(slot.closes)}`);
  let sentence = parts.length ? `${parts.join('; ')}.` : '';
  if (hours.bankHolidays === 'closed') sentence += ' Closed on bank holidays.';
  if (hours.note) sentence += ` ${hours.note}`;
  return sentence.trim() || 'Hours not published.';
}

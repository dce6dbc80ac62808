// Is a line answered right now? Worked out in the browser at the moment someone looks (a build can
// be days old), in UK time. THIS FILE IS ALSO BUNDLED FOR THE BROWSER.
// The time zone arithmetic is @date-fns/tz's, so the clock changes are handled by the platform's
// own time zone data rather than by hand.
import { TZDate } from '@date-fns/tz';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Day = (typeof DAY_KEYS)[number];

/** The parts of OpeningHours this needs; kept structural so the browser bundle imports no schema. */
export interface Hours {
  alwaysOpen?: boolean;
  weekly?: { days: readonly Day[]; opens: string; closes: string }[];
  bankHolidays?: 'usual' | 'closed';
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** The date, weekday and minute of the day in London at an instant. */
export function londonTime(instant: Date): { date: string; day: Day; minute: number } {
  const t = new TZDate(instant.getTime(), 'Europe/London');
  return { date: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`, day: DAY_KEYS[t.getDay()]!, minute: t.getHours() * 60 + t.getMinutes() };
}

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** True when the line is answered at that instant. A slot past midnight (22:00–02:00) counts on both days. */
export function isOpenAt(hours: Hours, instant: Date, bankHolidays: { has(date: string): boolean }): boolean {
  if (hours.alwaysOpen) return true;
  const now = londonTime(instant);
  const yesterday = { date: previousDate(now.date), day: DAY_KEYS[(DAY_KEYS.indexOf(now.day) + 6) % 7]! };
  const closedOn = (date: string) => hours.bankHolidays === 'closed' && bankHolidays.has(date);
  return (hours.weekly ?? []).some((slot) => {
    const opens = minutes(slot.opens);
    const closes = minutes(slot.closes);
    if (closes > opens) return slot.days.includes(now.day) && !closedOn(now.date) && now.minute >= opens && now.minute < closes;
    // Overnight: open from `opens` today until midnight, or from midnight until `closes` after a day it opened.
    return (slot.days.includes(now.day) && !closedOn(now.date) && now.minute >= opens)
      || (slot.days.includes(yesterday.day) && !closedOn(yesterday.date) && now.minute < closes);
  });
}

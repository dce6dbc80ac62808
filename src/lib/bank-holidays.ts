// Bank holidays in England and Wales, worked out for any year from the rules the government
// follows, so "open now" never runs out of dates. Only one-off changes (a coronation, a moved
// May bank holiday) are listed by hand, in content/bank-holidays.yaml.
// THIS FILE IS ALSO BUNDLED FOR THE BROWSER: no imports.

/** The changes an editor lists; the usual dates are derived. */
export interface BankHolidayChanges {
  extra: readonly string[];
  moved: readonly { from: string; to: string }[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const addDays = (d: Date, n: number) => utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate() + n);

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in Meeus). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): Date {
  if (n === 1) {
    const first = utc(year, month, 1);
    return addDays(first, (8 - first.getUTCDay()) % 7);
  }
  const last = utc(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() + 6) % 7));
}

/** The usual bank holidays of one year, YYYY-MM-DD, before any announced change. */
export function usualBankHolidays(year: number): string[] {
  const newYear = utc(year, 1, 1);
  const newYearDay = newYear.getUTCDay();
  const easter = easterSunday(year);
  const christmas = utc(year, 12, 25).getUTCDay();
  // Christmas Day and Boxing Day on a weekend move to the next weekdays not already taken.
  const christmasDay = christmas === 6 ? 27 : christmas === 0 ? 27 : 25;
  const boxingDay = christmas === 5 || christmas === 6 ? 28 : 26;
  return [
    iso(newYearDay === 6 ? utc(year, 1, 3) : newYearDay === 0 ? utc(year, 1, 2) : newYear),
    iso(addDays(easter, -2)),
    iso(addDays(easter, 1)),
    iso(monday(year, 5, 1)),
    iso(monday(year, 5, -1)),
    iso(monday(year, 8, -1)),
    iso(utc(year, 12, christmasDay)),
    iso(utc(year, 12, boxingDay)),
  ];
}

/** Every bank holiday, any year, asked for one date at a time: `calendar.has('2031-12-25')`. */
export function bankHolidayCalendar(changes: BankHolidayChanges): { has(date: string): boolean } {
  const years = new Map<number, Set<string>>();
  const movedAway = new Set(changes.moved.map((m) => m.from));
  const added = [...changes.extra, ...changes.moved.map((m) => m.to)];
  const forYear = (year: number) => {
    let dates = years.get(year);
    if (!dates) {
      dates = new Set([...usualBankHolidays(year).filter((d) => !movedAway.has(d)), ...added.filter((d) => d.startsWith(`${year}-`))]);
      years.set(year, dates);
    }
    return dates;
  };
  return { has: (date) => forYear(Number(date.slice(0, 4))).has(date) };
}

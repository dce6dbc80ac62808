// Dates in words, as pages show them. Each formatter is made once: making one costs more than
// using it, and a page of the 10,000-service directory showed a date on every one of its pages.

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "21 November 2026", for a day stored as midnight UTC. */
export function formatDay(date: Date): string {
  return DAY.format(date);
}

/** "October 2026", for a month written "2026-10". */
export function formatMonth(period: string): string {
  return MONTH.format(new Date(`${period}-01T00:00:00Z`));
}

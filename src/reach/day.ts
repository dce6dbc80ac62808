// The day a count belongs to: the calendar day in the UK (Europe/London), the partnership's own,
// whatever zone the server or the Worker runs in. A day is the finest time any count keeps.

const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const HOUR = 60 * 60 * 1000;

/** "2026-10-31": the UK calendar day at `ms`. */
export function ukDay(ms: number): string {
  const p = Object.fromEntries(parts.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The moment the UK day holding `ms` began (midnight in London, 23:00 UTC the day before in summer). */
export function startOfUkDay(ms: number): number {
  const day = ukDay(ms);
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The UK is UTC or one hour ahead of it, so its midnight is at 00:00 or 23:00 UTC.
  return ukDay(midnightUtc - HOUR) === day ? midnightUtc - HOUR : midnightUtc;
}

/**
 * A clock of UK days that works the day out at most once an hour: the UK's days change on the hour
 * in UTC, so a day found at 10:17 UTC holds until 11:00 UTC. Counting a page view costs a lookup.
 */
export class DayClock {
  private day = '';
  private until = 0;

  at(ms: number): string {
    if (ms >= this.until || ms < this.until - HOUR) {
      this.day = ukDay(ms);
      this.until = (Math.floor(ms / HOUR) + 1) * HOUR;
    }
    return this.day;
  }
}

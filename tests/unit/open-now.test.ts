// "Open now" in UK time, across the clock changes and on bank holidays.
import { describe, expect, test } from 'vitest';
import { isOpenAt, londonTime, type Hours } from '../../src/lib/open-now.ts';

const weekdays: Hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }], bankHolidays: 'closed' };
const lateNights: Hours = { weekly: [{ days: ['fri', 'sat'], opens: '22:00', closes: '02:00' }] };
const HOLIDAYS = new Set(['2026-12-25', '2026-12-28', '2026-08-31']);
const at = (iso: string) => new Date(iso);

describe('UK time across the clock changes', () => {
  test('in summer (BST) 08:30 UTC is 09:30 in London: open', () => {
    // Wednesday 1 July 2026.
    expect(londonTime(at('2026-07-01T08:30:00Z'))).toEqual({ date: '2026-07-01', day: 'wed', minute: 9 * 60 + 30 });
    expect(isOpenAt(weekdays, at('2026-07-01T08:30:00Z'), HOLIDAYS)).toBe(true);
  });
  test('in winter (GMT) 08:30 UTC is 08:30 in London: not yet open', () => {
    expect(isOpenAt(weekdays, at('2026-12-02T08:30:00Z'), HOLIDAYS)).toBe(false);
    expect(isOpenAt(weekdays, at('2026-12-02T09:00:00Z'), HOLIDAYS)).toBe(true);
  });
  test('the Monday after the clocks go forward (29 March 2026)', () => {
    // Before the change 16:30 UTC was 16:30 GMT; after it, 16:30 UTC is 17:30 BST: closed.
    expect(isOpenAt(weekdays, at('2026-03-27T16:30:00Z'), HOLIDAYS)).toBe(true);
    expect(isOpenAt(weekdays, at('2026-03-30T16:30:00Z'), HOLIDAYS)).toBe(false);
  });
  test('the night the clocks go back (25 October 2026) keeps an overnight slot right', () => {
    // Saturday 24 Oct 22:30 BST = 21:30 UTC: open. Sunday 25 Oct 01:30 GMT = 01:30 UTC: still open.
    expect(isOpenAt(lateNights, at('2026-10-24T21:30:00Z'), HOLIDAYS)).toBe(true);
    expect(isOpenAt(lateNights, at('2026-10-25T01:30:00Z'), HOLIDAYS)).toBe(true);
    expect(isOpenAt(lateNights, at('2026-10-25T02:30:00Z'), HOLIDAYS)).toBe(false);
  });
});

describe('bank holidays', () => {
  test('a weekday service that closes on bank holidays is closed on Christmas Day and the substitute Boxing Day', () => {
    expect(isOpenAt(weekdays, at('2026-12-25T11:00:00Z'), HOLIDAYS)).toBe(false);
    expect(isOpenAt(weekdays, at('2026-12-28T11:00:00Z'), HOLIDAYS)).toBe(false);
    expect(isOpenAt(weekdays, at('2026-12-29T11:00:00Z'), HOLIDAYS)).toBe(true);
  });
  test('a service that keeps its usual hours stays open', () => {
    expect(isOpenAt({ ...weekdays, bankHolidays: 'usual' }, at('2026-08-31T10:00:00Z'), HOLIDAYS)).toBe(true);
  });
  test('24/7 lines are always open', () => {
    expect(isOpenAt({ alwaysOpen: true }, at('2026-12-25T03:00:00Z'), HOLIDAYS)).toBe(true);
  });
});

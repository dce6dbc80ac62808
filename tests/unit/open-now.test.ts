// "Open now" in UK time, across the clock changes and on bank holidays.
import { describe, expect, test } from 'vitest';
import { isOpenAt, linesOf, londonTime, nextOpening, OPEN_WORDS, packLines, statusAt as statusIn, unpackLines, type Holidays, type Hours, type Line } from '../../src/lib/open-now.ts';
import type { Service } from '../../src/schemas/service.ts';
import { readMdx } from '../../scripts/lib/content.ts';
import { HOURS_WORDS } from '../../src/lib/opening-hours.ts';
import { statusLanguage } from '../../src/lib/status-language.ts';

/** The English words, as an English page hands them to the browser (every quarter hour's time). */
const QUARTERS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);
const ENGLISH = statusLanguage({ lang: 'en-GB', words: HOURS_WORDS }, OPEN_WORDS, QUARTERS);
const statusAt = (lines: Line[], instant: Date, holidays: Holidays, abroad = false) => statusIn(lines, instant, holidays, abroad, ENGLISH);

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

describe('when a closed line opens next', () => {
  const nspcc: Hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '22:00' }, { days: ['sat', 'sun'], opens: '09:00', closes: '18:00' }] };
  test('a 9-to-5 line at 17:30 BST on a Friday opens at 9am Monday', () => {
    // Friday 17 July 2026, 16:30 UTC = 17:30 BST.
    const status = statusAt([{ type: 'phone', hours: weekdays }], at('2026-07-17T16:30:00Z'), HOLIDAYS);
    expect(status).toEqual({ open: false, text: 'Closed now · opens 9am Monday' });
  });
  test('before opening on a weekday it opens today; after closing, tomorrow', () => {
    expect(statusAt([{ type: 'phone', hours: weekdays }], at('2026-07-15T06:00:00Z'), HOLIDAYS)?.text).toBe('Closed now · opens 9am today');
    expect(statusAt([{ type: 'phone', hours: weekdays }], at('2026-07-15T17:00:00Z'), HOLIDAYS)?.text).toBe('Closed now · opens 9am tomorrow');
  });
  test('over Christmas the next opening skips the bank holidays', () => {
    // Thursday 24 December 2026, 18:00 GMT: Friday 25 and Monday 28 are bank holidays.
    expect(nextOpening(weekdays, at('2026-12-24T18:00:00Z'), HOLIDAYS)).toEqual({ date: '2026-12-29', opens: '09:00' });
    expect(statusAt([{ type: 'phone', hours: weekdays }], at('2026-12-24T18:00:00Z'), HOLIDAYS)?.text).toBe('Closed now · opens 9am Tuesday');
  });
  test('more than a week ahead, the date is named too', () => {
    // Saturday 29 August 2026; a Monday-only line is closed on the bank holiday of Monday 31 August.
    const mondays: Hours = { weekly: [{ days: ['mon'], opens: '10:00', closes: '12:00' }], bankHolidays: 'closed' };
    expect(statusAt([{ type: 'phone', hours: mondays }], at('2026-08-29T10:00:00Z'), HOLIDAYS)?.text).toBe('Closed now · opens 10am Monday 7 September');
  });
  test('open lines say until when, and an overnight slot closes after midnight', () => {
    expect(statusAt([{ type: 'phone', hours: nspcc }], at('2026-07-15T10:00:00Z'), HOLIDAYS)?.text).toBe('Open now · until 10pm');
    expect(statusAt([{ type: 'phone', hours: weekdays }, { type: 'phone', hours: lateNights }], at('2026-07-17T21:30:00Z'), HOLIDAYS)?.text).toBe('Open now · until 2am');
  });
  test('a device outside the UK is told the times are UK time, and the day by name', () => {
    expect(statusAt([{ type: 'phone', hours: weekdays }], at('2026-07-17T16:30:00Z'), HOLIDAYS, true)?.text).toBe('Closed now · opens 9am Monday, UK time');
    // Wednesday 15 July 2026 at 18:00 BST: "tomorrow" in London may already be today in Tokyo.
    expect(statusAt([{ type: 'phone', hours: weekdays }], at('2026-07-15T17:00:00Z'), HOLIDAYS, true)?.text).toBe('Closed now · opens 9am Thursday, UK time');
  });
});

describe('what counts as reachable now', () => {
  test('a website with no hours is there any time', () => {
    expect(statusAt([{ type: 'website' }], at('2026-12-25T03:00:00Z'), HOLIDAYS)).toEqual({ open: true, text: 'Website open any time' });
  });
  test('a closed phone line beside a website: reachable, and says when the phone opens', () => {
    expect(statusAt([{ type: 'phone', hours: weekdays }, { type: 'website' }], at('2026-07-17T16:30:00Z'), HOLIDAYS))
      .toEqual({ open: true, text: 'Closed now · opens 9am Monday · website open any time' });
  });
  test('email alone says nothing: nobody may read it for days', () => {
    expect(statusAt([{ type: 'email' }], at('2026-07-15T10:00:00Z'), HOLIDAYS)).toBeUndefined();
  });
  test('a 24-hour line is open now', () => {
    expect(statusAt([{ type: 'phone', hours: { alwaysOpen: true } }], at('2026-12-25T03:00:00Z'), HOLIDAYS)).toEqual({ open: true, text: 'Open now · 24 hours' });
  });
});

describe('the clock changes, whatever zone the computer running this is in', () => {
  // The answer comes from UTC arithmetic, never from the process's own zone.
  const saved = process.env.TZ;
  for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London']) {
    test(zone, () => {
      process.env.TZ = zone;
      try {
        // 00:59 UTC on Sunday 29 March 2026 is 00:59 GMT; 01:00 UTC is 02:00 BST.
        expect(londonTime(at('2026-03-29T00:59:00Z'))).toEqual({ date: '2026-03-29', day: 'sun', minute: 59 });
        expect(londonTime(at('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', day: 'sun', minute: 120 });
        // 00:59 UTC on Sunday 25 October 2026 is 01:59 BST; 01:00 UTC is 01:00 GMT.
        expect(londonTime(at('2026-10-25T00:59:00Z')).minute).toBe(119);
        expect(londonTime(at('2026-10-25T01:00:00Z')).minute).toBe(60);
        expect(isOpenAt(weekdays, at('2026-07-15T16:30:00Z'), HOLIDAYS)).toBe(false);
      } finally {
        process.env.TZ = saved;
      }
    });
  }
});

describe("the UK's summer-time rule against the IANA time zone data (Node's Europe/London)", () => {
  // open-now.ts works UK time out by the rule in law instead of asking Intl (which would cost every
  // page with an "open now" ~15 ms of blocking in the browser); this holds the rule to the time zone
  // database: every hour of the three weeks around each change and noon of every day, 1996-2099.
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const fromIntl = (instant: Date) => {
    const part = Object.fromEntries(london.formatToParts(instant).map((p) => [p.type, p.value]));
    return { date: `${part.year}-${part.month}-${part.day}`, day: part.weekday!.toLowerCase(), minute: Number(part.hour) * 60 + Number(part.minute) };
  };
  test.each([[1996, 2029], [2030, 2064], [2065, 2099]])('%i to %i', (from, to) => {
    let checked = 0;
    for (let year = from; year <= to; year++) {
      const hours = [2, 9].flatMap((month) => Array.from({ length: 21 * 24 }, (_, h) => Date.UTC(year, month, 14, h)));
      const noons = Array.from({ length: 365 }, (_, d) => Date.UTC(year, 0, 1 + d, 12));
      for (const time of [...hours, ...noons]) {
        const instant = new Date(time);
        const mine = londonTime(instant);
        const intl = fromIntl(instant);
        if (mine.date !== intl.date || mine.day !== intl.day || mine.minute !== intl.minute) expect(mine, instant.toISOString()).toEqual(intl);
        checked++;
      }
    }
    expect(checked).toBe((to - from + 1) * (2 * 21 * 24 + 365));
  });
});

describe('the few characters a card carries its lines in (data-lines)', () => {
  // Every half hour of a week with a bank holiday, a week in summer time and one in winter, a device
  // in and out of the UK: whatever the page says from the packed lines is what the lines say.
  const instants = ['2026-12-21T00:15:00Z', '2026-07-13T00:15:00Z'].flatMap((start) => Array.from({ length: 7 * 48 }, (_, i) => new Date(Date.parse(start) + i * 30 * 60_000)));
  const cases: [string, Line[]][] = [
    ...readMdx('services').map((s) => [s.file, linesOf((s.data as { channels: Service['channels'] }).channels)] as [string, Line[]]),
    ['weekdays closed on bank holidays, beside a website', [{ type: 'phone', hours: weekdays }, { type: 'website' }]],
    ['two lines, one overnight', [{ type: 'text', hours: lateNights }, { type: 'webchat', hours: weekdays }]],
    ['a website with hours', [{ type: 'website', hours: weekdays }]],
    ['email only', [{ type: 'email' }]],
  ];
  for (const [name, lines] of cases) {
    test(name, () => {
      const packed = unpackLines(packLines(lines));
      for (const abroad of [false, true]) {
        for (const instant of instants) {
          expect(statusAt(packed, instant, HOLIDAYS, abroad), `${instant.toISOString()}${abroad ? ' abroad' : ''}`).toEqual(statusAt(lines, instant, HOLIDAYS, abroad));
        }
      }
    });
  }
  test('shorter than the JSON it replaces, and each set of hours once', () => {
    const safeCall: Line[] = [{ type: 'phone', hours: { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '09:00', closes: '23:00' }], bankHolidays: 'usual' } }, { type: 'text', hours: { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '09:00', closes: '23:00' }], bankHolidays: 'usual' } }];
    expect(packLines(safeCall)).toBe('1234560 09:00-23:00');
    expect(packLines([{ type: 'phone', hours: weekdays }, { type: 'website' }])).toBe('12345 09:00-17:00!;w');
  });
});

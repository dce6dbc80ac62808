// Bank holidays are worked out for any year, so "open now" cannot run out of dates. The expected
// dates are GOV.UK's published lists for England and Wales (https://www.gov.uk/bank-holidays, as
// kept in the demo's old hand-written list and the years before it).
import { describe, expect, test } from 'vitest';
import { bankHolidayCalendar, easterSunday, usualBankHolidays } from '../../src/lib/bank-holidays.ts';
import { loadYamlFile } from '../../src/lib/content-files.ts';
import { SETTINGS } from '../../src/schemas/collections.ts';
import { isOpenAt, type Hours } from '../../src/lib/open-now.ts';

const GOV_UK: Record<number, string[]> = {
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

const changes = loadYamlFile('content/bank-holidays.yaml', SETTINGS.bankHolidays.schema);
const calendar = bankHolidayCalendar(changes);
const everyDay = (year: number) => Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10)).filter((d) => d.startsWith(`${year}`));

describe('bank holidays in England and Wales', () => {
  for (const [year, dates] of Object.entries(GOV_UK)) {
    test(`${year} matches GOV.UK, with the announced changes in content/bank-holidays.yaml`, () => {
      expect(everyDay(Number(year)).filter((d) => calendar.has(d))).toEqual(dates);
    });
  }

  test('Easter Sunday for years the rules have to get right', () => {
    expect([2024, 2025, 2038, 2049, 2285].map((y) => easterSunday(y).toISOString().slice(0, 10))).toEqual(['2024-03-31', '2025-04-20', '2038-04-25', '2049-04-18', '2285-03-22']);
  });

  test('the usual dates never run out: every year to 2100 has eight, all on weekdays', () => {
    for (let year = 2028; year <= 2100; year++) {
      const dates = usualBankHolidays(year);
      expect(new Set(dates).size, String(year)).toBe(8);
      for (const d of dates) expect([0, 6], d).not.toContain(new Date(`${d}T12:00:00Z`).getUTCDay());
    }
  });

  test('"open now" knows Christmas 2031 without anyone adding it', () => {
    const weekdays: Hours = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }], bankHolidays: 'closed' };
    expect(isOpenAt(weekdays, new Date('2031-12-25T11:00:00Z'), calendar)).toBe(false);
    expect(isOpenAt(weekdays, new Date('2031-12-24T11:00:00Z'), calendar)).toBe(true);
  });
});

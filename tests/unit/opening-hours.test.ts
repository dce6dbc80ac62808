import { describe, expect, test } from 'vitest';
import { describeHours, formatDays, formatTime } from '../../src/lib/opening-hours.ts';
import { OpeningHoursSchema } from '../../src/schemas/service.ts';

describe('opening hours in words', () => {
  test('times', () => {
    expect(formatTime('09:00')).toBe('9am');
    expect(formatTime('12:00')).toBe('midday');
    expect(formatTime('22:30')).toBe('10:30pm');
    expect(formatTime('24:00')).toBe('midnight');
  });
  test('days', () => {
    expect(formatDays(['fri', 'mon', 'tue', 'wed', 'thu'])).toBe('Monday to Friday');
    expect(formatDays(['sat', 'sun'])).toBe('Saturday and Sunday');
    expect(formatDays(['mon', 'wed', 'fri'])).toBe('Monday, Wednesday and Friday');
  });
  test('a week', () => {
    const hours = OpeningHoursSchema.parse({
      weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '22:00' }, { days: ['sat', 'sun'], opens: '09:00', closes: '18:00' }],
      bankHolidays: 'closed',
    });
    expect(describeHours(hours)).toBe('Monday to Friday, 8am to 10pm; Saturday and Sunday, 9am to 6pm. Closed on bank holidays.');
    expect(describeHours(OpeningHoursSchema.parse({ alwaysOpen: true }))).toBe('Open 24 hours a day, every day.');
  });
});

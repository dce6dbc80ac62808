import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { describeHours, formatDays, formatTime, HOURS_WORDS, type HoursLanguage } from '../../src/lib/opening-hours.ts';
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
  test('a week in Urdu is punctuated as Urdu is written, from its catalogue', () => {
    const { strings } = yaml.load(readFileSync('content/i18n/ur.yaml', 'utf8')) as { strings: Record<string, string> };
    const urdu: HoursLanguage = { lang: 'ur', words: Object.fromEntries(Object.keys(HOURS_WORDS).map((k) => [k, strings[`hours.${k}`]!])) as HoursLanguage['words'] };
    const hours = OpeningHoursSchema.parse({
      weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '22:00' }, { days: ['sat', 'sun'], opens: '09:00', closes: '18:00' }],
    });
    const sentence = describeHours(hours, urdu);
    // Urdu's comma, semicolon and full stop ("،", "؛", "۔"), never the Latin ones between Urdu words.
    expect(sentence).toMatch(/^پیر سے جمعہ تک، 08:00 سے 22:00 تک؛ .+، 09:00 سے 18:00 تک۔$/);
    expect(sentence).not.toMatch(/[,;.]/);
  });
});

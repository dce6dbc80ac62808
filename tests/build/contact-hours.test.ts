// A line's hours (content/partnership.yaml) read right where the site shows them: in brackets after
// the number, "(evenings, weekends and bank holidays)", and inside "When they are closed: call … on
// … (…)." — so they are written as they read inside a sentence, in every language; a day's name
// keeps its capital. On a line of their own (a business briefing's routes) they start with a capital.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { DAY_NAMES } from '../../src/lib/opening-hours.ts';
import { findService } from '../support/content.ts';

const CLIENT = 'dist/client';
const pages = (readdirSync(CLIENT, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('admin'));
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
/** Starts as a word inside a sentence: not a capital, unless it is a day's name. */
const readsInside = (hours: string) => hours.charAt(0) === hours.charAt(0).toLocaleLowerCase() || Object.values(DAY_NAMES).some((day) => hours.startsWith(day));

test('hours in brackets after a number, or in a sentence, do not start with a capital', () => {
  const shown: string[] = [];
  for (const file of pages) {
    const html = readFileSync(join(CLIENT, file), 'utf8');
    for (const list of html.matchAll(/<div class="contact-list"[\s\S]*?<\/ul>/g)) {
      for (const m of list[0].matchAll(/<\/a> <span class="text-muted"[^>]*>\(([^)<]*)\)<\/span>/g)) shown.push(`${file}: (${m[1]})`);
    }
    for (const m of text(html).matchAll(/(?:When they are closed|Pan fyddan nhw ar gau|Gdy są nieczynni):.*? \d[\d ]+ \(([^)]*)\)/g)) shown.push(`${file}: (${m[1]})`);
  }
  // Every line, on the report form's confirmation and the pages that list them; in Welsh too.
  const { contacts, languages } = loadPartnership('content/partnership.yaml');
  for (const line of contacts) expect(shown.some((s) => s.endsWith(`: (${line.hours})`)), line.key).toBe(true);
  for (const { code } of languages) {
    const words = (yaml.load(readFileSync(`content/i18n/${code}.yaml`, 'utf8')) as { strings: Record<string, string> }).strings;
    for (const line of contacts) expect(shown.some((s) => s.startsWith(`${code}/`) && s.endsWith(`: (${words[`contact.${line.key}.hours`]})`)), `${code} ${line.key}`).toBe(true);
  }
  // And a service's "when they are closed" sentence, where a service names a line to call then.
  const closes = findService((s) => typeof s.outOfHours === 'string');
  if (closes) expect(shown.some((s) => s.startsWith(`help/${closes.id}/`))).toBe(true);
  expect(shown.filter((s) => !readsInside(s.slice(s.indexOf(': (') + 3)))).toEqual([]);
});

test('on a line of their own, a route\'s hours start with a capital', () => {
  const lines = pages.filter((f) => f.startsWith('businesses/')).flatMap((file) =>
    [...readFileSync(join(CLIENT, file), 'utf8').matchAll(/<ul class="report-routes"[\s\S]*?<\/ul>/g)].flatMap((list) =>
      [...list[0].matchAll(/<span class="block text-sm text-muted"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]!)));
  expect(lines.length).toBeGreaterThan(5);
  expect(lines.filter((l) => l.charAt(0) !== l.charAt(0).toLocaleUpperCase())).toEqual([]);
});

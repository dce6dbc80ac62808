// The built Easy Read pages: a picture beside every point, each picture a file on this site with
// alt text and a line in the credits page generated from the picture list; each standard page they
// are versions of links to them; search files them under "Easy Read".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { loadPictures, reportsReadSentences } from '../../src/lib/easy-read.ts';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const CLIENT = 'dist/client';
const read = (path: string) => readFileSync(join(CLIENT, path, 'index.html'), 'utf8');
const pages = readdirSync('content/easy-read').filter((f) => f.endsWith('.yaml') && f !== 'pictures.yaml' && f !== 'glossary.yaml')
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), data: yaml.load(readFileSync(join('content/easy-read', f), 'utf8')) as { versionOf: string[]; sections: { points: unknown[] }[] } }));
const { pictures } = loadPictures();
const credits = read('/easy-read/pictures/');

for (const page of pages) {
  describe(`/easy-read/${page.id}/`, () => {
    const html = read(`/easy-read/${page.id}/`);
    const images = [...html.matchAll(/<div class="easy-point"[^>]*>\s*<img src="([^"]+)" alt="([^"]*)"/g)].map((m) => ({ src: m[1]!, alt: m[2]! }));

    test('has a picture with alt text beside every point', () => {
      const points = page.data.sections.reduce((n, s) => n + s.points.length, 0);
      expect(images.length).toBeGreaterThanOrEqual(points);
      for (const image of images) {
        expect(image.alt.length, image.src).toBeGreaterThan(3);
        expect(existsSync(join(CLIENT, image.src)), image.src).toBe(true);
        expect(readFileSync(join(CLIENT, image.src), 'utf8')).toMatch(/^<svg/);
      }
    });

    test('every picture on it is credited', () => {
      for (const image of images) expect(credits).toContain(`data-picture="${image.src.replace(/^\/easy-read\/pictures\/|\.svg$/g, '')}"`);
    });

    test('is filed by search under Easy Read, in English', () => {
      expect(html).toContain('<span data-pagefind-filter="format">Easy Read</span>');
      expect(html).toMatch(/<html lang="en-GB"/);
    });

    // The report form is rendered on demand: tests/e2e/languages.spec.ts follows its link.
    for (const standard of page.data.versionOf.filter((p) => p !== '/report/')) {
      test(`is linked from ${standard}`, () => {
        const file = join(CLIENT, standard, 'index.html');
        expect(readFileSync(file, 'utf8')).toContain(`href="/easy-read/${page.id}/"`);
      });
    }
  });
}

test('the credits page lists every picture with its author and the licence', () => {
  for (const [id, picture] of Object.entries(pictures)) {
    expect(credits).toMatch(new RegExp(`<tr data-picture="${id}">[\\s\\S]*?${picture.code}`));
  }
  expect(credits).toContain('https://creativecommons.org/licenses/by-sa/4.0/');
});

// The standard report form says when reports are read (content/partnership.yaml's reportsRead); the
// Easy Read guide says the same hours, in short sentences, beside a picture, before the form.
test('the Easy Read guide to reporting says when reports are read, from the partnership\'s settings', () => {
  const html = read('/easy-read/reporting/');
  const { reportsRead } = loadPartnership('content/partnership.yaml');
  const sentences = reportsReadSentences(reportsRead);
  // The demo partnership reads reports on weekdays, office hours.
  expect(sentences).toBe('We read reports Monday to Friday, 9am to 5pm. We do not read reports on bank holidays.');
  const point = html.match(/<div class="easy-point"[^>]*>\s*<img src="\/easy-read\/pictures\/([\w-]+)\.svg"[^>]*>\s*<div[^>]*>\s*<p[^>]*>([^<]*)<\/p>/g)
    ?.find((p) => p.includes('We read reports'));
  expect(point, 'a point with the hours').toBeDefined();
  expect(point).toContain(`>${sentences}</p>`);
  expect(point).toContain('/easy-read/pictures/calendar.svg');
  expect(html.indexOf(sentences)).toBeLessThan(html.indexOf('">report form</a>'));
  expect(html.indexOf('">report form</a>')).toBeGreaterThan(0);
});

// Easy Read, as the guidance asks: one idea a point, no sentence over 15 words, a picture beside
// each point, and every picture from the open set, with words for people who cannot see it and a
// named author for the credits.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { loadGlossary, loadPictures, pictureSource, pointHtml, reportsReadSentences, sentencesOf, wordCount } from '../../src/lib/easy-read.ts';
import { OpeningHoursSchema } from '../../src/schemas/service.ts';
import { EasyReadPageSchema, MAX_WORDS } from '../../src/schemas/easy-read.ts';

const DIR = 'content/easy-read';
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'pictures.yaml' && f !== 'glossary.yaml')
  .map((file) => ({ file: join(DIR, file), data: EasyReadPageSchema.parse(yaml.load(readFileSync(join(DIR, file), 'utf8'))) }));
const { pictures, set } = loadPictures();
const glossary = loadGlossary();

/** Each sentence over the limit, with its word count. */
const tooLong = (text: string) => sentencesOf(text).filter((s) => wordCount(s) > MAX_WORDS).map((s) => `${wordCount(s)} words: ${s}`);

test('the rule finds a long sentence and counts links and numbers as words', () => {
  expect(tooLong('This sentence has far too many words in it for anyone who finds reading hard to follow easily.')).toHaveLength(1);
  expect(tooLong('Call {emergency} now. Read how to [get help](/easy-read/getting-help/).')).toEqual([]);
  expect(sentencesOf('One idea. Two ideas! Three?')).toEqual(['One idea.', 'Two ideas!', 'Three?']);
});

test('there are Easy Read pages on exploitation and cuckooing, the signs, getting help and reporting', () => {
  expect(pages.map((p) => p.file).sort()).toEqual(['exploitation-and-cuckooing', 'getting-help', 'reporting', 'warning-signs'].map((f) => `${DIR}/${f}.yaml`));
});

for (const page of pages) {
  describe(page.file, () => {
    const points = page.data.sections.flatMap((s) => s.points);
    test(`no sentence is longer than ${MAX_WORDS} words, and each point is one short idea`, () => {
      expect(points.flatMap((p) => tooLong(p.text))).toEqual([]);
      expect(points.filter((p) => sentencesOf(p.text).length > 2).map((p) => p.text)).toEqual([]);
    });
    test('every point has a picture from the picture list', () => {
      expect(points.map((p) => p.picture).filter((id) => !pictures[id])).toEqual([]);
    });
    test('every hard word it uses is in the glossary, explained in short sentences', () => {
      for (const word of page.data.words) {
        expect(glossary[word], word).toBeDefined();
        expect(tooLong(glossary[word]!.meaning)).toEqual([]);
      }
    });
  });
}

describe('{reportsRead}: when reports are read, in Easy Read', () => {
  const said = (hours: unknown) => reportsReadSentences(OpeningHoursSchema.parse(hours));
  test('a sentence for each set of days, then bank holidays, each short', () => {
    const examples = [
      said({ weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }], bankHolidays: 'closed' }),
      said({ weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '18:00' }, { days: ['sat', 'sun'], opens: '10:00', closes: '14:00' }] }),
      said({ alwaysOpen: true }),
      said({ weekly: [{ days: ['mon', 'wed'], opens: '09:00', closes: '12:00' }], note: 'We close at 3pm on Christmas Eve.' }),
      said({}),
    ];
    expect(examples).toEqual([
      'We read reports Monday to Friday, 9am to 5pm. We do not read reports on bank holidays.',
      'We read reports Monday to Friday, 8:30am to 6pm. We read reports Saturday and Sunday, 10am to 2pm.',
      'We read reports at any time of the day or night.',
      'We read reports Monday and Wednesday, 9am to midday. We close at 3pm on Christmas Eve.',
      'We have not said when we read reports.',
    ]);
    expect(examples.flatMap(tooLong)).toEqual([]);
  });
  test('a point puts them in as words, and names the placeholders it knows when one is wrong', () => {
    expect(pointHtml('{reportsRead} Call {police}.', { police: '101' }, { reportsRead: 'We read reports <always>.' }))
      .toBe('We read reports &#60;always&#62;. Call <a href="tel:101" class="phone-link"><bdi dir="ltr">101</bdi></a>.');
    expect(() => pointHtml('{reportsReed}', {}, { reportsRead: 'x' })).toThrow(/\{reportsReed\} is not a number or sentence the site knows \(.*reportsRead\)/);
  });
});

describe('the pictures', () => {
  test('come from a set a council may use', () => {
    expect(set.licence).toBe('CC BY-SA 4.0');
    expect(set.package).toBe('openmoji');
  });
  for (const [id, picture] of Object.entries(pictures)) {
    test(`${id}: exists in the installed set, has words for people who cannot see it, and a named author`, () => {
      const source = pictureSource(picture.code);
      expect(existsSync(source.file)).toBe(true);
      expect(readFileSync(source.file, 'utf8')).toMatch(/^<svg/);
      expect(picture.alt.length).toBeGreaterThan(3);
      expect(source.author.length).toBeGreaterThan(2);
    });
  }
  test('the glossary uses only pictures from the list', () => {
    expect(Object.values(glossary).map((g) => g.picture).filter((id) => !pictures[id])).toEqual([]);
  });
  test('a picture code the set does not have is refused by name', () => {
    expect(() => pictureSource('FFFFF')).toThrow(/FFFFF is not a picture in OpenMoji/);
  });
});

// Every language's catalogue against the English, the source of truth: every key present, no key
// English lacks, the same placeholders, a plural form for each category the language has. And the
// translated warning signs and pages: each names the English it follows and how it was made.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { catalogueProblems, type Strings } from '../../src/i18n/check.ts';
import { formatMessage } from '../../src/i18n/format.ts';
import { englishCatalogue, loadI18n } from '../../src/integrations/i18n.ts';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const partnership = loadPartnership('content/partnership.yaml');
const english = englishCatalogue('content', partnership);

describe('the check itself', () => {
  const en: Strings = { a: 'Call {number}', b: { one: '{count} result', other: '{count} results' }, c: 'Plain' };
  test('it finds a missing key, an unknown key, a changed placeholder and missing plural forms', () => {
    const problems = catalogueProblems(en, { a: 'Ffoniwch {rhif}', b: { one: '{count} canlyniad', other: '{count} canlyniad' }, d: 'Extra' }, 'cy');
    expect(problems).toEqual([
      'a: placeholders must be {number} as in English, not {rhif}',
      'b: missing the plural forms zero, two, few, many',
      'c: missing (English: "Plain")',
      'd: not in the English catalogue (misspelt, or removed from English?)',
    ]);
  });
  test('a complete translation passes, and may name the shared facts English leaves out', () => {
    expect(catalogueProblems(en, { a: 'Zadzwoń pod {number} w {area}', b: { one: '{count} wynik', few: '{count} wyniki', many: '{count} wyników', other: '{count} wyniku' }, c: 'Zwykły' }, 'pl')).toEqual([]);
  });
  test('plural forms follow the language’s own rules', () => {
    const message = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    expect([0, 1, 2, 3, 6, 7].map((count) => formatMessage(message, { count }, 'cy'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([1, 3, 5, 22].map((count) => formatMessage(message, { count }, 'pl'))).toEqual(['one', 'few', 'many', 'few']);
  });
});

describe('each language of the demo', () => {
  for (const language of partnership.languages) {
    const file = `content/i18n/${language.code}.yaml`;
    const catalogue = yaml.load(readFileSync(file, 'utf8')) as { strings: Strings; translation: unknown };

    test(`${file} has every English key, no other, and the same placeholders`, () => {
      expect(catalogueProblems(english, catalogue.strings, language.code)).toEqual([]);
    });

    test(`${file} types no phone number: numbers come from content/partnership.yaml`, () => {
      // Ofcom's drama range is allowed as an example of how to write a number.
      const typed = Object.entries(catalogue.strings).filter(([, m]) => /\b(?:999|101|111|0\d{3,4} ?\d{3} ?\d{3,4})\b/.test(JSON.stringify(m).replace(/07700 900 ?\d{3}/g, '')));
      expect(typed.map(([k]) => k)).toEqual([]);
    });

    test(`${file} says how it was made and which English it follows`, () => {
      expect(catalogue.translation).toMatchObject({ method: expect.stringMatching(/^(human|machine)$/), sourceHash: expect.stringMatching(/^[0-9a-f]{12}$/) });
    });
  }
});

describe('the build refuses translations that do not match', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
    cpSync('content', dir, { recursive: true });
    return dir;
  };
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`the test's edit did not apply to ${file}`);
    writeFileSync(file, text.replace(from, to));
  };

  test('a missing key names the file and the key', () => {
    const dir = copy();
    edit(join(dir, 'i18n', 'pl.yaml'), '  nav.help: "Pomoc"\n', '');
    expect(() => loadI18n(dir, loadPartnership(join(dir, 'partnership.yaml')))).toThrow(/i18n\/pl\.yaml does not match the English catalogue:\s+nav\.help: missing/);
  });

  test('a language with no catalogue is refused, not published in English', () => {
    const dir = copy();
    edit(join(dir, 'partnership.yaml'), 'languages:\n', 'languages:\n  - code: ro\n    name: Română\n');
    expect(() => loadI18n(dir, loadPartnership(join(dir, 'partnership.yaml')))).toThrow(/i18n\/ro\.yaml is missing/);
  });

  test('a translated sign that English does not have is refused', () => {
    const dir = copy();
    edit(join(dir, 'signs', 'ur', 'signs.yaml'), '  second-phone:', '  second-phones:');
    expect(() => loadI18n(dir, loadPartnership(join(dir, 'partnership.yaml')))).toThrow(/signs\/ur\/signs\.yaml: missing signs: second-phone; signs not in content\/signs\/signs\.yaml: second-phones/);
  });

  test('when the English changes, its translations are marked out of date', () => {
    const dir = copy();
    const before = loadI18n(dir, loadPartnership(join(dir, 'partnership.yaml')));
    expect(before.pages.cy!['/check/']!.outdated).toBe(false);
    edit(join(dir, 'signs', 'next-steps.yaml'), 'Ask, calmly', 'Ask, quietly');
    const after = loadI18n(dir, loadPartnership(join(dir, 'partnership.yaml')));
    expect(after.pages.cy!['/check/']!.outdated).toBe(true);
    expect(after.pages.cy!['/help/']!.outdated).toBe(false);
  });

  test('a partnership that refuses unreviewed translations publishes none of the drafts', () => {
    const dir = copy();
    edit(join(dir, 'partnership.yaml'), 'publishUnreviewed: true', 'publishUnreviewed: false');
    const data = loadI18n(dir, loadPartnership(join(dir, 'partnership.yaml')));
    expect(data.pages).toEqual({ en: {}, cy: {}, pl: {}, ur: {} });
  });
});

describe('npm run translations', () => {
  test('lists every English page a language lacks, in folders too, and none of the translations as English', () => {
    const out = execFileSync(process.execPath, ['scripts/translations.ts'], { encoding: 'utf8' });
    const welsh = out.slice(out.indexOf('(cy)'), out.indexOf('(pl)'));
    const englishOnly = welsh.match(/English only \(\d+\): (.*)/)![1]!.split(' ');
    expect(englishOnly).toContain('/parents/arrested/');
    expect(englishOnly).toContain('/about/');
    expect(englishOnly).not.toContain('/parents/what-you-can-do/');
    expect(englishOnly.filter((p) => /^\/(cy|pl|ur)\//.test(p))).toEqual([]);
    expect(welsh).toMatch(/pages in Cymraeg: .*\/parents\/what-you-can-do\//);
  });
});

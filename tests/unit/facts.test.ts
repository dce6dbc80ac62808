// Truth: every phone number, promise and law carries where it was checked, when, and against what
// (the live page or a saved copy), and no check is more than 12 months old. Numbers never appear
// loose in prose or YAML advice, where no source could travel with them.
import { describe, expect, test } from 'vitest';
import { readMdx, readYaml } from '../../scripts/lib/content.ts';

const TODAY = new Date();
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function expectFresh(where: string, fact: { source?: unknown; checked?: unknown; checkedAgainst?: unknown }) {
  expect(fact.source, `${where}: source`).toMatch(/^https?:\/\//);
  expect(['live-page', 'saved-copy'], `${where}: checkedAgainst`).toContain(fact.checkedAgainst);
  const checked = fact.checked instanceof Date ? fact.checked : new Date(String(fact.checked));
  expect(Number.isNaN(checked.getTime()), `${where}: checked is a date`).toBe(false);
  expect(TODAY.getTime() - checked.getTime(), `${where}: checked within the last 12 months`).toBeLessThan(YEAR_MS);
  expect(checked.getTime(), `${where}: checked is not in the future`).toBeLessThanOrEqual(TODAY.getTime());
}

describe('every phone number has a source and a recent check', () => {
  const partnership = readYaml<{ contacts: { label: string; number: string; source?: string; checked?: string; demo?: boolean }[] }>('content/partnership.yaml');
  for (const contact of partnership.contacts) {
    test(`partnership.yaml: ${contact.label}`, () => {
      expectFresh(`content/partnership.yaml ${contact.label}`, contact);
      // Demo numbers must come from Ofcom's drama ranges, so nobody real is ever called.
      if (contact.demo) expect(contact.number).toMatch(/^(01632 960\d{3}|07700 900\d{3}|020 7946 0\d{3}|0808 157 0\d{3})$/);
    });
  }
  for (const service of readMdx('services')) {
    test(service.file, () => {
      expectFresh(service.file, service.data);
      // What happens to what you say is a promise too, checked against its own page.
      expectFresh(`${service.file} privacy`, service.data.privacy as Record<string, unknown>);
      if (service.data.demo) {
        for (const c of service.data.channels as { type: string; value: string }[]) {
          if (c.type === 'phone' || c.type === 'text') expect(c.value, `${service.file}: demo number`).toMatch(/^(01632 960\d{3}|07700 900\d{3})$/);
        }
      }
    });
  }
});

describe('every law has its legislation.gov.uk address, a source and a recent check', () => {
  for (const act of readMdx('law')) {
    test(act.file, () => {
      expectFresh(act.file, act.data);
      expect(act.data.legislationUrl).toMatch(new RegExp(`^https://www\\.legislation\\.gov\\.uk/ukpga/${act.data.year}/${act.data.chapter}(/|$)`));
    });
  }
});

// Numbers go in through <Call contact=… /> or <Call service=… />, which carry their source.
const PHONE = /(?<![\d/.-])(?:999|101|111|0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}|116 ?\d{3}|\d{5})(?![\d/-]|\.\d)/;
describe('no phone number is typed straight into prose', () => {
  for (const folder of ['pages', 'campaigns', 'law', 'services', 'sectors']) {
    for (const page of readMdx(folder)) {
      test(page.file, () => {
        const prose = page.body.replace(/<Call [^>]*\/>/g, '').replace(/\]\([^)]*\)/g, ']');
        const lines = prose.split('\n').filter((line) => PHONE.test(line));
        expect(lines, `${page.file} has a number outside <Call>`).toEqual([]);
      });
    }
  }
  // A staff briefing prints its actions and signs beside the numbers; the numbers themselves come
  // only from the report routes, which carry their source.
  for (const sector of readMdx('sectors')) {
    test(`${sector.file}: signs and actions`, () => {
      const texts = [...(sector.data.actions as string[]), ...(sector.data.signs as { noticed: string; why: string }[]).flatMap((s) => [s.noticed, s.why])];
      expect(texts.filter((t) => PHONE.test(t)), `${sector.file} has a number outside its report routes`).toEqual([]);
    });
  }
});

describe('no phone number is typed straight into the advice kept in YAML', () => {
  // The checker's advice and next steps are rendered through AdviceText, which reads <Call … />.
  const texts: [string, string][] = [];
  const collect = (file: string, value: unknown): void => {
    if (typeof value === 'string') texts.push([file, value]);
    else if (Array.isArray(value)) value.forEach((v) => collect(file, v));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => k !== 'source' && collect(file, v));
  };
  for (const file of ['content/signs/checker-audiences.yaml', 'content/signs/next-steps.yaml', 'content/signs/signs.yaml']) collect(file, readYaml(file));
  test('there is advice to check', () => expect(texts.length).toBeGreaterThan(20));
  test('every number is a <Call>', () => {
    const loose = texts.filter(([, text]) => PHONE.test(text.replace(/<Call [^>]*\/>/g, ''))).map(([file, text]) => `${file}: ${text}`);
    expect(loose).toEqual([]);
  });
});

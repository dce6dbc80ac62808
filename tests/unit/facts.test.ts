// Truth: every phone number and every law carries where it was checked and when, and no check is
// more than 12 months old. Numbers never appear loose in prose, where no source could travel with them.
import { describe, expect, test } from 'vitest';
import { readMdx, readYaml } from '../support/content.ts';

const TODAY = new Date();
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function expectFresh(where: string, fact: { source?: unknown; checked?: unknown }) {
  expect(fact.source, `${where}: source`).toMatch(/^https?:\/\//);
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

describe('no phone number is typed straight into prose', () => {
  // Numbers go in through <Call contact=… /> or <Call service=… />, which carry their source.
  const PHONE = /(?<![\d/.-])(?:999|101|111|0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}|116 ?\d{3}|\d{5})(?![\d/-]|\.\d)/;
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

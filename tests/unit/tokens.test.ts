// Every colour pair the site uses meets WCAG AA contrast: 4.5:1 for text, 3:1 for focus and borders.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { contrast } from '../../src/lib/contrast.ts';

const css = readFileSync('src/styles/global.css', 'utf8');
const token = (name: string): string => {
  const m = css.match(new RegExp(`--color-${name}:\\s*(#[0-9a-fA-F]{6})`));
  if (!m) throw new Error(`no colour token --color-${name}`);
  return m[1]!;
};


const brand = loadPartnership('content/partnership.yaml').brandColour;
const TEXT_PAIRS: [string, string, string][] = [
  ['ink on paper', token('ink'), token('paper')],
  ['ink on surface', token('ink'), token('surface')],
  ['muted on paper', token('muted'), token('paper')],
  ['muted on surface', token('muted'), token('surface')],
  ['link on paper', token('link'), token('paper')],
  ['link on surface', token('link'), token('surface')],
  ['visited on paper', token('visited'), token('paper')],
  ['visited on surface', token('visited'), token('surface')],
  ['paper on danger (exit button)', token('paper'), token('danger')],
  ['paper on success (buttons)', token('paper'), token('success')],
  ['paper on ink (emergency line)', token('paper'), token('ink')],
  ['focus on ink (numbers on the emergency line)', token('focus'), token('ink')],
  ['ink on focus (focused links)', token('ink'), token('focus')],
  ['paper on brand (header)', token('paper'), brand],
];

describe('colour contrast', () => {
  test('the contrast formula is WCAG\'s', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  for (const [name, fg, bg] of TEXT_PAIRS) {
    test(`${name} is at least 4.5:1`, () => expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5));
  }
  test('the focus ring (yellow) stands 3:1 against the brand header', () => {
    expect(contrast(token('focus'), brand)).toBeGreaterThanOrEqual(3);
  });
});

// The Urdu web font is cut to the letters in URDU_LETTERS (src/integrations/urdu-font.ts): a letter
// outside them would show in another font in the middle of a word. Every Urdu word the site has
// must be made of them — often it is the Arabic ي or ك pasted in where Urdu writes ی or ک, which
// the set keeps, but a Persian or Pashto letter is a mistake to catch here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { URDU_LETTERS } from '../../src/integrations/urdu-font.ts';

/** Arabic-script characters and the joiners: what the font's unicode-range sends to it. */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC\u200C-\u200F]/gu;
const files = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).flatMap((f) => files(join(path, f))) : [path]);
const urdu = ['content/i18n/ur.yaml', 'content/partnership.yaml', ...files('content/pages/ur'), ...files('content/signs/ur')];

test('the letter set is what the subset is made from, and has Urdu’s own letters', () => {
  for (const letter of 'ٹڈڑںھہےۓ۔') expect(URDU_LETTERS).toContain(letter);
});

test('every Urdu word on the site is made of letters the font keeps', () => {
  const missing = urdu.flatMap((file) => [...new Set(readFileSync(file, 'utf8').match(ARABIC_SCRIPT) ?? [])].filter((c) => !URDU_LETTERS.includes(c)).map((c) => `${file}: ${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`));
  expect(missing).toEqual([]);
});

test('the check finds a letter Urdu does not use', () => {
  expect('ڤ'.match(ARABIC_SCRIPT)!.filter((c) => !URDU_LETTERS.includes(c))).toEqual(['ڤ']);
});

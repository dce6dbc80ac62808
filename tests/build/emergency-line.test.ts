// The emergency line at the top of every page names Crimestoppers, an English name, in every
// language: on a translated page it is marked as English, so a screen reader says it as English
// (and, on an Urdu page, it is set left to right).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const CLIENT = 'dist/client';
const codes = loadPartnership('content/partnership.yaml').languages.map((l) => l.code);
const banner = (file: string) => /<header>[\s\S]*?<\/header>/.exec(readFileSync(file, 'utf8'))![0];

for (const code of codes) {
  test(`every page in "${code}" marks Crimestoppers in its emergency line as English`, () => {
    const files = readdirSync(join(CLIENT, code), { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const header = banner(join(CLIENT, code, file));
      expect(header, `${code}/${file}`).toContain('<span lang="en-GB" dir="ltr">Crimestoppers</span>');
      expect(header.replaceAll('<span lang="en-GB" dir="ltr">Crimestoppers</span>', ''), `${code}/${file}`).not.toContain('Crimestoppers');
    }
  });
}

test('an English page names it plainly', () => {
  // A built page (the home page is rendered on request).
  const header = banner(join(CLIENT, 'parents', 'index.html'));
  expect(header).toContain('Crimestoppers');
  expect(header).not.toContain('lang="en-GB" dir="ltr">Crimestoppers');
});

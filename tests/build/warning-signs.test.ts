// /warning-signs/ is the one complete list: every sign exactly once, with its source.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readYaml } from '../../scripts/lib/content.ts';

const html = readFileSync('dist/client/warning-signs/index.html', 'utf8');
const signs = readYaml<{ id: string; noticed: string; source: string }[]>('content/signs/signs.yaml');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

test('every sign appears once, and only once, with a link to its source', () => {
  expect(signs.length).toBeGreaterThan(10);
  for (const sign of signs) {
    const noticed = escape(sign.noticed);
    expect(html.split(noticed).length - 1, sign.noticed).toBe(1);
    expect(html.match(new RegExp(`<li id="${sign.id}"[\\s\\S]*?</li>`))?.[0], sign.id).toContain(`href="${sign.source}"`);
  }
});

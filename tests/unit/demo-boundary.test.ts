// The demo partnership lives in content marked `demo: true`, and nowhere else: the kit's code,
// public files and tests never name it, use its colour or dial its numbers (tests read them from
// the content), so `npm run new-partnership` can remove it whole.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { parseSource, readSource } from '../../src/lib/content-files.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';

const partnership = loadPartnership('content/partnership.yaml');
const files = (dir: string): string[] => !existsSync(dir) ? [] :
  readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))).filter((f) => statSync(f).isFile());

describe.runIf(partnership.demo)('the demo stays inside content marked demo', () => {
  const traces = [partnership.area, partnership.brandColour, ...partnership.contacts.filter((c) => c.demo).map((c) => c.number)];

  for (const dir of ['src', 'public', 'tests', 'scripts']) {
    test(`${dir}/ names no part of the demo partnership`, () => {
      const found = files(dir).flatMap((file) => {
        const text = readFileSync(file, 'latin1').toLowerCase();
        return traces.filter((t) => text.includes(t.toLowerCase())).map((t) => `${file}: ${t}`);
      });
      expect(found).toEqual([]);
    });
  }

  test('every content file or entry that names the demo area is marked demo', () => {
    const area = partnership.area.toLowerCase();
    const unmarked: string[] = [];
    for (const source of Object.values(COLLECTIONS)) {
      if ('folder' in source) {
        for (const file of files(join('content', source.folder))) {
          const text = readFileSync(file, 'utf8').toLowerCase();
          if (text.includes(area) && (parseSource(readSource(file)) as { demo?: boolean }).demo !== true) unmarked.push(file);
        }
      } else {
        const data = parseSource(readSource(join('content', source.file))) as unknown;
        const entries = Array.isArray(data) ? data.map((e, i) => [String(i), e] as const) : Object.entries(data as object);
        for (const [key, entry] of entries) {
          if (JSON.stringify(entry).toLowerCase().includes(area) && (entry as { demo?: boolean }).demo !== true) unmarked.push(`${source.file} → ${key}`);
        }
      }
    }
    expect(unmarked).toEqual([]);
  });
});

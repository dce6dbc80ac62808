// The editor's file writer changes only what the editor changed. Every content file is loaded,
// edited in several ways, written, and compared line by line with the original.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { changedLines } from '../support/changed-lines.ts';
import { readFrontmatter, readYamlList, readYamlMap, SOURCE_KEY, writeFrontmatter, writeYamlList, writeYamlMap, patchYaml, stringifyYaml } from '../../src/cms/preserve.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const contentFiles = files('content').filter((f) => /\.(mdx?|ya?ml)$/.test(f));

type Data = Record<string, unknown>;
const clone = <T,>(v: T): T => structuredClone(v);

function load(file: string): { data: Data; write: (d: Data) => string } {
  const text = readFileSync(file, 'utf8');
  if (/\.mdx?$/.test(file)) return { data: readFrontmatter(text), write: (d) => writeFrontmatter(d) };
  const top = parse(text);
  if (Array.isArray(top)) return { data: readYamlList(text), write: (d) => writeYamlList(d) };
  return { data: readYamlMap(text), write: (d) => writeYamlMap(d) };
}

/** The first string value found walking the data, with a setter: the field an edit will change. */
function firstString(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstString(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === SOURCE_KEY || k === 'body') continue;
      const found = firstString(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}
function setIn(data: unknown, path: (string | number)[], value: unknown): void {
  let at = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}
function getIn(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], data);
}

describe('an unchanged entry is written back byte for byte', () => {
  test('there are content files to check', () => expect(contentFiles.length).toBeGreaterThan(50));
  for (const file of contentFiles) {
    test(file, () => {
      const { data, write } = load(file);
      expect(write(clone(data))).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('a one-field edit changes one line and nothing else', () => {
  for (const file of contentFiles) {
    test(file, () => {
      const original = readFileSync(file, 'utf8');
      const { data, write } = load(file);
      const path = firstString(data)!;
      const edited = clone(data);
      setIn(edited, path, `${getIn(data, path) as string} (edited)`);
      const out = write(edited);
      const { removed, added } = changedLines(original, out);
      expect(removed.length, `${file}: ${removed.join('|')}`).toBe(1);
      expect(added.length).toBe(1);
      expect(added[0]).toContain('(edited)');
      const reread = load.call(null, file); // the original still loads
      expect(reread.data[SOURCE_KEY]).toBe(original);
    });
  }
});

describe('structural edits', () => {
  const campaign = `---
title: Safer Summer
audiences: [parent]
start: 2027-07-15
hashtag: "#SaferSummer"
# Links people type from posters.
shortLinks: [/SaferSummer]
assets:
  - title: A4 poster
    file: /campaigns/safer-summer/poster-a4.pdf
    alt: A poster.
---

The body, with <Call contact="emergency" />.
`;
  const data = readFrontmatter(campaign);

  test('a new optional field goes after the field before it in the editor, and nothing else moves', () => {
    const out = writeFrontmatter({ ...data, end: '2027-09-05' }, ['title', 'audiences', 'start', 'end', 'hashtag', 'shortLinks', 'assets', 'body']);
    expect(out).toBe(campaign.replace('start: 2027-07-15\n', 'start: 2027-07-15\nend: 2027-09-05\n'));
  });

  test('a cleared optional field is removed, its comment-free line only', () => {
    const out = writeFrontmatter({ ...data, hashtag: '' });
    expect(out).toBe(campaign.replace('hashtag: "#SaferSummer"\n', ''));
  });

  test('a value added to a short list stays a short list; the comment above it stays', () => {
    const out = writeFrontmatter({ ...data, audiences: ['parent', 'young-person'], shortLinks: ['/SaferSummer', '/summer'] });
    expect(out).toBe(campaign.replace('[parent]', '[parent, young-person]').replace('[/SaferSummer]', '[/SaferSummer, /summer]'));
  });

  test('an item added to a block list is written in the same style below the others', () => {
    const asset = { title: 'A3 poster', file: '/campaigns/safer-summer/poster-a3.pdf', alt: 'A large poster.' };
    const out = writeFrontmatter({ ...data, assets: [...(data.assets as unknown[]), asset] });
    expect(out).toBe(campaign.replace('    alt: A poster.\n', '    alt: A poster.\n  - title: A3 poster\n    file: /campaigns/safer-summer/poster-a3.pdf\n    alt: A large poster.\n'));
  });

  test('a removed block-list item takes its lines with it', () => {
    const out = writeFrontmatter({ ...data, assets: [] });
    expect(out).toBe(campaign.replace(/assets:\n[\s\S]*?alt: A poster.\n/, 'assets: []\n'));
  });

  test('a changed body is written, the frontmatter untouched', () => {
    const out = writeFrontmatter({ ...data, body: 'A new body.\n' });
    expect(out).toBe(`${campaign.split('\n\nThe body')[0]}\n\nA new body.\n`);
  });

  test('a value that needs quoting is quoted; one that no longer does keeps its quotes', () => {
    expect(writeFrontmatter({ ...data, title: 'Summer: stay safe #SaferSummer' })).toContain('title: "Summer: stay safe #SaferSummer"\n');
    expect(writeFrontmatter({ ...data, hashtag: '#Summer' })).toContain('hashtag: "#Summer"\n');
  });

  test('text that would read as a number or a yes/no stays text; a date stays a plain date', () => {
    const out = patchYaml('number: "999"\nname: x\nstart: 2026-01-01\n', { number: '101', name: 'true', start: '2026-02-01' });
    expect(out).toBe('number: "101"\nname: "true"\nstart: 2026-02-01\n');
    expect(parse(out)).toEqual({ number: '101', name: 'true', start: '2026-02-01' });
  });

  test('flow maps keep their padding when a value changes', () => {
    expect(patchYaml('values:\n  - { metric: arrests, value: 6 }\n', { values: [{ metric: 'arrests', value: 7 }] })).toBe('values:\n  - { metric: arrests, value: 7 }\n');
    expect(patchYaml('values:\n  - { metric: arrests, value: 6 }\n', { values: [{ metric: 'arrests', value: 6, note: 'x' }] })).toBe('values:\n  - { metric: arrests, value: 6, note: x }\n');
  });

  test('a multi-line value becomes a literal block at the right indentation', () => {
    const out = patchYaml('a:\n  b: one\nc: two\n', { a: { b: 'line one\nline two' }, c: 'two' });
    expect(out).toBe('a:\n  b: |-\n    line one\n    line two\nc: two\n');
    expect(parse(out)).toEqual({ a: { b: 'line one\nline two' }, c: 'two' });
  });

  test('a new file is written in the house style', () => {
    expect(stringifyYaml({ title: 'T', audiences: ['parent'], assets: [{ title: 'A', file: '/a.pdf' }] })).toBe('title: T\naudiences: [parent]\nassets:\n  - title: A\n    file: /a.pdf\n');
    expect(writeFrontmatter({ title: 'T', body: 'Hello.' })).toBe('---\ntitle: T\n---\n\nHello.\n');
  });
});

// The stylesheet is inlined in every page, so src/styles/global.css tells Tailwind to ignore words in
// our code and prose that it would otherwise take for classes (`.filter(`, "static", "table"...).
// A word on that list that a page really uses as a class would silently lose its style: this test
// finds every class the site uses — in the built pages, in the components' class attributes (the
// report form is rendered on demand) and in the scripts' classList calls — and fails on any of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const files = (dir: string, ext: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : files(path, ext);
    return name.endsWith(ext) ? [path] : [];
  });

const css = readFileSync('src/styles/global.css', 'utf8');
const ignored = (css.match(/@source not inline\("([^"]+)"\)/)?.[1] ?? '').split(/\s+/).filter(Boolean);

function classesUsed(): Map<string, string> {
  const used = new Map<string, string>();
  const add = (names: string, where: string) => {
    for (const name of names.split(/\s+/)) if (name && !used.has(name)) used.set(name, where);
  };
  for (const file of files('dist/client', '.html')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\sclass="([^"]*)"/g)) add(m[1]!, file);
  }
  for (const file of files('src', '.astro')) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\sclass="([^"]*)"/g)) add(m[1]!, file);
    // class={...} and class:list={[...]}: every quoted string inside the expression.
    for (const m of source.matchAll(/\sclass(?::list)?=\{([^}]*)\}/g)) {
      for (const s of m[1]!.matchAll(/(['"`])([^'"`]*)\1/g)) add(s[2]!, file);
    }
  }
  for (const file of [...files('src', '.ts'), ...files('dist/client/_astro', '.js')]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/classList\.(?:add|toggle|replace)\(\s*(['"`])([^'"`]+)\1/g)) add(m[2]!, file);
  }
  return used;
}

describe('the inlined stylesheet', () => {
  const used = classesUsed();

  test('the list of ignored words is read from the stylesheet', () => {
    expect(ignored).toContain('transform');
    expect(used.size).toBeGreaterThan(30);
    expect(used.has('prose')).toBe(true);
  });

  test('no word Tailwind is told to ignore is used as a class', () => {
    const clashes = ignored.filter((word) => used.has(word)).map((word) => `"${word}" in ${used.get(word)}`);
    expect(clashes, 'remove these words from @source not inline(...) in src/styles/global.css').toEqual([]);
  });

  test("no page carries Tailwind's full preflight or unused custom properties", () => {
    // The home page is rendered on request (campaigns' dates); /about/ carries the same stylesheet.
    const home = readFileSync('dist/client/about/index.html', 'utf8');
    expect(home).not.toContain('::file-selector-button');
    expect(home).not.toContain('--tw-rotate-x');
  });
});

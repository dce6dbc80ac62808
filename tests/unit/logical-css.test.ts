// Right-to-left pages (Urdu) mirror by themselves only if no style says "left" or "right": every
// margin, padding, border, position and alignment in src/ is logical (inline-start/end), so one
// stylesheet serves both directions. Checks stylesheets, <style> blocks, class lists and inline
// styles set by scripts; SVG drawing coordinates are not CSS and are left alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const CSS_RULES: [RegExp, string][] = [
  [/\b(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)\b/, 'use margin-inline-start/end, padding-inline-*, border-inline-*'],
  [/(?<![\w-])(?:left|right)\s*:/, 'use inset-inline-start/end'],
  [/\btext-align\s*:\s*(?:left|right)\b/, 'use text-align: start/end'],
  [/\b(?:float|clear)\s*:\s*(?:left|right)\b/, 'use inline-start/end'],
  [/\bborder-(?:top|bottom)-(?:left|right)-radius\b/, 'use border-start-start-radius and friends'],
  [/\b(?:margin|padding|inset)\s*:\s*[^;{}\s]+\s+[^;{}\s]+\s+[^;{}\s]+\s+[^;{}\s]+\s*(?:;|})/, 'four values name left and right: use margin-block and margin-inline'],
];
const CLASS_RULE = /(?<![\w:-])-?(?:ml|mr|pl|pr|left|right|scroll-m[lr]|scroll-p[lr])-[\w.[\]()/-]+|(?<![\w-])(?:text|float|clear)-(?:left|right)\b|(?<![\w-])(?:border|rounded)-[lr](?:-[\w-]+)?\b|(?<![\w-])rounded-(?:tl|tr|bl|br)(?:-[\w-]+)?\b/;
const SCRIPT_RULE = /\.style\.(?:left|right|marginLeft|marginRight|paddingLeft|paddingRight|borderLeft\w*|borderRight\w*|textAlign\s*=\s*['"](?:left|right))/;

/** Every place in a file where a physical direction is used, with the line and what to use instead. */
export function physicalDirections(file: string, text: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const scan = (chunk: string, offset: number) => {
    for (const [rule, fix] of CSS_RULES) {
      for (const m of chunk.matchAll(new RegExp(rule.source, 'g'))) found.push(`${file}:${lineOf(offset + m.index!)}: "${m[0].trim()}" (${fix})`);
    }
  };
  if (file.endsWith('.css')) scan(text.replace(/\/\*[\s\S]*?\*\//g, (c) => ' '.repeat(c.length)), 0);
  if (file.endsWith('.astro')) {
    for (const m of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) scan(m[1]!, m.index! + m[0].indexOf(m[1]!));
    for (const m of text.matchAll(/\bclass(?::list)?=(?:"([^"]*)"|\{([^}]*)\})/g)) {
      const hit = CLASS_RULE.exec(m[1] ?? m[2] ?? '');
      if (hit) found.push(`${file}:${lineOf(m.index!)}: class "${hit[0]}" (use the logical utility: ms-/me-/ps-/pe-/start-/end-/text-start/border-s/rounded-s)`);
    }
    for (const m of text.matchAll(/\bstyle="([^"]*)"/g)) scan(m[1]!, m.index!);
  }
  if (/\.(ts|astro)$/.test(file)) {
    for (const m of text.matchAll(new RegExp(SCRIPT_RULE.source, 'g'))) found.push(`${file}:${lineOf(m.index!)}: "${m[0]}" (set the logical property)`);
  }
  return found;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(css|astro|ts)$/.test(name) ? [path] : [];
  });
}

describe('styles in src/ use logical directions only', () => {
  test('the check finds physical directions', () => {
    expect(physicalDirections('a.css', '.a { padding-left: 1rem; }\n.b { left: 0; }\n.c { text-align: right }\n.d { margin: 0 1rem 0 2rem; }')).toHaveLength(4);
    expect(physicalDirections('a.astro', '<p class="ml-4 text-right border-l-4">x</p>')).toHaveLength(1);
    expect(physicalDirections('a.astro', '<style>\n.x { border-right: 1px solid; }\n</style>')).toEqual(['a.astro:2: "border-right" (use margin-inline-start/end, padding-inline-*, border-inline-*)']);
    expect(physicalDirections('a.ts', 'el.style.marginLeft = "1px"')).toHaveLength(1);
    expect(physicalDirections('a.css', '.a { padding-inline-start: 1rem; inset-inline-start: 0; text-align: start; margin: 0 auto; }')).toEqual([]);
    expect(physicalDirections('a.astro', '<p class="ms-4 text-start border-s-4 pl-safe">x</p>'.replace(' pl-safe', ''))).toEqual([]);
  });

  test('no file in src/ names left or right in its styles', () => {
    const problems = files('src').flatMap((file) => physicalDirections(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });
});

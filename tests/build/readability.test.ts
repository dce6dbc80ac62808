// Plain English, measured: the Flesch–Kincaid grade of each audience's pages, from the built HTML.
// Young people's pages must read at grade 9 or below, parents' and carers' at 10 or below.
import { existsSync, readFileSync } from 'node:fs';
import { syllable } from 'syllable';
import { afterAll, expect, test } from 'vitest';
import { readMdx } from '../../scripts/lib/content.ts';

const LIMITS: Record<string, number> = { 'young-person': 9, parent: 10 };

/** The words of a page's main content, with each block ended as a sentence. */
export function mainText(html: string): string {
  const main = html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '';
  return main
    .replace(/<div hidden>[\s\S]*?<\/div>/g, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/(p|li|h[1-6]|td|th|dt|dd|caption|summary)>/g, '. ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;|’/g, "'")
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ');
}

export function gradeLevel(text: string): { grade: number; words: number } {
  const sentences = text.split(/[.!?]+(?:\s|$)/).filter((s) => /[a-z]/i.test(s));
  const words = text.match(/[a-z][a-z'’-]*/gi) ?? [];
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return { grade, words: words.length };
}

const report: string[] = [];
const pages = readMdx('pages').filter((p) => (p.data.audiences as string[] | undefined)?.some((a) => a in LIMITS));

test('the measure ranks hard text above easy text', () => {
  expect(gradeLevel('You are not in trouble. Help is here. Call us any time.').grade).toBeLessThan(3);
  expect(gradeLevel('Multi-agency safeguarding arrangements necessitate comprehensive information-sharing protocols.').grade).toBeGreaterThan(15);
});

for (const page of pages) {
  const slug = page.file.replace(/^content\/pages\//, '').replace(/\.mdx$/, '');
  const audiences = (page.data.audiences as string[]).filter((a) => a in LIMITS);
  const limit = Math.min(...audiences.map((a) => LIMITS[a]!));
  test(`/${slug}/ reads at grade ${limit} or below`, () => {
    const file = `dist/client/${slug}/index.html`;
    expect(existsSync(file)).toBe(true);
    const { grade, words } = gradeLevel(mainText(readFileSync(file, 'utf8')));
    report.push(`/${slug}/`.padEnd(28) + `grade ${grade.toFixed(1).padStart(4)} (limit ${limit}, ${words} words)`);
    expect(grade).toBeLessThanOrEqual(limit);
  });
}

afterAll(() => console.log(`\nReading grade (Flesch–Kincaid):\n${report.join('\n')}\n`));

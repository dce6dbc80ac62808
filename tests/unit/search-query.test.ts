// The words a search is made of, and the fallback when no page has all of them. The search function
// here stands in for Pagefind's; the real index is tested in the browser (tests/e2e/search*.spec.ts).
import { describe, expect, test } from 'vitest';
import { answer, meaningfulWords, queryWords } from '../../src/scripts/search-query.ts';

const pages: Record<string, string> = {
  parents: 'my child has new trainers and money they cannot explain',
  community: 'cuckooing visitors at all hours at a neighbour flat',
  banks: 'money mule cash paid into an account',
};
/** Every page that has all the words, scored by how many times they appear. */
const search = async (term: string) => Object.entries(pages)
  .filter(([, text]) => term.split(' ').every((w) => text.split(' ').includes(w)))
  .map(([id, text]) => ({ id, score: term.split(' ').reduce((n, w) => n + text.split(' ').filter((x) => x === w).length, 0), result: id }));

describe('the words of a query', () => {
  test('are lower-cased, with apostrophes and punctuation gone', () => {
    expect(queryWords("My son's got money he CAN'T explain!")).toEqual(['my', 'sons', 'got', 'money', 'he', 'cant', 'explain']);
  });
  test('leave out the small words that say nothing, unless that is all there is', () => {
    expect(meaningfulWords('my son has been arrested')).toEqual(['son', 'arrested']);
    expect(meaningfulWords('who are you')).toEqual(['who', 'are', 'you']);
  });
  test('keep every word of a query on a page in another language, where "i" or "to" has meaning', () => {
    expect(meaningfulWords('help i blant', 'cy')).toEqual(['help', 'i', 'blant']);
    expect(meaningfulWords('to jest pomoc', 'pl')).toEqual(['to', 'jest', 'pomoc']);
    expect(meaningfulWords('help to children', 'en-GB')).toEqual(['help', 'children']);
  });
});

describe('answering a query', () => {
  test('finds the pages with every meaningful word', async () => {
    expect(await answer('what is cuckooing', 'en-GB', search)).toEqual({ mode: 'all', hits: [{ result: 'community', matched: 1 }] });
  });
  test('falls back to pages with some of the words, most words first, when none has all', async () => {
    const found = await answer('my son has new trainers and money he cant explain', 'en-GB', search);
    expect(found.mode).toBe('some');
    expect(found.hits.map((h) => h.result)).toEqual(['parents', 'banks']);
    expect(found.hits[0]!.matched).toBeGreaterThan(found.hits[1]!.matched);
  });
  test('says so when nothing matches at all', async () => {
    expect(await answer('xyzzy plugh', 'en-GB', search)).toEqual({ mode: 'none', hits: [] });
    expect(await answer('   ', 'en-GB', search)).toEqual({ mode: 'none', hits: [] });
  });
});

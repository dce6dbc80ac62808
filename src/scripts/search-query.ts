// How the site turns what someone typed into a search. Pagefind only returns pages that contain
// every word, so a question typed as a sentence ("my son has new trainers and money he can't
// explain") often finds nothing. We drop the small words that carry no meaning, search for all the
// words that are left, and if no page has all of them, fall back to pages that have some of them,
// most words first.

/**
 * Words that say nothing about what someone is looking for, in English: only an English page drops
 * them ("i", "a", "to" are words with meaning in Welsh or Polish). Kept short: every byte is sent.
 */
const STOP_WORDS = new Set(
  ('a an and are as at be been being but by can cant could did do does doing for from get got had has have having he her hers him his how i im if in into is it its ive just me my myself no not now of on or our out over she so some than that the their them then there these they this those to too up us was we were what when where which who why will with would you your yours').split(' '),
);

/** The words of a query, lower-cased, apostrophes and punctuation gone: "Can't" becomes "cant". */
export function queryWords(query: string): string[] {
  return query.toLowerCase().replace(/['’]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The words that carry meaning; all of them if every word is a small one ("who are you"). `lang`:
 * the page's language (<html lang>); small words are dropped only from an English query.
 */
export function meaningfulWords(query: string, lang = 'en'): string[] {
  const words = queryWords(query);
  const meaningful = lang.startsWith('en') ? words.filter((w) => !STOP_WORDS.has(w)) : words;
  return meaningful.length ? meaningful : words;
}

export interface Hit<T> {
  /** Pagefind's handle on the page; load its data when it is shown. */
  result: T;
  /** How many of the query's meaningful words the page has. */
  matched: number;
}

export interface Answer<T> {
  /** "all": every meaningful word is on these pages. "some": none has all, these have some. */
  mode: 'all' | 'some' | 'none';
  hits: Hit<T>[];
}

type Search<T> = (term: string) => Promise<{ id: string; score: number; result: T }[]>;

/** Runs a query through Pagefind's search (given as `search`), with the fallback described above. */
export async function answer<T>(query: string, lang: string, search: Search<T>): Promise<Answer<T>> {
  const words = meaningfulWords(query, lang);
  if (!words.length) return { mode: 'none', hits: [] };
  const all = await search(words.join(' '));
  if (all.length) return { mode: 'all', hits: all.map((r) => ({ result: r.result, matched: words.length })) };
  if (words.length === 1) return { mode: 'none', hits: [] };

  // No page has every word: search each word alone and rank pages by how many words they have,
  // then by Pagefind's own score summed over those words.
  const pages = new Map<string, { result: T; matched: number; score: number }>();
  for (const list of await Promise.all(words.map((w) => search(w)))) {
    for (const r of list) {
      const page = pages.get(r.id) ?? { result: r.result, matched: 0, score: 0 };
      page.matched += 1;
      page.score += r.score;
      pages.set(r.id, page);
    }
  }
  const hits = [...pages.values()].sort((a, b) => b.matched - a.matched || b.score - a.score);
  return { mode: hits.length ? 'some' : 'none', hits: hits.map(({ result, matched }) => ({ result, matched })) };
}

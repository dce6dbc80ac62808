// Things that cost far more to make than to use (Intl's formatters, a language's calendar), made
// once per key for the whole build and kept: a 10,000-service directory renders 11,600 pages, and
// making them on each cost about a millisecond a page (issue 13). SERVER ONLY.
const made = new Map<string, unknown>();

/** The thing made for `key`, made by `make` the first time it is asked for. */
export function madeOnce<T>(key: string, make: () => T): T {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

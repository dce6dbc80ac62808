// Runs searches on the Pagefind index. The index code is fetched on the first search, not with the
// page, so people who never search never download it. Pagefind picks the index for the page's
// <html lang>, and the words come from the page (data-words), in its language.
import { formatMessage, type Message } from '../i18n/format.ts';
import { answer, meaningfulWords, type Answer } from './search-query.ts';

interface Words { searching: string; none: Message; found: Message; some: Message; first: Message; more: Message; chosen: Message }

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; description?: string };
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  preload(term: string, options?: { filters?: Record<string, { any: string[] }> }): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: PagefindResult[] }>;
  /** Each filter's values in this language's index, with how many pages have each. */
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Results shown at first, and how many more each press of "Show more" adds. */
const PAGE_SIZE = 20;
/** A search's results are shown in steps as their text arrives: the first alone, then up to five, then the rest. */
const STEPS = [1, 5];
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // A variable keeps the bundler from trying to resolve a file that exists only after the build.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    // Ranking tuned against tests/fixtures/search-queries.yaml (see docs/search.md): long guides
    // are not pushed below short pages for having more words, and a word said once in a heading
    // or a page's search terms counts nearly as much as one repeated in the text. No web worker:
    // starting one is another file to fetch and a thread to start before the first search can run
    // (about a fifth of a second on a busy machine), and searching an index of this size on the
    // page's own thread takes a few milliseconds.
    await pf.options({ excerptLength: 24, noWorker: true, ranking: { pageLength: 0.3, termFrequency: 0.8, termSaturation: 1.2, termSimilarity: 1.0 } });
    return pf;
  });
  return pagefind;
}

/**
 * Offers only the filters some page in this language's index has: on the Welsh search page, pages
 * that exist only in English (campaigns, the law, services) are not in its index, so ticking their
 * filter could only give "No results". Easy Read is there, filed in every language's index.
 */
async function offerFilters(pf: Pagefind, form: HTMLFormElement): Promise<void> {
  const available = await pf.filters();
  for (const box of form.querySelectorAll<HTMLInputElement>('[data-search-filters] input')) {
    const offered = !!available[box.name]?.[box.value];
    box.parentElement!.hidden = !offered;
    if (!offered) box.checked = false;
  }
  for (const group of form.querySelectorAll<HTMLFieldSetElement>('[data-search-filters] fieldset')) group.hidden = !group.querySelector('div:not([hidden])');
}

function checked(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
}

function filtersOf(form: HTMLFormElement): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const name of ['audience', 'need', 'kind', 'format']) {
    const values = checked(form, name);
    if (values.length) filters[name] = { any: values };
  }
  return filters;
}

/** One list item: the page's title as a link, and what the page is about. */
function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  // A page filed in several languages' indexes (Easy Read) has a fragment naming the language: dropped.
  link.href = result.url.split('#')[0]!;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  // The page's own one-sentence description reads better than a fragment of the page (which may
  // be its hidden search terms); Pagefind's excerpt (its own escaped text, with <mark> around the
  // matched words) is the fallback.
  if (result.meta.description) excerpt.textContent = result.meta.description;
  else excerpt.innerHTML = result.excerpt;
  item.append(link, excerpt);
  return item;
}

export function enhanceSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const everyPage = document.querySelector<HTMLElement>('[data-every-page]');
  if (!form || !input || !status || !list) return;
  const words = JSON.parse(form.dataset.words ?? '{}') as Words;
  const lang = document.documentElement.lang;
  const filterBoxes = form.querySelector<HTMLElement>('[data-filter-boxes]');

  // The form shows the search in the address (a shared link, Back, reload), unless someone typed
  // other words before this script came: it runs after the page's first paint
  // (src/lib/after-paint.ts), and nothing typed is ever replaced.
  const params = new URLSearchParams(location.search);
  const asked = params.get('q') ?? '';
  const fromAddress = !input.value || input.value === asked;
  if (fromAddress) {
    input.value = asked;
    if (location.search.length > 1) {
      for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.getAll(box.name).includes(box.value);
    }
  }

  // The folded filters' summary says how many are ticked, so a filter from the address (reload, a
  // shared link) is not hidden from someone who sees only the summary.
  const chosen = form.querySelector<HTMLElement>('[data-filters-chosen]')!;
  const countChosen = () => {
    const count = form.querySelectorAll('[data-search-filters] input:checked').length;
    chosen.textContent = count ? formatMessage(words.chosen, { count }, lang) : '';
  };

  // The search code and the index for the words typed start loading at the first sign of a
  // search — the box gaining focus, then each word typed — so they are ready when Enter comes.
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  // The filters show once it is known which of them this language's index has: the index is asked
  // at the first sign of someone using the form (or at once, for an address with a search in it).
  const showFilters = () => void loadPagefind().then((pf) => offerFilters(pf, form)).then(() => {
    countChosen();
    filterBoxes?.removeAttribute('hidden');
  });
  for (const type of ['focusin', 'pointerdown']) form.addEventListener(type, showFilters, { once: true });
  input.addEventListener('input', () => {
    const term = input.value.trim();
    // The words that will be searched for: small words are dropped (search-query.ts).
    if (term) void loadPagefind().then((pf) => pf.preload(meaningfulWords(term, lang).join(' '), { filters: filtersOf(form) }));
  });

  // Each search's answer, and how many of its results are shown. That number and the scroll
  // position are kept in this tab's history entry (not the address, which is the search itself):
  // Back from the 31st result, when the browser has not kept the page, or a reload, shows those 31
  // again where they were. The browser cannot put the page back itself: the results come after it
  // has loaded.
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
  let latest = 0;
  let last: { term: string; found: Answer<PagefindResult> } | undefined;
  let shown = 0;
  const keep = () => history.replaceState({ shown, y: scrollY }, '');
  let still = 0;
  addEventListener('scroll', () => {
    clearTimeout(still);
    if (last) still = window.setTimeout(keep, 200);
  }, { passive: true });
  const describe = () => {
    const { term, found } = last!;
    const count = found.hits.length;
    const message = found.mode === 'none' ? words.none : found.mode === 'some' ? words.some : words.found;
    status.textContent = formatMessage(message, { count, term }, lang)
      + (count > shown ? ` ${formatMessage(words.first, { count: shown }, lang)}` : '');
    const next = Math.min(PAGE_SIZE, count - shown);
    more.hidden = next < 1;
    more.textContent = formatMessage(words.more, { count: next }, lang);
  };
  /** The text of results `from` to `to`, fetched only now that they are to be shown. */
  const texts = (from: number, to: number) => last!.found.hits.slice(from, to).map((h) => h.result.data());

  const run = async (upTo = PAGE_SIZE) => {
    const term = input.value.trim();
    const filters = filtersOf(form);
    countChosen();
    const query = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    history.replaceState(null, '', `?${query}`);
    history.scrollRestoration = term ? 'manual' : 'auto';
    more.hidden = true;
    if (!term) {
      last = undefined;
      list.replaceChildren();
      status.textContent = '';
      if (everyPage) everyPage.hidden = false;
      return;
    }
    const ticket = ++latest;
    status.textContent = words.searching;
    const pf = await loadPagefind();
    const found = await answer(term, lang, async (words) =>
      (await pf.search(words, { filters })).results.map((r) => ({ id: r.id, score: r.score, result: r })));
    if (ticket !== latest) return;
    last = { term, found };
    // Each result's text is a fetch of its own: the best match is shown as soon as it arrives and
    // the others added in order after it, so a large index does not hold up the first answer.
    const pending = texts(0, upTo);
    let from = 0;
    for (const to of [...STEPS, upTo]) {
      const step = await Promise.all(pending.slice(from, to));
      // A slower, older search must not overwrite the answer to a newer one.
      if (ticket !== latest) return;
      if (from === 0) list.replaceChildren(...step.map(resultItem));
      else list.append(...step.map(resultItem));
      from = to;
    }
    shown = list.children.length;
    keep();
    describe();
    if (everyPage) everyPage.hidden = true;
  };

  // The next results are added under those shown (the page does not move), and the first of them
  // takes the focus, so someone on a keyboard or a screen reader carries on reading from there; the
  // status line says how many are shown now.
  let adding = false;
  more.addEventListener('click', async () => {
    if (adding || !last) return;
    adding = true;
    const ticket = latest;
    const items = (await Promise.all(texts(shown, shown + PAGE_SIZE))).map(resultItem);
    adding = false;
    if (ticket !== latest) return;
    list.append(...items);
    shown += items.length;
    items[0]?.querySelector('a')?.focus();
    keep();
    describe();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // Results follow the filters as they change; the status line tells screen reader users.
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type === 'checkbox') void run();
  });
  if (fromAddress && asked) {
    // The answer first, then the filters: asking for the filters first made the search wait until
    // the index had read every filter's list of pages (with 10,000 services, most of a second).
    const kept = (history.state ?? {}) as { shown?: number; y?: number };
    void run(kept.shown ?? PAGE_SIZE).then(() => kept.y && scrollTo(0, kept.y)).then(showFilters);
  } else if (form.contains(document.activeElement)) {
    // Someone is already in the form (this script came after the page's first paint).
    showFilters();
  }
}

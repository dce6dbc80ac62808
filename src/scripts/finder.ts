// The service finder in the browser: filters narrow the list as they change, and "only services I
// can reach now" uses each card's open-now status, which the cards' own script (OpenStatus.astro)
// works out: the finder filters again each time it hears those change. Nothing is fetched, and
// nothing is stored beyond this tab's history entry (see below).
// Its words come from the page (data-words), in the page's language.
import { formatMessage, type Message } from '../i18n/format.ts';

/** "All" comes finished by the page (help/index.astro: no number to format); "some" has placeholders. */
interface Words { all: string; some: Message }

export function enhanceFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-finder]');
  const status = document.querySelector<HTMLElement>('[data-finder-status]');
  if (!form || !status) return;
  const [whoBox, needBox, openBox] = ['who', 'need', 'open'].map((name) => form.elements.namedItem(name)) as [HTMLSelectElement, HTMLSelectElement, HTMLInputElement];
  // The pre-built filter links are for readers without JavaScript; the form replaces them here. The
  // selects' choices are made from them: each label is on the page once, which keeps the longest
  // finder pages within one round trip in every language. A link's last path segment is the value
  // a card lists (/help/for/parent/ is "parent").
  const links = document.querySelector<HTMLElement>('[data-filter-links]')!;
  for (const [select, list] of [[whoBox, 'for'], [needBox, 'need']] as const) {
    for (const link of links.querySelectorAll<HTMLAnchorElement>(`a[href*="/help/${list}/"]`)) select.add(new Option(link.text, link.pathname.split('/').at(-2)));
  }
  form.hidden = false;
  links.hidden = true;
  const cards = [...document.querySelectorAll<HTMLElement>('[data-service]')];
  const words = JSON.parse(form.dataset.words!) as Words;
  const lang = document.documentElement.lang;

  // Back to this page shows the choices made on it (the review of 21:30 found them all reset). The
  // back-forward cache keeps a page whole, but when the page is loaded again instead the browser
  // refills a form only with choices the page was sent with, and these selects' are added above,
  // after it has looked. So the choices are kept in this tab's history entry, where the browser
  // keeps a form's fields: never in the address, in storage or in a cookie, and gone with the entry
  // when Exit this page replaces it or the tab is closed.
  const kept = history.state as [string, string, boolean] | null;
  if (kept) [whoBox.value, needBox.value, openBox.checked] = kept;

  const update = () => {
    const [who, need, openOnly] = [whoBox.value, needBox.value, openBox.checked];
    history.replaceState([who, need, openOnly], '');
    const filtering = Boolean(who || need || openOnly);
    let shown = 0;
    for (const card of cards) {
      const open = card.querySelector<HTMLElement>('[data-open-status]')?.dataset.open === 'yes';
      const match = (!who || card.dataset.audiences!.split(' ').includes(who))
        && (!need || card.dataset.needs!.split(' ').includes(need))
        && (!openOnly || open);
      card.closest('li')!.hidden = !match;
      if (match) shown++;
    }
    // Grouped lists (/help/): a filter opens every group, and a group with no match is left out.
    // The count beside each group's title follows the filters ("(6)" while two were shown misled).
    for (const group of document.querySelectorAll<HTMLDetailsElement>('[data-help-group]')) {
      const here = group.querySelectorAll('[data-service-list] > li:not([hidden])').length;
      if (filtering) group.open = true;
      group.hidden = filtering && !here;
      group.querySelector('[data-group-count]')!.textContent = `(${here})`;
    }
    const text = shown === cards.length ? words.all : formatMessage(words.some, { shown, count: cards.length }, lang);
    // Only a change is announced: the minute-by-minute refresh must not repeat it.
    if (status.textContent !== text) status.textContent = text;
  };
  form.addEventListener('change', update);
  document.addEventListener('openstatus', update);
  update();
}

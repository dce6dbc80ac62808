// The service finder in the browser: filters narrow the list as they change, and "only services I
// can reach now" uses each card's open-now status, which the cards' own script (OpenStatus.astro)
// works out: the finder filters again each time it hears those change. Nothing is fetched or stored.
// Its words come from the page (data-words), in the page's language.
import { formatMessage, type Message } from '../i18n/format.ts';

/** "All" comes finished by the page (help/index.astro: no number to format); "some" has placeholders. */
interface Words { all: string; some: Message }

/**
 * The choices of "Who are you?" and "What do you need help with?", made from the links that stand
 * in for them without JavaScript (FilterLinks): each label is on the page once, which keeps the
 * longest finder pages within one round trip in every language. A link's last path segment is the
 * value a card lists (/help/for/parent/ is "parent").
 */
function addChoices(form: HTMLFormElement, links: HTMLElement | null): void {
  for (const [name, list] of [['who', 'for'], ['need', 'need']] as const) {
    const select = form.elements.namedItem(name) as HTMLSelectElement;
    for (const link of links?.querySelectorAll<HTMLAnchorElement>(`a[href*="/help/${list}/"]`) ?? []) {
      select.add(new Option(link.textContent ?? '', link.pathname.split('/').filter(Boolean).pop()));
    }
  }
}

export function enhanceFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-finder]');
  const status = document.querySelector<HTMLElement>('[data-finder-status]');
  if (!form || !status) return;
  // The pre-built filter links are for readers without JavaScript; the form replaces them here.
  const links = document.querySelector<HTMLElement>('[data-filter-links]');
  addChoices(form, links);
  form.hidden = false;
  links?.setAttribute('hidden', '');
  const cards = [...document.querySelectorAll<HTMLElement>('[data-service]')];
  const words = JSON.parse(form.dataset.words ?? '{}') as Words;
  const lang = document.documentElement.lang;

  const update = () => {
    const who = (form.elements.namedItem('who') as HTMLSelectElement).value;
    const need = (form.elements.namedItem('need') as HTMLSelectElement).value;
    const openOnly = (form.elements.namedItem('open') as HTMLInputElement).checked;
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
    for (const group of document.querySelectorAll<HTMLDetailsElement>('[data-help-group]')) {
      if (filtering) group.open = true;
      group.hidden = filtering && !group.querySelector('[data-service-list] > li:not([hidden])');
    }
    const text = shown === cards.length ? words.all : formatMessage(words.some, { shown, count: cards.length }, lang);
    // Only a change is announced: the minute-by-minute refresh must not repeat it.
    if (status.textContent !== text) status.textContent = text;
  };
  form.addEventListener('change', update);
  document.addEventListener('openstatus', update);
  update();
}

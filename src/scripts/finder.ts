// The service finder in the browser: filters narrow the list as they change, and "open now" uses
// the reader's clock in UK time. Nothing is fetched and nothing is stored. Its words come from the
// page (data-words), in the page's language.
import { formatMessage, type Message } from '../i18n/format.ts';
import { isOpenAt, type Hours } from '../lib/open-now.ts';

interface Words { open: string; closed: string; all: Message; some: Message }

export function enhanceFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-finder]');
  const status = document.querySelector<HTMLElement>('[data-finder-status]');
  if (!form || !status) return;
  form.hidden = false;
  // The pre-built filter links are for readers without JavaScript; the form replaces them here.
  document.querySelector<HTMLElement>('[data-filter-links]')?.setAttribute('hidden', '');
  const holidays = new Set((form.dataset.bankHolidays ?? '').split(' '));
  const words = JSON.parse(form.dataset.words ?? '{}') as Words;
  const lang = document.documentElement.lang;
  // Each card's hours are read once; only the clock changes between updates.
  const cards = [...document.querySelectorAll<HTMLElement>('[data-service]')].map((card) => ({ card, hours: JSON.parse(card.dataset.hours ?? '[]') as Hours[] }));

  const update = () => {
    const who = (form.elements.namedItem('who') as HTMLSelectElement).value;
    const need = (form.elements.namedItem('need') as HTMLSelectElement).value;
    const openOnly = (form.elements.namedItem('open') as HTMLInputElement).checked;
    const now = new Date();
    let shown = 0;
    for (const { card, hours } of cards) {
      const open = hours.some((h) => isOpenAt(h, now, holidays));
      const label = card.querySelector<HTMLElement>('[data-open-status]');
      if (label && hours.length) {
        label.hidden = false;
        label.textContent = open ? words.open : words.closed;
      }
      const match = (!who || card.dataset.audiences!.split(' ').includes(who))
        && (!need || card.dataset.needs!.split(' ').includes(need))
        && (!openOnly || open);
      card.closest('li')!.hidden = !match;
      if (match) shown++;
    }
    status.textContent = shown === cards.length
      ? formatMessage(words.all, { count: shown }, lang)
      : formatMessage(words.some, { shown, count: cards.length }, lang);
  };
  form.addEventListener('change', update);
  update();
}

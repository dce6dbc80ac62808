// The service finder in the browser: filters narrow the list as they change, and "open now" uses
// the reader's clock in UK time. Nothing is fetched and nothing is stored.
import { bankHolidayCalendar } from '../lib/bank-holidays.ts';
import { isOpenAt, type Hours } from '../lib/open-now.ts';

export function enhanceFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-finder]');
  const status = document.querySelector<HTMLElement>('[data-finder-status]');
  if (!form || !status) return;
  form.hidden = false;
  // The pre-built filter links are for readers without JavaScript; the form replaces them here.
  document.querySelector<HTMLElement>('[data-filter-links]')?.setAttribute('hidden', '');
  // The usual bank holidays are worked out for whatever year the reader's clock says; only announced
  // changes come from the page.
  const holidays = bankHolidayCalendar(JSON.parse(form.dataset.bankHolidays ?? '{"extra":[],"moved":[]}'));
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
        label.textContent = open ? 'Open now' : 'Closed now';
      }
      const match = (!who || card.dataset.audiences!.split(' ').includes(who))
        && (!need || card.dataset.needs!.split(' ').includes(need))
        && (!openOnly || open);
      card.closest('li')!.hidden = !match;
      if (match) shown++;
    }
    status.textContent = shown === cards.length ? `Showing all ${shown} services.` : `Showing ${shown} of ${cards.length} services.`;
  };
  form.addEventListener('change', update);
  update();
}

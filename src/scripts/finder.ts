// The service finder in the browser: filters narrow the list as they change, and "only services I
// can reach now" uses each card's open-now status (open-status.ts). Nothing is fetched or stored.
import { startOpenStatus } from './open-status.ts';

export function enhanceFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-finder]');
  const status = document.querySelector<HTMLElement>('[data-finder-status]');
  if (!form || !status) return;
  form.hidden = false;
  // The pre-built filter links are for readers without JavaScript; the form replaces them here.
  document.querySelector<HTMLElement>('[data-filter-links]')?.setAttribute('hidden', '');
  const cards = [...document.querySelectorAll<HTMLElement>('[data-service]')];
  // Sets every card's status before the first filtering, whichever script ran first.
  startOpenStatus();

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
    const text = shown === cards.length ? `Showing all ${shown} services.` : `Showing ${shown} of ${cards.length} services.`;
    // Only a change is announced: the minute-by-minute refresh must not repeat it.
    if (status.textContent !== text) status.textContent = text;
  };
  form.addEventListener('change', update);
  document.addEventListener('openstatus', update);
  update();
}

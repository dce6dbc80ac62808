// "Open now" beside every service and every timed line on a page, on the reader's clock in UK time,
// refreshed each minute so a page left open does not go stale. Without JavaScript these stay hidden
// and the page says it cannot know the time (see OpenNowNote.astro).
import { statusAt, type Line } from '../lib/open-now.ts';

// A reader abroad is told that the times are UK times; a UK device needs no reminder.
const abroad = Intl.DateTimeFormat().resolvedOptions().timeZone !== 'Europe/London';
const holidaysCache = new WeakMap<Element, Set<string>>();

function holidaysFor(el: HTMLElement): Set<string> {
  const holder = el.closest('[data-bank-holidays]');
  if (!holder) return new Set();
  let set = holidaysCache.get(holder);
  if (!set) holidaysCache.set(holder, (set = new Set((holder.getAttribute('data-bank-holidays') ?? '').split(' '))));
  return set;
}

/** Works out every status on the page now; each element's `data-open` says "yes" or "no" after. */
export function updateOpenStatus(now = new Date()): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-open-status]')) {
    const status = statusAt(JSON.parse(el.dataset.lines ?? '[]') as Line[], now, holidaysFor(el), abroad);
    el.hidden = !status;
    el.textContent = status?.text ?? '';
    el.dataset.open = status?.open ? 'yes' : 'no';
  }
  // The finder filters on these, so it hears when they change.
  document.dispatchEvent(new Event('openstatus'));
}

let started = false;
/** Shows the statuses, and keeps them right while the page stays open. */
export function startOpenStatus(): void {
  if (started) return;
  started = true;
  updateOpenStatus();
  setInterval(() => updateOpenStatus(), 60_000);
}

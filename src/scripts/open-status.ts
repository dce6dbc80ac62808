// "Open now" beside every service and every timed line on a page, on the reader's clock in UK time,
// refreshed each minute so a page left open does not go stale. Without JavaScript these stay hidden
// and the page says it cannot know the time (see OpenNowNote.astro).
import { bankHolidayCalendar } from '../lib/bank-holidays.ts';
import { statusAt, type Holidays, type Line } from '../lib/open-now.ts';

// A reader abroad is told that the times are UK times; a UK device needs no reminder.
const abroad = Intl.DateTimeFormat().resolvedOptions().timeZone !== 'Europe/London';
const holidaysCache = new WeakMap<Element, Holidays>();

/**
 * The bank holidays for the reader's own year: the usual ones are worked out here, for any year,
 * and the page carries only the announced changes (content/bank-holidays.yaml).
 */
function holidaysFor(el: HTMLElement): Holidays {
  const holder = el.closest('[data-bank-holidays]');
  if (!holder) return new Set();
  let calendar = holidaysCache.get(holder);
  if (!calendar) holidaysCache.set(holder, (calendar = bankHolidayCalendar(JSON.parse(holder.getAttribute('data-bank-holidays') ?? '{"extra":[],"moved":[]}'))));
  return calendar;
}

/** Works out every status on the page now; each element's `data-open` says "yes" or "no" after. */
export function updateOpenStatus(now = new Date()): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-open-status]')) {
    const status = statusAt(JSON.parse(el.dataset.lines ?? '[]') as Line[], now, holidaysFor(el), abroad);
    const words = el.dataset.words ? (JSON.parse(el.dataset.words) as { open: string; closed: string; opens: string }) : undefined;
    el.hidden = !status;
    el.textContent = words && status ? status.text.replace('Open now', words.open).replace('Closed now', words.closed).replace('· opens', `· ${words.opens}`) : (status?.text ?? '');
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

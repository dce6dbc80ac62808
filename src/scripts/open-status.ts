// "Open now" beside every service and every timed line on a page, on the reader's clock in UK time,
// refreshed each minute so a page left open does not go stale. Without JavaScript these stay hidden
// and the page says it cannot know the time (see OpenNowNote.astro).
import { bankHolidayCalendar } from '../lib/bank-holidays.ts';
import { statusAt, ukOffset, unpackLines, unpackStatusLanguage, type Holidays, type PackedStatusLanguage, type StatusLanguage } from '../lib/open-now.ts';

// A reader whose clock does not keep UK time is told that the times are UK times; a device in the UK
// (or in Dublin or Lisbon, whose clocks read the same all year) needs no reminder. Told by comparing
// the device's offset from GMT with the UK's in January and in July, not by the zone's name from
// Intl, whose first use costs the page ~15 ms of blocking (see ukOffset).
const year = new Date().getFullYear();
const abroad = [0, 6].some((month) => {
  const day = new Date(year, month, 15);
  return -day.getTimezoneOffset() !== ukOffset(day);
});

/** What the part of the page around a status gives it (lib/open-status-scope.ts), read once per part. */
interface Scope {
  holidays: Holidays;
  language: StatusLanguage;
}
const scopes = new WeakMap<Element, Scope>();

function scopeOf(el: HTMLElement): Scope | undefined {
  const holder = el.closest<HTMLElement>('[data-status-words]');
  if (!holder) return undefined;
  let scope = scopes.get(holder);
  if (!scope) {
    // The bank holidays for the reader's own year: the usual ones are worked out here, for any year,
    // and the page carries only the announced changes (content/bank-holidays.yaml).
    const holidays = bankHolidayCalendar(JSON.parse(holder.dataset.bankHolidays ?? '{"extra":[],"moved":[]}'));
    scopes.set(holder, (scope = { holidays, language: unpackStatusLanguage(JSON.parse(holder.dataset.statusWords!) as PackedStatusLanguage) }));
  }
  return scope;
}

/** Works out every status on the page now; each element's `data-open` says "yes" or "no" after. */
export function updateOpenStatus(now = new Date()): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-open-status]')) {
    const scope = scopeOf(el);
    const status = scope && statusAt(unpackLines(el.dataset.lines ?? ''), now, scope.holidays, abroad, scope.language);
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

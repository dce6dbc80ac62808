// Leaves the page for a neutral site, by the button, the skip link or Shift pressed three times.
// location.replace() takes this page out of the tab's history, so Back cannot bring it back —
// GOV.UK's component uses location.href and leaves it there.
// Its words come from the page (data-words), in the page's language.
import { formatMessage, type Message } from '../i18n/format.ts';

interface Words { pressMore: Message; exiting: string; expired: string; loading: string }

const PRESSES_TO_EXIT = 3;
/** The window for the presses, as GOV.UK's research settled on. */
const WINDOW_MS = 5000;

/** Fields where Shift is part of typing, not a request to leave. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function leave(href: string, loading: string): void {
  // Hide the page at once, before the next site starts loading, in case someone is looking.
  document.documentElement.classList.add('exiting');
  document.title = loading;
  window.location.replace(href);
}

export function enhanceExitThisPage(): void {
  const root = document.querySelector('exit-this-page');
  const link = root?.querySelector<HTMLAnchorElement>('[data-exit-link]');
  if (!root || !link) return;
  const words = JSON.parse(root.getAttribute('data-words') ?? '{}') as Words;
  const lang = document.documentElement.lang;
  const status = root.querySelector<HTMLElement>('[data-exit-status]');
  const hint = root.querySelector<HTMLElement>('[data-exit-hint]');
  const dots = [...root.querySelectorAll<HTMLElement>('.exit-dots span')];
  hint?.removeAttribute('hidden');

  let presses = 0;
  let lastKeyHadShift = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (count: number, message: string) => {
    dots.forEach((dot, i) => dot.toggleAttribute('data-on', i < count));
    if (status) status.textContent = message;
  };
  const reset = (message = '') => {
    presses = 0;
    clearTimeout(timer);
    show(0, message);
  };

  for (const exit of document.querySelectorAll<HTMLAnchorElement>('a[data-exit-link]')) {
    exit.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      leave(exit.href, words.loading);
    });
  }

  document.addEventListener(
    'keyup',
    (event) => {
      if (isTyping(event.target)) return reset();
      if (event.key !== 'Shift') {
        // A capital letter ends with a Shift keyup too; it must not count as a press.
        lastKeyHadShift = event.shiftKey;
        if (presses) reset();
        return;
      }
      if (lastKeyHadShift) {
        lastKeyHadShift = false;
        return;
      }
      presses += 1;
      clearTimeout(timer);
      if (presses >= PRESSES_TO_EXIT) {
        show(PRESSES_TO_EXIT, words.exiting);
        leave(link.href, words.loading);
        return;
      }
      const left = PRESSES_TO_EXIT - presses;
      show(presses, formatMessage(words.pressMore, { count: left }, lang));
      timer = setTimeout(() => reset(words.expired), WINDOW_MS);
    },
    true,
  );

  // Coming back through the back-forward cache must show the page again, not a blank one.
  window.addEventListener('pageshow', () => {
    document.documentElement.classList.remove('exiting');
    reset();
  });
}

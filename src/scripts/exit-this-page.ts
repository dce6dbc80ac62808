// Leaves the page for a neutral site, by the button or by Shift pressed three times.
// location.replace() takes this page out of the tab's history, so Back cannot bring it back —
// GOV.UK's component uses location.href and leaves it there.
// Its words come from the page (data-words), in the page's language.
import { formatMessage, type Message } from '../i18n/format.ts';

interface Words { pressMore: Message; exiting: string; expired: string; loading: string }

const PRESSES_TO_EXIT = 3;
/** The time allowed between presses, as GOV.UK's research settled on. */
const WINDOW_MS = 5000;

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
  const lights = root.querySelector<HTMLElement>('[data-exit-dots]');
  const dots = [...(lights?.children ?? [])];
  root.querySelector('[data-exit-hint]')?.removeAttribute('hidden');

  let presses = 0;
  // True once another key goes down while Shift is held: then Shift was a modifier (a capital
  // letter, Shift+Tab), not a press, whichever of the two keys is let go first.
  let shiftWasModifier = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (count: number, message: string) => {
    if (lights) lights.hidden = count === 0;
    dots.forEach((dot, i) => dot.toggleAttribute('data-on', i < count));
    if (status) status.textContent = message;
  };
  const reset = (message = '') => {
    presses = 0;
    clearTimeout(timer);
    show(0, message);
  };

  link.addEventListener('click', (event) => {
    // Ctrl-, Cmd- or Shift-click asks for a new tab or window: let the browser do that.
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    leave(link.href, words.loading);
  });

  // No "ignore while typing" rule: the moment someone fills in a form is the moment they most need
  // to leave, and a Shift that is part of typing never counts.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Shift') {
        if (!event.repeat) shiftWasModifier = false;
      } else if (event.shiftKey) {
        shiftWasModifier = true;
      }
    },
    true,
  );
  document.addEventListener(
    'keyup',
    (event) => {
      if (event.key !== 'Shift') {
        // Any other key breaks the sequence.
        if (presses) reset();
        return;
      }
      if (shiftWasModifier || event.shiftKey) {
        shiftWasModifier = false;
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

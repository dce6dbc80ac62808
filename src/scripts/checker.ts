// Shows the advice for what has been ticked. Reads the form and changes what is visible; it
// stores nothing (no storage, no cookies, no requests) and never counts or scores. Its one sentence
// comes from the page (data-status-words), in the page's language.
import { forgetOnLeave } from './forget-on-leave.ts';

export function enhanceChecker(): void {
  const form = document.querySelector<HTMLFormElement>('[data-checker]');
  const results = document.querySelector<HTMLElement>('[data-checker-results]');
  if (!form || !results) return;
  // The boxes, and the words about ticking them, exist only where this script runs to clear them.
  for (const element of document.querySelectorAll<HTMLElement>('[data-checker-only]')) element.hidden = false;
  // With JavaScript the advice moves to one place below; the inline copies are for no-JS readers.
  for (const inline of form.querySelectorAll<HTMLElement>('[data-step-inline]')) inline.hidden = true;
  const stepsBox = results.querySelector<HTMLElement>('[data-steps]');
  const status = results.querySelector<HTMLElement>('[data-checker-status]');

  const update = () => {
    const who = (form.querySelector<HTMLInputElement>('input[name="who"]:checked')?.value) ?? '';
    for (const block of results.querySelectorAll<HTMLElement>('[data-audience]')) block.hidden = block.dataset.audience !== who;
    const ticked = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="sign"]:checked')].map((i) => i.dataset.category));
    for (const step of results.querySelectorAll<HTMLElement>('[data-step]')) step.hidden = !ticked.has(step.dataset.step);
    if (stepsBox) stepsBox.hidden = ticked.size === 0;
    if (status) status.textContent = ticked.size ? (form.dataset.statusWords ?? '') : '';
  };
  form.addEventListener('change', update);
  update();

  forgetOnLeave(form, update);
}

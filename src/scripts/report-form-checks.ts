// The report form's checks in the browser: the same schema as the server's, loaded by
// ./report-form.ts when someone starts on the form rather than with the page, so the page is
// ready to use at once (no long task at load, even on a slow phone).
import { validateReport, formToInput, type FieldError } from '../report/schema.ts';

/** The page's words (data-words on the form), in its language: its titles and each problem's. */
export interface Words { title: string; errorTitle: string; errors: Record<string, string> }

function showErrors(form: HTMLFormElement, errors: FieldError[], words: Words): void {
  const summary = document.querySelector<HTMLElement>('[data-error-summary]');
  const list = summary?.querySelector('[data-error-list]');
  if (!summary || !list) return;
  list.replaceChildren(
    ...errors.map((e) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#field-${e.field}`;
      link.textContent = (e.code && words.errors[e.code]) || e.message;
      item.append(link);
      return item;
    }),
  );
  for (const group of form.querySelectorAll<HTMLElement>('[data-form-group]')) {
    const error = errors.find((e) => e.field === group.dataset.formGroup);
    group.classList.toggle('has-error', !!error);
    const message = group.querySelector<HTMLElement>('[data-field-error]');
    if (message) {
      message.hidden = !error;
      message.querySelector('[data-message]')!.textContent = error ? (error.code && words.errors[error.code]) || error.message : '';
    }
    const control = group.querySelector<HTMLElement>('input, textarea, fieldset');
    const described = (control?.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== `${group.dataset.formGroup}-error`);
    if (error) described.push(`${group.dataset.formGroup}-error`);
    if (described.length) control?.setAttribute('aria-describedby', described.join(' '));
    else control?.removeAttribute('aria-describedby');
  }
  summary.hidden = errors.length === 0;
  document.title = errors.length ? words.errorTitle : words.title;
  // Move focus to the summary so screen reader users hear the problems first (GOV.UK pattern).
  if (errors.length) summary.focus();
}

/** Checks the answers; shows what is wrong and returns false, or returns true. */
export function checkReport(form: HTMLFormElement, words: Words): boolean {
  const result = validateReport(formToInput(new FormData(form)));
  if (!result.ok) showErrors(form, result.errors, words);
  return result.ok;
}

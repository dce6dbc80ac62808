// The report form in the browser: the same schema as the server checks the answers before they
// are sent, and the contact questions show only when someone wants to be contacted. Without this
// script the form works the same way, with the server's checks. The words for each problem come
// from the page (data-words), in its language.
import { validateReport, formToInput, type FieldError } from '../report/schema.ts';

interface Words { title: string; errorTitle: string; errors: Record<string, string> }

function showErrors(form: HTMLFormElement, errors: FieldError[], words: Words): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
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

export function enhanceReportForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-report-form]');
  if (!form) return;
  const words = JSON.parse(form.dataset.words ?? '{}') as Words;
  const details = form.querySelector<HTMLElement>('[data-contact-details]');
  const dangerWarning = form.querySelector<HTMLElement>('[data-danger-warning]');

  const update = () => {
    const data = new FormData(form);
    if (details) details.hidden = data.get('contact') !== 'contact';
    if (dangerWarning) dangerWarning.hidden = data.get('danger') !== 'yes';
  };
  form.addEventListener('change', update);
  update();

  form.addEventListener('submit', (event) => {
    const result = validateReport(formToInput(new FormData(form)));
    if (result.ok) return;
    event.preventDefault();
    showErrors(form, result.errors, words);
  });

  // After a server-side error the summary is already there: take focus to it.
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  if (summary && !summary.hidden) summary.focus();

  // Links in the summary focus the field without scrolling it under the sticky browser chrome.
  summary?.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    const target = link && document.querySelector<HTMLElement>(link.getAttribute('href')!);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });
}

// The report form in the browser: the same schema as the server checks the answers before they
// are sent, the contact questions show only when someone wants to be contacted, "Yes, someone is in
// danger" is announced, and what was typed is cleared as the page is left, so Back cannot show it.
// Without this script the form works the same way, with the server's checks.
import { validateReport, formToInput, type FieldError } from '../report/schema.ts';
import { forgetOnLeave } from './forget-on-leave.ts';

const ERROR_PREFIX = 'Error: ';

function showErrors(form: HTMLFormElement, errors: FieldError[]): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const list = summary?.querySelector('[data-error-list]');
  if (!summary || !list) return;
  list.replaceChildren(
    ...errors.map((e) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#field-${e.field}`;
      link.textContent = e.message;
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
      message.querySelector('[data-message]')!.textContent = error?.message ?? '';
    }
    const control = group.querySelector<HTMLElement>('input, textarea, fieldset');
    const described = (control?.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== `${group.dataset.formGroup}-error`);
    if (error) described.push(`${group.dataset.formGroup}-error`);
    if (described.length) control?.setAttribute('aria-describedby', described.join(' '));
    else control?.removeAttribute('aria-describedby');
  }
  summary.hidden = errors.length === 0;
  document.title = errors.length ? ERROR_PREFIX + document.title.replace(ERROR_PREFIX, '') : document.title.replace(ERROR_PREFIX, '');
  // Move focus to the summary so screen reader users hear the problems first (GOV.UK pattern).
  if (errors.length) summary.focus();
}

export function enhanceReportForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-report-form]');
  if (!form) return;
  const details = form.querySelector<HTMLElement>('[data-contact-details]');
  // A live region (role="alert") that is on the page from the start, empty: what is put into it is
  // announced at once, where an element that is merely unhidden is not.
  const dangerWarning = form.querySelector<HTMLElement>('[data-danger-warning]');
  const warningText = dangerWarning?.querySelector('template')?.content;

  const update = () => {
    const data = new FormData(form);
    if (details) details.hidden = data.get('contact') !== 'contact';
    if (dangerWarning && warningText) {
      const danger = data.get('danger') === 'yes';
      const shown = dangerWarning.querySelector(':scope > p');
      if (!danger) shown?.remove();
      else if (!shown) dangerWarning.append(warningText.cloneNode(true));
    }
  };
  form.addEventListener('change', update);
  update();

  forgetOnLeave(form, update);

  form.addEventListener('submit', (event) => {
    const result = validateReport(formToInput(new FormData(form)));
    if (result.ok) return;
    event.preventDefault();
    showErrors(form, result.errors);
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

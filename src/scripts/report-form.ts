// The report form in the browser: the same schema as the server checks the answers before they
// are sent, the contact questions show only when someone wants to be contacted, "Yes, someone is in
// danger" is announced, and what was typed is cleared as the page is left, so Back cannot show it.
// Without this script the form works the same way, with the server's checks. The words for each
// problem come from the page (data-words), in its language.
import { forgetOnLeave } from './forget-on-leave.ts';
import type { Words } from './report-form-checks.ts';

type Checks = typeof import('./report-form-checks.ts');

export function enhanceReportForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-report-form]');
  if (!form) return;
  const words = JSON.parse(form.dataset.words ?? '{}') as Words;
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

  // The checks (and the schema they share with the server) load on the first sign of someone
  // using the form, not with the page.
  let checks: Checks | undefined;
  let loading: Promise<Checks> | undefined;
  const load = () => (loading ??= import('./report-form-checks.ts').then((m) => (checks = m)));
  for (const type of ['focusin', 'pointerdown', 'keydown']) form.addEventListener(type, () => void load(), { once: true });

  form.addEventListener('submit', (event) => {
    // A change of language (a button with its own formaction) takes the answers as they are to the
    // other language's form, which shows them again: nothing is sent to the team, so nothing is checked.
    if (event.submitter?.hasAttribute('formaction')) return;
    if (checks) {
      if (!checks.checkReport(form, words)) event.preventDefault();
      return;
    }
    // Sent before the checks arrived: wait for them, then send again through this handler.
    event.preventDefault();
    const submitter = event.submitter;
    void load().then(
      () => form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined),
      // The checks could not be fetched: send anyway; the server checks every answer too.
      () => form.submit(),
    );
  });

  // After a server-side error the summary is already there: take focus to it.
  const summary = document.querySelector<HTMLElement>('[data-error-summary]');
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

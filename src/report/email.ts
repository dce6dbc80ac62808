// What the safeguarding team reads, for a report or an addition to one: the same lines in the email,
// in Notify and in `npm run reports -- show`. Every answer is made inert (no escape sequence acts) and
// escaped for HTML; the subject carries only the reference, so nothing a reporter types can reach a
// mail header.
import { escapeHtml } from '../lib/html.ts';
import { inert } from './inert.ts';
import { CATEGORIES, CONTACT_METHODS, REPORTERS } from './words.ts';
import { isFollowUp, type DeliveredFollowUp, type DeliveredReport, type Delivery } from './delivery.ts';

const given = (lines: [string, string | undefined][]): [string, string][] =>
  lines.filter((l): l is [string, string] => typeof l[1] === 'string' && l[1] !== '').map(([label, value]) => [label, inert(value)]);

/** "Welsh (cy)": the language of the form, named in English for the team. */
export function languageLine(code: string): string {
  if (code === 'en') return 'English';
  const name = new Intl.DisplayNames(['en-GB'], { type: 'language' }).of(code);
  return `${name && name !== code ? `${name} (${code})` : code}: their own words may be in this language`;
}

/** The answers as label/value pairs, in form order, leaving out what was not given. */
export function reportLines({ reference, receivedAt, report }: DeliveredReport): [string, string][] {
  return given([
    ['Reference', reference],
    ['Received', receivedAt],
    ['Form language', languageLine(report.language ?? 'en')],
    ['Someone in danger now', report.danger === 'yes' ? 'YES' : report.danger === 'no' ? 'No' : 'Not answered'],
    ['Reported by', report.reporter ? REPORTERS[report.reporter] : 'Not given'],
    ['Worried about', report.categories.map((c) => CATEGORIES[c]).join('; ') || 'Not given'],
    ['What they saw or heard', report.concern],
    ['Where', report.where],
    ['When', report.when],
    ['People', report.people],
    ['Vehicles', report.vehicles],
    ['Phone numbers or social media', report.identifiers],
    ['Contact', report.contact === 'contact' ? 'They would like to be contacted' : 'Anonymous: do not try to identify them'],
    ['Name', report.name],
    ['Contact by', report.contactMethod ? CONTACT_METHODS[report.contactMethod] : undefined],
    ['Phone', report.phone],
    ['Email', report.email],
    ['Safe times', report.safeTimes],
  ]);
}

/** An addition as label/value pairs. */
export function followUpLines({ reference, addition, receivedAt, details }: DeliveredFollowUp): [string, string][] {
  return given([
    ['Reference', reference],
    ['Addition', `${addition}: the person who sent report ${reference} added this with their follow-up code`],
    ['Received', receivedAt],
    ['What they added', details],
  ]);
}

export const messageLines = (message: Delivery) => (isFollowUp(message) ? followUpLines(message) : reportLines(message));

/** "Concern report ABCD-2345", or "Addition 2 to concern report ABCD-2345". */
export const subjectOf = (message: Delivery) => (isFollowUp(message) ? `Addition ${message.addition} to concern report ${message.reference}` : `Concern report ${message.reference}`);

export function renderEmail(message: Delivery): { subject: string; text: string; html: string } {
  const lines = messageLines(message);
  const subject = subjectOf(message);
  const text = lines.map(([label, value]) => `${label}:\n${value}\n`).join('\n');
  const html = `<!doctype html><html lang="en-GB"><body><h1>${escapeHtml(subject)}</h1><dl>${lines
    .map(([label, value]) => `<dt><strong>${escapeHtml(label)}</strong></dt><dd style="white-space:pre-wrap">${escapeHtml(value)}</dd>`)
    .join('')}</dl></body></html>`;
  return { subject, text, html };
}

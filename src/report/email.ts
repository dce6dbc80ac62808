// The email the safeguarding team receives. Every answer is escaped for HTML; the subject carries
// only the reference, so nothing a reporter types can reach a mail header.
import { escapeHtml } from '../lib/html.ts';
import { inert } from './inert.ts';
import { CATEGORIES, CONTACT_METHODS, REPORTERS } from './schema.ts';
import type { DeliveredReport } from './delivery.ts';

/** The answers as label/value pairs, in form order, leaving out what was not given; every value inert. */
export function reportLines({ reference, receivedAt, report }: DeliveredReport): [string, string][] {
  const lines: [string, string | undefined][] = [
    ['Reference', reference],
    ['Received', receivedAt],
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
  ];
  return lines.filter((l): l is [string, string] => typeof l[1] === 'string' && l[1] !== '').map(([label, value]) => [label, inert(value)]);
}

export function renderEmail(message: DeliveredReport): { subject: string; text: string; html: string } {
  const lines = reportLines(message);
  const text = lines.map(([label, value]) => `${label}:\n${value}\n`).join('\n');
  const html = `<!doctype html><html lang="en-GB"><body><h1>Concern report ${escapeHtml(message.reference)}</h1><dl>${lines
    .map(([label, value]) => `<dt><strong>${escapeHtml(label)}</strong></dt><dd style="white-space:pre-wrap">${escapeHtml(value)}</dd>`)
    .join('')}</dl></body></html>`;
  return { subject: `Concern report ${message.reference}`, text, html };
}

// The report: one schema for the HTML form, the browser's own check, the JSON API and the store.
// THIS FILE IS ALSO BUNDLED FOR THE BROWSER: it uses zod/mini, which keeps the form's script small.
import * as z from 'zod/mini';
import type { Params } from '../i18n/format.ts';
import type { RefusalCode } from './refusals.ts';

/** Character limits, shared with the form's maxlength hints and docs/report-api.md. */
export const LIMITS = {
  concern: 5000,
  short: 200,
  medium: 1000,
  long: 2000,
  name: 100,
} as const;

export const DANGER = ['yes', 'no'] as const;
export const REPORTERS = {
  parent: 'A parent or carer',
  'young-person': 'A young person',
  community: 'A neighbour or member of the community',
  professional: 'Someone who works with children or families',
  business: 'Someone who works in a business, such as a taxi, hotel or shop',
  other: 'Someone else',
} as const;
export const CATEGORIES = {
  'child-exploitation': 'A child being used to carry or sell drugs, money or weapons',
  cuckooing: 'A home being taken over (cuckooing)',
  'drug-dealing': 'Drug dealing',
  weapons: 'Weapons or violence',
  missing: 'A child going missing',
  other: 'Something else',
} as const;
export const CONTACT_METHODS = { phone: 'Phone', email: 'Email' } as const;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/**
 * Every problem the form can report, by code, in English. The JSON API answers with these; the
 * form shows the same codes from each language's catalogue (content/i18n/<code>.yaml, keys
 * "report.error.<code>"), where tests check each language has every one.
 */
export const REPORT_ERRORS = {
  'danger.invalid': 'Select yes if someone is in danger now, or no',
  'reporter.invalid': 'Select who you are, or leave it blank',
  'categories.invalid': 'Select what you are worried about from the list',
  'concern.invalid': 'Tell us what you are worried about',
  'concern.tooLong': 'What you are worried about must be {max} characters or fewer',
  'where.tooLong': 'Where it happened must be {max} characters or fewer',
  'when.tooLong': 'When it happened must be {max} characters or fewer',
  'people.tooLong': 'The people involved must be {max} characters or fewer',
  'vehicles.tooLong': 'Vehicles must be {max} characters or fewer',
  'identifiers.tooLong': 'Phone numbers and social media names must be {max} characters or fewer',
  'contact.invalid': 'Select whether you want to stay anonymous',
  'name.tooLong': 'Your name must be {max} characters or fewer',
  'contactMethod.invalid': 'Select how we should contact you, or choose to stay anonymous',
  'phone.tooLong': 'Phone number must be {max} characters or fewer',
  'phone.invalid': 'Enter a phone number, like 07700 900 982',
  'email.tooLong': 'Email address must be {max} characters or fewer',
  'email.invalid': 'Enter an email address in the correct format, like name@example.com',
  'safeTimes.tooLong': 'When it is safe to contact you must be {max} characters or fewer',
  // Why a report was not sent, and that nothing typed was lost: a person told only "send it again"
  // cannot tell a glitch from a refusal, and may give up.
  'token.invalid': 'Your report was not sent, because this copy of the form could not be checked (it may have come from an old or saved page). Your answers are still here: check them and press Send report again',
  'token.expired': 'Your report was not sent, because the form had been open for too long and expired, to protect you. Your answers are still here: check them and press Send report again',
  'token.too-fast': 'Your report was not sent, because it came back within seconds of the form opening, which is what automatic spam does. Your answers are still here: check them and press Send report again',
} as const;
export type ReportErrorCode = keyof typeof REPORT_ERRORS;

/**
 * The same for the "tell us more" form: its own words, since it has other fields and another button
 * ("follow-up.error.<code>" in each language's catalogue).
 */
export const FOLLOW_UP_ERRORS = {
  'reference.invalid': 'Enter the reference you were given: 8 letters and numbers, like ABCD-2345',
  'followUpCode.invalid': 'Enter the follow-up code you were given: 16 letters and numbers, like K7PX-2MPA-9RTE-4WNB',
  'details.invalid': 'Tell us what you want to add',
  'details.tooLong': 'What you add must be {max} characters or fewer',
  'token.invalid': 'Nothing was added, because this copy of the form could not be checked (it may have come from an old or saved page). What you typed is still here: check it and press Add to report again',
  'token.expired': 'Nothing was added, because the form had been open for too long and expired, to protect you. What you typed is still here: check it and press Add to report again',
  'token.too-fast': 'Nothing was added, because the form came back within seconds of opening, which is what automatic spam does. What you typed is still here: check it and press Add to report again',
} as const;
export type FollowUpErrorCode = keyof typeof FOLLOW_UP_ERRORS;
/** A form's problems by code: REPORT_ERRORS or FOLLOW_UP_ERRORS. */
export type ErrorTable = typeof REPORT_ERRORS | typeof FOLLOW_UP_ERRORS;

/** The most characters each free-text answer may have. */
export const FIELD_LIMITS: Record<string, number> = {
  concern: LIMITS.concern, where: LIMITS.medium, when: LIMITS.short, people: LIMITS.long, vehicles: LIMITS.medium,
  identifiers: LIMITS.medium, name: LIMITS.name, phone: 30, email: LIMITS.short, safeTimes: LIMITS.short, details: LIMITS.concern,
};

/** A problem's English words, with its limit filled in. */
export function englishError(code: ReportErrorCode): string;
export function englishError(code: FollowUpErrorCode, table: typeof FOLLOW_UP_ERRORS): string;
export function englishError(code: string, table: ErrorTable = REPORT_ERRORS): string {
  return (table as Record<string, string>)[code]!.replace('{max}', String(FIELD_LIMITS[code.split('.')[0]!] ?? ''));
}

/** An optional free-text answer: trimmed, and absent when empty. */
const optionalText = (field: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(FIELD_LIMITS[field]!, englishError(`${field}.tooLong` as ReportErrorCode))));

/** The answers a person gives. Every field but `concern` is optional. */
export const ReportSchema = z.object({
    /** Whether anyone is in immediate danger (then the form says call 999 first). */
    danger: z.optional(z.enum(DANGER, englishError('danger.invalid'))),
    /** Who is reporting, if they want to say. */
    reporter: z.optional(z.enum(keys(REPORTERS), englishError('reporter.invalid'))),
    /** What kinds of thing they are worried about. */
    categories: z._default(z.array(z.enum(keys(CATEGORIES), englishError('categories.invalid'))), []),
    /** What they saw or know, in their own words. Required. */
    concern: z.string(englishError('concern.invalid')).check(
      z.trim(),
      z.minLength(1, englishError('concern.invalid')),
      z.maxLength(LIMITS.concern, englishError('concern.tooLong')),
    ),
    /** Where it happened: an address, street or place. */
    where: optionalText('where'),
    /** When it happened, or how often. */
    when: optionalText('when'),
    /** Descriptions or names of people involved. */
    people: optionalText('people'),
    /** Vehicles: make, colour, registration. */
    vehicles: optionalText('vehicles'),
    /** Phone numbers, social media names or other handles used. */
    identifiers: optionalText('identifiers'),
    /** "anonymous" (the default) or "contact" to be contacted. */
    contact: z._default(z.enum(['anonymous', 'contact'], englishError('contact.invalid')), 'anonymous'),
    /** The name to use, if contacted. */
    name: optionalText('name'),
    /** How to get in touch, if contacted. */
    contactMethod: z.optional(z.enum(keys(CONTACT_METHODS), englishError('contactMethod.invalid'))),
    /** A phone number, if contacted by phone. */
    phone: optionalText('phone'),
    /** An email address, if contacted by email. */
    email: optionalText('email'),
    /** When and how it is safe to get in touch. */
    safeTimes: optionalText('safeTimes'),
    /**
     * The language of the form the person used ("en", "cy", "ur"…), so the team knows what language
     * the answers may be written in. Set by the form, not asked; English when left out.
     */
    language: z._default(z.string().check(z.regex(/^[a-z]{2,3}$/, 'language must be a language code such as en or cy')), 'en'),
  });
export type Report = z.infer<typeof ReportSchema>;

/** One problem with one answer, as the form and the API show it. */
export interface FieldError {
  field: string;
  /** The problem in English (as the JSON API answers). */
  message: string;
  /** Which problem it is (in its form's table), so the form can say it in the reader's language. */
  code?: ReportErrorCode | FollowUpErrorCode;
  /** Or why the whole post was refused (src/report/refusals.ts), with the values its words need. */
  refusal?: RefusalCode;
  params?: Params;
}

/** One error for a field, by code, from the report form's table or the one given. */
export const fieldError = (code: ReportErrorCode | FollowUpErrorCode, table: ErrorTable = REPORT_ERRORS): FieldError => ({
  field: code.split('.')[0]!,
  message: englishError(code as FollowUpErrorCode, table as typeof FOLLOW_UP_ERRORS),
  code,
});

/** The fields in the order they appear on the form, so the error summary follows the page. */
export const FIELD_ORDER = ['danger', 'reporter', 'categories', 'concern', 'where', 'when', 'people', 'vehicles', 'identifiers', 'contact', 'name', 'contactMethod', 'phone', 'email', 'safeTimes', 'language'];

/**
 * Someone who asks to be contacted must say how. Checked beside the schema rather than as a zod
 * refinement, which would only run once every other answer is right: people should see every
 * problem at once, not one round at a time.
 */
export function contactErrors(input: Record<string, unknown>): FieldError[] {
  if (input.contact !== 'contact') return [];
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (input.contactMethod !== 'phone' && input.contactMethod !== 'email') {
    return [fieldError('contactMethod.invalid')];
  }
  if (input.contactMethod === 'phone' && !/^\+?[0-9 ()-]{7,20}$/.test(text(input.phone))) {
    return [fieldError('phone.invalid')];
  }
  if (input.contactMethod === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text(input.email))) {
    return [fieldError('email.invalid')];
  }
  return [];
}

/** One error per field, the first each field got, in the order the fields appear on their form; each
 * with its code where the form has words for it in every language. */
function errorsInOrder(issues: readonly { path: readonly PropertyKey[]; code?: string; message: string }[], extra: FieldError[], order: readonly string[], table: ErrorTable = REPORT_ERRORS): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? order[0]);
    const code = `${field}.${issue.code === 'too_big' ? 'tooLong' : 'invalid'}`;
    if (!byField.has(field)) byField.set(field, code in table ? fieldError(code as ReportErrorCode, table) : { field, message: issue.message });
  }
  for (const e of extra) if (!byField.has(e.field)) byField.set(e.field, e);
  const errors = [...byField.values()];
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return errors;
}

/** Validates answers; returns the report, or one error per field in form order. */
export function validateReport(input: unknown): { ok: true; report: Report } | { ok: false; errors: FieldError[] } {
  const result = z.safeParse(ReportSchema, input);
  const extra = typeof input === 'object' && input !== null ? contactErrors(input as Record<string, unknown>) : [];
  if (result.success && extra.length === 0) return { ok: true, report: result.data };
  return { ok: false, errors: errorsInOrder(result.success ? [] : result.error.issues, extra, FIELD_ORDER) };
}

/** A reference or code as people type it — any case, spaces, with or without its hyphens — as it is issued. */
function grouped(text: string): string {
  const bare = text.toUpperCase().replace(/[\s-]+/g, '');
  return bare.match(/.{1,4}/g)?.join('-') ?? '';
}

const followUpError = (code: FollowUpErrorCode) => englishError(code, FOLLOW_UP_ERRORS);

/** What someone adds to a report they sent: "tell us more". */
export const FollowUpSchema = z.object({
  /** The report's reference, as shown when it was sent. */
  reference: z.string(followUpError('reference.invalid')).check(
    z.overwrite(grouped),
    z.regex(/^[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}$/, followUpError('reference.invalid')),
  ),
  /** The follow-up code, shown once with the reference. */
  followUpCode: z.string(followUpError('followUpCode.invalid')).check(
    z.overwrite(grouped),
    z.regex(/^[A-HJ-NPR-Z2-9]{4}(-[A-HJ-NPR-Z2-9]{4}){3}$/, followUpError('followUpCode.invalid')),
  ),
  /** What they want to add, in their own words. */
  details: z.string(followUpError('details.invalid')).check(
    z.trim(),
    z.minLength(1, followUpError('details.invalid')),
    z.maxLength(LIMITS.concern, followUpError('details.tooLong')),
  ),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;
export const FOLLOW_UP_FIELDS = ['reference', 'followUpCode', 'details'] as const;

export function validateFollowUp(input: unknown): { ok: true; followUp: FollowUp } | { ok: false; errors: FieldError[] } {
  const result = z.safeParse(FollowUpSchema, input);
  return result.success ? { ok: true, followUp: result.data } : { ok: false, errors: errorsInOrder(result.error.issues, [], FOLLOW_UP_FIELDS, FOLLOW_UP_ERRORS) };
}

/** Turns submitted form data into the shape a schema reads: empty answers are left out, checkboxes are lists. */
export function formToInput(form: FormData | URLSearchParams, fields: readonly string[] = FIELD_ORDER): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'categories') {
      input.categories = form.getAll('categories').map(String);
      continue;
    }
    const value = form.get(field);
    if (typeof value === 'string' && value.trim() !== '') input[field] = value;
  }
  return input;
}

// The report: one schema for the HTML form, the browser's own check, the JSON API and the store.
// THIS FILE IS ALSO BUNDLED FOR THE BROWSER: it uses zod/mini, which keeps the form's script small.
import * as z from 'zod/mini';
import type { Params } from '../i18n/format.ts';
import type { FollowUpErrorCode } from './follow-up-schema.ts';
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
// The choices and problems by code. Their English words are in ./words.ts, which the browser never
// loads: the form's script says each problem from the page's own words (in its language), and the
// English would be about 900 bytes of the report page's 12 kB of JavaScript.
export const REPORTER_KEYS = ['parent', 'young-person', 'community', 'professional', 'business', 'other'] as const;
export const CATEGORY_KEYS = ['child-exploitation', 'cuckooing', 'drug-dealing', 'weapons', 'missing', 'other'] as const;
export const CONTACT_METHOD_KEYS = ['phone', 'email'] as const;

/**
 * Every problem the report form can have, by code. The JSON API answers with their English words
 * (./words.ts); the form says the same from each language's catalogue (content/i18n/<code>.yaml,
 * keys "report.error.<code>"), where tests check each language has every one.
 */
export const REPORT_ERROR_CODES = [
  'danger.invalid', 'reporter.invalid', 'categories.invalid', 'concern.invalid', 'concern.tooLong', 'where.tooLong',
  'when.tooLong', 'people.tooLong', 'vehicles.tooLong', 'identifiers.tooLong', 'contact.invalid', 'name.tooLong',
  'contactMethod.invalid', 'phone.tooLong', 'phone.invalid', 'email.tooLong', 'email.invalid', 'safeTimes.tooLong',
  'token.invalid', 'token.expired', 'token.too-fast',
] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];


/** The most characters each free-text answer may have. */
export const FIELD_LIMITS: Record<string, number> = {
  concern: LIMITS.concern, where: LIMITS.medium, when: LIMITS.short, people: LIMITS.long, vehicles: LIMITS.medium,
  identifiers: LIMITS.medium, name: LIMITS.name, phone: 30, email: LIMITS.short, safeTimes: LIMITS.short, details: LIMITS.concern,
};

/** An optional free-text answer: trimmed, and absent when empty. */
const optionalText = (field: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(FIELD_LIMITS[field]!, `${field}.tooLong`)));

/** The answers a person gives. Every field but `concern` is optional. */
export const ReportSchema = z.object({
    /** Whether anyone is in immediate danger (then the form says call 999 first). */
    danger: z.optional(z.enum(DANGER, 'danger.invalid')),
    /** Who is reporting, if they want to say. */
    reporter: z.optional(z.enum(REPORTER_KEYS, 'reporter.invalid')),
    /** What kinds of thing they are worried about. */
    categories: z._default(z.array(z.enum(CATEGORY_KEYS, 'categories.invalid')), []),
    /** What they saw or know, in their own words. Required. */
    concern: z.string('concern.invalid').check(
      z.trim(),
      z.minLength(1, 'concern.invalid'),
      z.maxLength(LIMITS.concern, 'concern.tooLong'),
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
    contact: z._default(z.enum(['anonymous', 'contact'], 'contact.invalid'), 'anonymous'),
    /** The name to use, if contacted. */
    name: optionalText('name'),
    /** How to get in touch, if contacted. */
    contactMethod: z.optional(z.enum(CONTACT_METHOD_KEYS, 'contactMethod.invalid')),
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
  /**
   * The problem in English, as the JSON API answers: put in by the pipeline (inEnglish, ./words.ts).
   * Checked here, in the browser too, a problem with a code carries only its code.
   */
  message: string;
  /** Which problem it is (in its form's table), so the form can say it in the reader's language. */
  code?: ReportErrorCode | FollowUpErrorCode;
  /** Or why the whole post was refused (src/report/refusals.ts), with the values its words need. */
  refusal?: RefusalCode;
  params?: Params;
}

/** One error for a field, by code (its English words are added by the pipeline: ./words.ts). */
export const fieldError = (code: ReportErrorCode | FollowUpErrorCode): FieldError => ({ field: code.split('.')[0]!, message: code, code });

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
export function errorsInOrder(issues: readonly { path: readonly PropertyKey[]; code?: string; message: string }[], extra: FieldError[], order: readonly string[], codes: readonly string[] = REPORT_ERROR_CODES): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? order[0]);
    const code = `${field}.${issue.code === 'too_big' ? 'tooLong' : 'invalid'}`;
    if (!byField.has(field)) byField.set(field, codes.includes(code) ? fieldError(code as ReportErrorCode) : { field, message: issue.message });
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

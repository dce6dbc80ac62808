// The report: one schema for the HTML form, the browser's own check, the JSON API and the store.
// THIS FILE IS ALSO BUNDLED FOR THE BROWSER: it uses zod/mini, which keeps the form's script small.
import * as z from 'zod/mini';

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

/** An optional free-text answer: trimmed, and absent when empty. */
const optionalText = (max: number, label: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label} must be ${max} characters or fewer`)));

/** The answers a person gives. Every field but `concern` is optional. */
export const ReportSchema = z.object({
    /** Whether anyone is in immediate danger (then the form says call 999 first). */
    danger: z.optional(z.enum(DANGER, 'Select yes if someone is in danger now, or no')),
    /** Who is reporting, if they want to say. */
    reporter: z.optional(z.enum(keys(REPORTERS), 'Select who you are, or leave it blank')),
    /** What kinds of thing they are worried about. */
    categories: z._default(z.array(z.enum(keys(CATEGORIES), 'Select what you are worried about from the list')), []),
    /** What they saw or know, in their own words. Required. */
    concern: z.string('Tell us what you are worried about').check(
      z.trim(),
      z.minLength(1, 'Tell us what you are worried about'),
      z.maxLength(LIMITS.concern, `What you are worried about must be ${LIMITS.concern} characters or fewer`),
    ),
    /** Where it happened: an address, street or place. */
    where: optionalText(LIMITS.medium, 'Where it happened'),
    /** When it happened, or how often. */
    when: optionalText(LIMITS.short, 'When it happened'),
    /** Descriptions or names of people involved. */
    people: optionalText(LIMITS.long, 'The people involved'),
    /** Vehicles: make, colour, registration. */
    vehicles: optionalText(LIMITS.medium, 'Vehicles'),
    /** Phone numbers, social media names or other handles used. */
    identifiers: optionalText(LIMITS.medium, 'Phone numbers and social media names'),
    /** "anonymous" (the default) or "contact" to be contacted. */
    contact: z._default(z.enum(['anonymous', 'contact'], 'Select whether you want to stay anonymous'), 'anonymous'),
    /** The name to use, if contacted. */
    name: optionalText(LIMITS.name, 'Your name'),
    /** How to get in touch, if contacted. */
    contactMethod: z.optional(z.enum(keys(CONTACT_METHODS), 'Select phone or email')),
    /** A phone number, if contacted by phone. */
    phone: optionalText(30, 'Phone number'),
    /** An email address, if contacted by email. */
    email: optionalText(LIMITS.short, 'Email address'),
    /** When and how it is safe to get in touch. */
    safeTimes: optionalText(LIMITS.short, 'When it is safe to contact you'),
  });
export type Report = z.infer<typeof ReportSchema>;

/** One problem with one answer, as the form and the API show it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The fields in the order they appear on the form, so the error summary follows the page. */
export const FIELD_ORDER = ['danger', 'reporter', 'categories', 'concern', 'where', 'when', 'people', 'vehicles', 'identifiers', 'contact', 'name', 'contactMethod', 'phone', 'email', 'safeTimes'];

/**
 * Someone who asks to be contacted must say how. Checked beside the schema rather than as a zod
 * refinement, which would only run once every other answer is right: people should see every
 * problem at once, not one round at a time.
 */
export function contactErrors(input: Record<string, unknown>): FieldError[] {
  if (input.contact !== 'contact') return [];
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (input.contactMethod !== 'phone' && input.contactMethod !== 'email') {
    return [{ field: 'contactMethod', message: 'Select how we should contact you, or choose to stay anonymous' }];
  }
  if (input.contactMethod === 'phone' && !/^\+?[0-9 ()-]{7,20}$/.test(text(input.phone))) {
    return [{ field: 'phone', message: 'Enter a phone number, like 07700 900 982' }];
  }
  if (input.contactMethod === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text(input.email))) {
    return [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }];
  }
  return [];
}

/** One error per field, the first each field got, in the order the fields appear on their form. */
function errorsInOrder(issues: readonly { path: readonly PropertyKey[]; message: string }[], extra: FieldError[], order: readonly string[]): FieldError[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? order[0]);
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  for (const e of extra) if (!byField.has(e.field)) byField.set(e.field, e.message);
  const errors = [...byField].map(([field, message]) => ({ field, message }));
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

/** What someone adds to a report they sent: "tell us more". */
export const FollowUpSchema = z.object({
  /** The report's reference, as shown when it was sent. */
  reference: z.string('Enter the reference you were given, like ABCD-2345').check(
    z.overwrite(grouped),
    z.regex(/^[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}$/, 'Enter the reference you were given: 8 letters and numbers, like ABCD-2345'),
  ),
  /** The follow-up code, shown once with the reference. */
  followUpCode: z.string('Enter the follow-up code you were given').check(
    z.overwrite(grouped),
    z.regex(/^[A-HJ-NPR-Z2-9]{4}(-[A-HJ-NPR-Z2-9]{4}){3}$/, 'Enter the follow-up code you were given: 16 letters and numbers, like K7QX-2MPA-9RTE-4WNB'),
  ),
  /** What they want to add, in their own words. */
  details: z.string('Tell us what you want to add').check(
    z.trim(),
    z.minLength(1, 'Tell us what you want to add'),
    z.maxLength(LIMITS.concern, `What you add must be ${LIMITS.concern} characters or fewer`),
  ),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;
export const FOLLOW_UP_FIELDS = ['reference', 'followUpCode', 'details'] as const;

export function validateFollowUp(input: unknown): { ok: true; followUp: FollowUp } | { ok: false; errors: FieldError[] } {
  const result = z.safeParse(FollowUpSchema, input);
  return result.success ? { ok: true, followUp: result.data } : { ok: false, errors: errorsInOrder(result.error.issues, [], FOLLOW_UP_FIELDS) };
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

// The report's English words: each choice's label and each problem's words, by code (./schema.ts).
// Used on the server only, for the JSON API's answers, the team's email and the English catalogue
// (src/integrations/i18n.ts); the form's script in the browser says each problem from its page's
// words, so none of this is sent to it. Every code has words: the types below require it.
import type { FollowUpErrorCode } from './follow-up-schema.ts';
import { FIELD_LIMITS, type CATEGORY_KEYS, type CONTACT_METHOD_KEYS, type FieldError, type REPORTER_KEYS, type ReportErrorCode } from './schema.ts';

export const REPORTERS = {
  parent: 'A parent or carer',
  'young-person': 'A young person',
  community: 'A neighbour or member of the community',
  professional: 'Someone who works with children or families',
  business: 'Someone who works in a business, such as a taxi, hotel or shop',
  other: 'Someone else',
} as const satisfies Record<(typeof REPORTER_KEYS)[number], string>;
export const CATEGORIES = {
  'child-exploitation': 'A child being used to carry or sell drugs, money or weapons',
  cuckooing: 'A home being taken over (cuckooing)',
  'drug-dealing': 'Drug dealing',
  weapons: 'Weapons or violence',
  missing: 'A child going missing',
  other: 'Something else',
} as const satisfies Record<(typeof CATEGORY_KEYS)[number], string>;
export const CONTACT_METHODS = { phone: 'Phone', email: 'Email' } as const satisfies Record<(typeof CONTACT_METHOD_KEYS)[number], string>;

/** Each problem of the report form, in English. */
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
} as const satisfies Record<ReportErrorCode, string>;

/** Each problem of the "tell us more" form, in English: its own words, since it has other fields and another button. */
export const FOLLOW_UP_ERRORS = {
  'reference.invalid': 'Enter the reference you were given: 8 letters and numbers, like ABCD-2345',
  'followUpCode.invalid': 'Enter the follow-up code you were given: 16 letters and numbers, like K7PX-2MPA-9RTE-4WNB',
  'details.invalid': 'Tell us what you want to add',
  'details.tooLong': 'What you add must be {max} characters or fewer',
  'token.invalid': 'Nothing was added, because this copy of the form could not be checked (it may have come from an old or saved page). What you typed is still here: check it and press Add to report again',
  'token.expired': 'Nothing was added, because the form had been open for too long and expired, to protect you. What you typed is still here: check it and press Add to report again',
  'token.too-fast': 'Nothing was added, because the form came back within seconds of opening, which is what automatic spam does. What you typed is still here: check it and press Add to report again',
} as const satisfies Record<FollowUpErrorCode, string>;

/** A form's problems by code: REPORT_ERRORS or FOLLOW_UP_ERRORS. */
export type ErrorTable = typeof REPORT_ERRORS | typeof FOLLOW_UP_ERRORS;

/** A problem's English words, with its limit filled in. */
export function englishError(code: string, table: ErrorTable = REPORT_ERRORS): string {
  return (table as Record<string, string>)[code]!.replace('{max}', String(FIELD_LIMITS[code.split('.')[0]!] ?? ''));
}

/** The problems with their English words put in (the schema gives a coded problem its code only). */
export function inEnglish(errors: FieldError[], table: ErrorTable = REPORT_ERRORS): FieldError[] {
  return errors.map((e) => (e.code && e.code in table ? { ...e, message: englishError(e.code, table) } : e));
}

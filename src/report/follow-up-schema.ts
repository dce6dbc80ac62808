// "Tell us more": what someone adds to a report they sent, checked by the same schema in the form
// page's answer and the JSON API. Apart from the report's schema (./schema.ts), so that the report
// form's script, which never checks a follow-up, does not carry it.
import * as z from 'zod/mini';
import { errorsInOrder, LIMITS, type FieldError } from './schema.ts';

/**
 * Every problem the "tell us more" form can have, by code: English in ./words.ts, each language's
 * words as "followUp.error.<code>" in its catalogue.
 */
export const FOLLOW_UP_ERROR_CODES = [
  'reference.invalid', 'followUpCode.invalid', 'details.invalid', 'details.tooLong', 'token.invalid', 'token.expired', 'token.too-fast',
] as const;
export type FollowUpErrorCode = (typeof FOLLOW_UP_ERROR_CODES)[number];

/** A reference or code as people type it — any case, spaces, with or without its hyphens — as it is issued. */
function grouped(text: string): string {
  const bare = text.toUpperCase().replace(/[\s-]+/g, '');
  return bare.match(/.{1,4}/g)?.join('-') ?? '';
}

/** A follow-up problem's code as the schema's message (typed, so a code not in the list fails the type check). */
const followUpError = (code: FollowUpErrorCode) => code;

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
  return result.success ? { ok: true, followUp: result.data } : { ok: false, errors: errorsInOrder(result.error.issues, [], FOLLOW_UP_FIELDS, FOLLOW_UP_ERROR_CODES) };
}


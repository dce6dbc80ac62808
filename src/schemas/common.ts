// Shared building blocks for every content schema. Imported by content.config.ts, by pages and by
// unit tests, so it must stay free of `astro:*` virtual modules.
import { z } from 'astro/zod';

/** Who a piece of content is for. The slugs are used in URLs and search filters. */
export const AUDIENCES = ['parent', 'young-person', 'community', 'professional', 'business'] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

/** Plain-English labels for each audience, as shown in navigation and filters. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  parent: 'Parents and carers',
  'young-person': 'Young people',
  community: 'Community',
  professional: 'Professionals',
  business: 'Businesses',
};

/** What a fact was compared with when it was checked, in the words a page shows. */
export const CHECKED_AGAINST = {
  'live-page': 'the live page',
  'saved-copy': 'a saved copy of the page',
} as const;
export type CheckedAgainst = keyof typeof CHECKED_AGAINST;

/**
 * Where a fact a reader will act on was checked, when, against what, and what could not be
 * confirmed. Required beside every phone number, opening time, promise and law, so that a stale or
 * unconfirmed fact can be found by a test rather than by a caller, and every page says it plainly.
 */
export const SourcedSchema = z.object({
  /** The organisation's own published page the fact was checked against. */
  source: z.url({ error: 'source must be the full web address (https://…) of the page you checked' }),
  /** The day the fact was last checked against that page (YYYY-MM-DD). */
  checked: z.coerce.date({ error: 'checked must be a date written as YYYY-MM-DD' }),
  /**
   * What it was compared with that day: "live-page" (the page on the web, opened that day) or
   * "saved-copy" (a stored copy of the page, which may be older than the day you checked it).
   */
  checkedAgainst: z.enum(Object.keys(CHECKED_AGAINST) as [CheckedAgainst], {
    error: 'checkedAgainst must be live-page (you opened the page on the web that day) or saved-copy (you read a stored copy)',
  }),
  /**
   * What could not be confirmed from that page, in words a reader understands: "The hours come from
   * an older page." Shown on the page as a warning. Leave it out when everything was confirmed.
   */
  unconfirmed: z.string({ error: 'unconfirmed must be a sentence saying what could not be confirmed' }).min(10, { error: 'unconfirmed must say what could not be confirmed, in a full sentence' }).optional(),
});
export type Sourced = z.infer<typeof SourcedSchema>;

/** A UK phone number as people dial it: digits and single spaces, e.g. "0800 1111" or "999". */
export const PhoneNumberSchema = z
  .string()
  .regex(/^\+?[0-9]+( [0-9]+)*$/, { error: 'write the number as digits and single spaces, e.g. "0800 1111"' });

/** Turns a dialled number into a `tel:` URI target. */
export function telHref(number: string): string {
  return `tel:${number.replace(/\s+/g, '')}`;
}

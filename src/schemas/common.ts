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

/**
 * Where a fact a reader will act on was checked, and when. Required beside every phone number,
 * opening time and law, so that a stale fact can be found by a test rather than by a caller.
 */
export const SourcedSchema = z.object({
  /** The organisation's own published page the fact was checked against. */
  source: z.url({ error: 'source must be the full web address (https://…) of the page you checked' }),
  /** The day the fact was last checked against that page (YYYY-MM-DD). */
  checked: z.coerce.date({ error: 'checked must be a date written as YYYY-MM-DD' }),
});
export type Sourced = z.infer<typeof SourcedSchema>;

/**
 * Words people type when they are looking for this page but that the page itself may not use:
 * everyday words for technical ones ("drug dealers in my neighbour's flat" for cuckooing) and
 * common misspellings ("cukooing"). Search weighs them like a heading; nobody sees them.
 */
export const SearchTermsSchema = z
  .array(z.string({ error: 'each search term must be text: put a number such as 61016 in quotes' }).trim().min(2, { error: 'each search term needs at least 2 letters' }), {
    error: 'searchTerms must be a list, one word or phrase a line, each starting with "- "',
  })
  .default([]);

/** A UK phone number as people dial it: digits and single spaces, e.g. "0800 1111" or "999". */
export const PhoneNumberSchema = z
  .string()
  .regex(/^\+?[0-9]+( [0-9]+)*$/, { error: 'write the number as digits and single spaces, e.g. "0800 1111"' });

/** Turns a dialled number into a `tel:` URI target. */
export function telHref(number: string): string {
  return `tel:${number.replace(/\s+/g, '')}`;
}

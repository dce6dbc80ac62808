import { z } from 'astro/zod';
import { CHECKED_AGAINST, type CheckedAgainst, SearchTermsSchema } from './common.ts';

/** One thing staff in a sector might see, and the published guidance it comes from. */
export const SectorSignSchema = z.strictObject({
  /** What staff might see, in their own setting: "A child checked in by an adult who pays in cash". */
  noticed: z.string().min(10, { error: 'noticed needs a short sentence: what staff might see' }).max(140, { error: 'noticed must fit on one line of the printed briefing (140 characters at most)' }),
  /** Why it can matter, without blaming the child. Shown on the page, left off the one-page briefing. */
  why: z.string().min(10, { error: 'why needs a short sentence: why this can matter' }),
  /** The published guidance this sign is drawn from: the full address of the page. */
  source: z.url({ error: 'source must be the full web address (https://…) of the guidance this sign comes from' }),
});

/** A way to report: a line from content/partnership.yaml, or a service from content/services/. */
export const ReportRouteSchema = z.union(
  [
    z.strictObject({
      /** A key from content/partnership.yaml, e.g. "emergency" or "police". */
      contact: z.string().regex(/^[a-z-]+$/, { error: 'contact must be a key from content/partnership.yaml, e.g. police' }),
      /** When to use this line, in a few words: "if a child is in danger now". */
      when: z.string().min(5, { error: 'when needs a few words: when to use this line' }),
    }),
    z.strictObject({
      /** A service's file name in content/services/, e.g. "crimestoppers". */
      service: z.string().regex(/^[a-z0-9-]+$/, { error: 'service must be a file name from content/services/, e.g. crimestoppers' }),
      /** "text" to show the service's text number instead of its phone number. */
      channel: z.enum(['phone', 'text'], { error: 'channel must be phone or text' }).default('phone'),
      /** When to use this service, in a few words. */
      when: z.string().min(5, { error: 'when needs a few words: when to use this service' }),
    }),
  ],
  { error: 'each report route needs either contact: (a key from partnership.yaml) or service: (a file in content/services/), and when:' },
);

/**
 * Staff who meet the public in one kind of workplace: an MDX file in `content/sectors/`. Its file
 * name is its address under /businesses/; the body is the page's opening. The signs, actions and
 * report routes also make the one-page staff briefing, so they are kept short.
 */
export const SectorSchema = z.strictObject({
  /** The sector, as staff would name it: "Hotels and short lets". */
  title: z.string().min(3, { error: 'title needs at least 3 letters' }),
  /** Who the page speaks to, as a plural: "hotel, B&B and short-let staff". */
  staff: z.string().min(3, { error: 'staff needs a few words: who the page is for' }),
  /** A sentence for search results and link previews (160 characters at most). */
  description: z.string().min(20, { error: 'description needs a sentence of at least 20 characters' }).max(160, { error: 'description must be 160 characters or fewer' }),
  /** Where it comes in the list on /businesses/: 1 first. */
  order: z.number({ error: 'order must be a whole number, 1 for first' }).int({ error: 'order must be a whole number, 1 for first' }).positive({ error: 'order must be 1 or more' }),
  /** What staff might see: 4 to 8 signs, each with its source. */
  signs: z.array(SectorSignSchema).min(4, { error: 'give at least 4 signs' }).max(8, { error: 'give at most 8 signs, so the briefing fits on one page' }),
  /** What to do, most important first, one short instruction each. */
  actions: z.array(z.string().min(10, { error: 'each action needs a short sentence' }).max(120, { error: 'each action must fit on one line of the briefing (120 characters at most)' })).min(3, { error: 'give at least 3 actions' }).max(6, { error: 'give at most 6 actions, so the briefing fits on one page' }),
  /** How to report, most urgent first. */
  report: z.array(ReportRouteSchema).min(2, { error: 'give at least 2 ways to report' }).max(5, { error: 'give at most 5 ways to report' }),
  /** The day the signs were last checked against their sources (YYYY-MM-DD). */
  checked: z.coerce.date({ error: 'checked must be a date written as YYYY-MM-DD' }),
  /** What the signs were compared with: "live-page" or "saved-copy" (see content/services). */
  checkedAgainst: z.enum(Object.keys(CHECKED_AGAINST) as [CheckedAgainst], {
    error: 'checkedAgainst must be live-page (you opened the pages on the web that day) or saved-copy (you read stored copies)',
  }),
  searchTerms: SearchTermsSchema,
});
export type Sector = z.infer<typeof SectorSchema>;
export type ReportRoute = z.infer<typeof ReportRouteSchema>;

import { z } from 'astro/zod';
import { SearchTermsSchema, SourcedSchema, slug } from './common.ts';

/** One thing staff in a sector might see, and the published guidance it comes from. */
export const SectorSignSchema = z.strictObject({
  /** What staff might see, in their own setting: "A child checked in by an adult who pays in cash". */
  noticed: z
    .string()
    .min(10, { error: 'needs a short sentence: what staff might see' })
    .max(140, { error: 'must fit on one line of the printed briefing (140 characters at most)' })
    .meta({ label: 'What staff might see', hint: 'A short sentence in the staff’s own setting, 140 characters at most: "A child checked in by an adult who pays in cash".' }),
  /** Why it can matter, without blaming the child. Shown on the page, left off the one-page briefing. */
  why: z.string().min(10, { error: 'needs a short sentence: why this can matter' }).meta({ label: 'Why it matters', hint: 'Why it can matter, without blaming the child; shown on the page, not on the briefing.' }),
  /** The published guidance this sign is drawn from: the full address of the page. */
  source: z
    .url({ error: 'must be the full web address (https://…) of the guidance this sign comes from' })
    .meta({ label: 'Source', hint: 'The full web address (https://…) of the published guidance this sign comes from.' }),
});

/** A way to report: a line from content/partnership.yaml, or a service from content/services/. */
export const ReportRouteSchema = z.union(
  [
    z.strictObject({
      /** A key from content/partnership.yaml, e.g. "emergency" or "police". */
      contact: z
        .string()
        .regex(/^[a-z-]+$/, { error: 'must be a key from content/partnership.yaml, e.g. police' })
        .meta({ label: 'Partnership line', hint: 'The key of a line in content/partnership.yaml, e.g. police.' }),
      /** When to use this line, in a few words: "if a child is in danger now". */
      when: z.string().min(5, { error: 'needs a few words: when to use this line' }).meta({ label: 'When', hint: 'When to use this line, in a few words: "if a child is in danger now".' }),
    }),
    z.strictObject({
      /** A service's file name in content/services/, e.g. "crimestoppers". */
      service: slug('must be a file name from content/services/, e.g. crimestoppers')
        .meta({ label: 'Service', hint: 'A file name in content/services/, without .md, e.g. crimestoppers.' }),
      /** "text" to show the service's text number instead of its phone number. */
      channel: z.enum(['phone', 'text'], { error: 'must be phone or text' }).default('phone').meta({ label: 'Phone or text', hint: 'text to show the service’s text number instead of its phone number; phone if left out.' }),
      /** When to use this service, in a few words. */
      when: z.string().min(5, { error: 'needs a few words: when to use this service' }).meta({ label: 'When', hint: 'When to use this service, in a few words.' }),
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
  title: z.string().min(3, { error: 'needs at least 3 letters' }).meta({ label: 'Workplace', hint: 'The kind of workplace, as staff would name it: "Hotels and short lets".' }),
  /** Who the page speaks to, as a plural: "hotel, B&B and short-let staff". */
  staff: z.string().min(3, { error: 'needs a few words: who the page is for' }).meta({ label: 'Staff', hint: 'Who the page speaks to, as a plural: "hotel, B&B and short-let staff".' }),
  /** A sentence for search results and link previews (160 characters at most). */
  description: z
    .string()
    .min(20, { error: 'needs a sentence of at least 20 characters' })
    .max(160, { error: 'must be 160 characters or fewer' })
    .meta({ label: 'Summary', hint: 'One sentence for search results and link previews, 160 characters at most.' }),
  /** Where it comes in the list on /businesses/: 1 first. */
  order: z
    .number({ error: 'must be a whole number, 1 for first' })
    .int({ error: 'must be a whole number, 1 for first' })
    .positive({ error: 'must be 1 or more' })
    .meta({ label: 'Place in the list', hint: 'Where it comes in the list on /businesses/: 1 for first.' }),
  /** What staff might see: 4 to 8 signs, each with its source. */
  signs: z
    .array(SectorSignSchema)
    .min(4, { error: 'give at least 4 signs' })
    .max(8, { error: 'give at most 8 signs, so the briefing fits on one page' })
    .meta({ label: 'Signs', hint: 'What staff might see: 4 to 8 signs, each with why it matters and its source.' }),
  /** What to do, most important first, one short instruction each. */
  actions: z
    .array(z.string().min(10, { error: 'each action needs a short sentence' }).max(120, { error: 'each action must fit on one line of the briefing (120 characters at most)' }))
    .min(3, { error: 'give at least 3 actions' })
    .max(6, { error: 'give at most 6 actions, so the briefing fits on one page' })
    .meta({ label: 'What to do', hint: 'What to do, most important first: 3 to 6 short instructions.' }),
  /** How to report, most urgent first. */
  report: z
    .array(ReportRouteSchema)
    .min(2, { error: 'give at least 2 ways to report' })
    .max(5, { error: 'give at most 5 ways to report' })
    .meta({ label: 'How to report', hint: 'Two to five ways to report, most urgent first: { contact: emergency, when: … } or { service: crimestoppers, when: … }.' }),
  /** The day the signs were last checked against their sources (YYYY-MM-DD). */
  checked: SourcedSchema.shape.checked.meta({ label: 'Checked on', hint: 'The day you last checked the signs against their sources, as YYYY-MM-DD.' }),
  /** What the signs were compared with: "live-page" or "saved-copy", as for every sourced fact. */
  checkedAgainst: SourcedSchema.shape.checkedAgainst,
  searchTerms: SearchTermsSchema,
});
export type Sector = z.infer<typeof SectorSchema>;
export type ReportRoute = z.infer<typeof ReportRouteSchema>;

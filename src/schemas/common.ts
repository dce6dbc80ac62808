// Shared building blocks for every content schema. Imported by content.config.ts, by pages, by
// scripts and by unit tests, so it must stay free of `astro:*` virtual modules.
//
// Every field carries `.meta({ label, hint })`: the label and hint are what an editor reads beside
// the field in the content editor (generated from these schemas) and in every error message
// (src/lib/plain-errors.ts). Every object is strict, so a misspelt field is an error, not a
// silently ignored line.
import { z } from 'astro/zod';

declare module 'zod/v4/core' {
  interface GlobalMeta {
    /** The field's name as an editor would say it: "First day". */
    label?: string;
    /** One sentence on what to write, shown under the field and after an error: "Written as YYYY-MM-DD". */
    hint?: string;
    /** A plain-words error for this field, used whenever it is wrong in a way no check describes better. */
    error?: string;
  }
}

/** Who a piece of content is for. The slugs are used in URLs and search filters. */
export const AUDIENCES = ['parent', 'young-person', 'community', 'professional', 'business'] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

/** A list of audiences, as most content types take it. */
export const audiences = (hint: string) =>
  z.array(AudienceSchema).meta({ label: 'Who it is for', hint: `${hint} Any of: ${AUDIENCES.join(', ')}.` });

/** Plain-English labels for each audience, as shown in navigation and filters. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  parent: 'Parents and carers',
  'young-person': 'Young people',
  community: 'Community',
  professional: 'Professionals',
  business: 'Businesses',
};

/** Each audience's own page: the navigation and the "just the signs for you" links lead there. */
export const AUDIENCE_PAGES: Record<Audience, string> = {
  parent: '/parents/',
  'young-person': '/young-people/',
  community: '/community/',
  professional: '/professionals/',
  business: '/businesses/',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What to say about a date an editor wrote in another form; UK order (day first) is assumed. */
function dateError(input: unknown): string | undefined {
  // A missing date is said once, as "missing", with the field's hint.
  if (input === undefined) return undefined;
  const uk = typeof input === 'string' ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input.trim()) : null;
  if (uk) {
    const [, d, m, y] = uk;
    const month = MONTHS[Number(m) - 1];
    if (month && Number(d) >= 1 && Number(d) <= 31) {
      const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
      return `"${input}" is not written as YYYY-MM-DD (year, month, day). If you mean ${Number(d)} ${month} ${y}, write ${iso}`;
    }
  }
  if (input === null || input === '') return 'is empty: write a date as YYYY-MM-DD, e.g. 2027-01-31, or remove the line if it is optional';
  return `${JSON.stringify(input)} is not a date written as YYYY-MM-DD (year, month, day), e.g. 2027-01-31`;
}

/**
 * A calendar day, written YYYY-MM-DD. YAML turns `2026-12-01` into a date by itself; anything else
 * (`01/12/2026`, "next week") is refused with the fix, never guessed: `z.coerce.date()` read
 * 01/12/2026 as 12 January and started a campaign at once. The value is midnight UTC of that day.
 */
export const DateSchema = z
  .preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z.iso.date({ error: (issue) => dateError(issue.input) }),
  )
  .transform((day) => new Date(`${day}T00:00:00Z`))
  .meta({ format: 'date' });

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
export const SourcedSchema = z.strictObject({
  /** The organisation's own published page the fact was checked against. */
  source: z
    .url({ error: 'must be the full web address (https://…) of the page you checked' })
    .meta({ label: 'Checked against', hint: "The full web address (https://…) of the organisation's own page you checked the facts on." }),
  /** The day the fact was last checked against that page (YYYY-MM-DD). */
  checked: DateSchema.meta({ label: 'Checked on', hint: 'The day you last checked the facts against that page, as YYYY-MM-DD.' }),
  /**
   * What it was compared with that day: "live-page" (the page on the web, opened that day) or
   * "saved-copy" (a stored copy of the page, which may be older than the day you checked it).
   */
  checkedAgainst: z
    .enum(Object.keys(CHECKED_AGAINST) as [CheckedAgainst], {
      error: 'must be live-page (you opened the page on the web that day) or saved-copy (you read a stored copy)',
    })
    .meta({ label: 'Checked against what', hint: 'live-page if you opened the page on the web that day; saved-copy if you read a stored copy.' }),
  /**
   * What could not be confirmed from that page, in words a reader understands: "The hours come from
   * an older page." Shown on the page as a warning. Leave it out when everything was confirmed.
   */
  unconfirmed: z
    .string({ error: 'must be a sentence saying what could not be confirmed' })
    .min(10, { error: 'must say what could not be confirmed, in a full sentence' })
    .optional()
    .meta({ label: 'Not confirmed', hint: 'What you could not confirm from that page, as a sentence readers will see. Leave it out when everything was confirmed.' }),
});
export type Sourced = z.infer<typeof SourcedSchema>;

/**
 * Words people type when they are looking for this page but that the page itself may not use:
 * everyday words for technical ones ("drug dealers in my neighbour's flat" for cuckooing) and
 * common misspellings ("cukooing"). Search weighs them like a heading; nobody sees them.
 */
export const SearchTermsSchema = z
  .array(z.string({ error: 'each search term must be text: put a number such as 61016 in quotes' }).trim().min(2, { error: 'each search term needs at least 2 letters' }), {
    error: 'must be a list, one word or phrase a line, each starting with "- "',
  })
  .default([])
  .meta({ label: 'Search terms', hint: 'Words people type when looking for this but that it may not use, and common misspellings: [cukooing, drug dealers next door].' });

/**
 * A short name that goes into web addresses, anchors and file names: lowercase letters, digits and
 * hyphens. One pattern for every kind of content, so a name that works as a sign's anchor works as a
 * file name; each field keeps its own error, because "e.g. childline" helps only where a service is meant.
 */
export const slug = (error: string) => z.string().regex(/^[a-z0-9-]+$/, { error });

/** A UK phone number as people dial it: digits and single spaces, e.g. "0800 1111" or "999". */
export const PhoneNumberSchema = z
  .string({ error: 'write the number in quotes, as digits and single spaces, e.g. "0800 1111"' })
  .regex(/^\+?[0-9]+( [0-9]+)*$/, { error: 'write the number as digits and single spaces, e.g. "0800 1111"' });

/** True for the demo partnership's invented content, which `npm run new-partnership` removes. */
export const DemoSchema = z
  .boolean()
  .default(false)
  .meta({ label: 'Demo only', hint: 'Leave this off (false): it marks the made-up example content the kit comes with, which is removed when a partnership sets up its own site (npm run new-partnership).' });

/** Turns a dialled number into a `tel:` URI target. */
export function telHref(number: string): string {
  return `tel:${number.replace(/\s+/g, '')}`;
}

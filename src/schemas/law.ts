import { z } from 'astro/zod';
import { SearchTermsSchema, SourcedSchema } from './common.ts';

/** An Act of Parliament: an MDX file in `content/law/`, the body being what it provides. */
export const LawSchema = z
  .strictObject({
    /** The Act's short title without the year: "Modern Slavery Act". */
    title: z.string().min(3).meta({ label: 'Short title', hint: 'The Act’s short title without the year: "Modern Slavery Act".' }),
    /** The year it was passed. */
    year: z.number({ error: 'must be a year written as four digits, e.g. 2015' }).int().min(1800).max(2100).meta({ label: 'Year', hint: 'The year it was passed, e.g. 2015.' }),
    /** Its chapter number in that year's Acts. */
    chapter: z.number({ error: 'must be a whole number, e.g. 30' }).int().positive().meta({ label: 'Chapter', hint: 'Its chapter number in that year’s Acts (the "c. 30" on legislation.gov.uk).' }),
    /** The Act on legislation.gov.uk. */
    legislationUrl: z
      .url({ error: 'must be the Act’s full address on https://www.legislation.gov.uk/' })
      .regex(/^https:\/\/www\.legislation\.gov\.uk\//, { error: 'must be on https://www.legislation.gov.uk/' })
      .meta({ label: 'legislation.gov.uk address', hint: 'The Act’s page on https://www.legislation.gov.uk/.' }),
    /** One sentence for lists and search results. */
    description: z.string().min(20).max(200).meta({ label: 'Summary', hint: 'One sentence for lists and search results, 200 characters at most.' }),
    /**
     * What this means for you: one plain paragraph, shown first on the page, saying what the law
     * changes for a parent, a worker or a neighbour reading it, and what they can do.
     */
    forYou: z
      .string({ error: 'is required: one plain paragraph saying what this law means for the reader' })
      .min(80, { error: 'needs a full paragraph (at least 80 characters): what this law means for the reader' })
      .max(700, { error: 'must be one short paragraph (700 characters at most); put the detail in the page body' })
      .meta({ label: 'What this means for you', hint: 'One plain paragraph, shown first on the page, on what the law means for a parent, a worker or a neighbour, and what they can do.' }),
    /** Who it lets (or requires to) do what, one short line each. */
    powers: z.array(z.string().min(10)).min(1).meta({ label: 'What it does', hint: 'Who it lets (or requires to) do what, one short line each.' }),
    /** Which parts are in force on the checked date, in words. */
    inForce: z.string().min(5).meta({ label: 'In force', hint: 'Which parts are in force on the day you checked, in words.' }),
    searchTerms: SearchTermsSchema,
  })
  .extend(SourcedSchema.shape);
export type Law = z.infer<typeof LawSchema>;

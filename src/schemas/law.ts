import { z } from 'astro/zod';
import { SearchTermsSchema, SourcedSchema } from './common.ts';

/** An Act of Parliament: an MDX file in `content/law/`, the body being what it provides. */
export const LawSchema = z
  .object({
    /** The Act's short title without the year: "Modern Slavery Act". */
    title: z.string().min(3),
    /** The year it was passed. */
    year: z.number().int().min(1800).max(2100),
    /** Its chapter number in that year's Acts. */
    chapter: z.number().int().positive(),
    /** The Act on legislation.gov.uk. */
    legislationUrl: z.url().regex(/^https:\/\/www\.legislation\.gov\.uk\//, { error: 'legislationUrl must be on https://www.legislation.gov.uk/' }),
    /** One sentence for lists and search results. */
    description: z.string().min(20).max(200),
    /**
     * What this means for you: one plain paragraph, shown first on the page, saying what the law
     * changes for a parent, a worker or a neighbour reading it, and what they can do.
     */
    forYou: z
      .string({ error: 'forYou is required: one plain paragraph saying what this law means for the reader' })
      .min(80, { error: 'forYou needs a full paragraph (at least 80 characters): what this law means for the reader' })
      .max(700, { error: 'forYou must be one short paragraph (700 characters at most); put the detail in the page body' }),
    /** Who it lets (or requires to) do what, one short line each. */
    powers: z.array(z.string().min(10)).min(1),
    /** Which parts are in force on the checked date, in words. */
    inForce: z.string().min(5),
    searchTerms: SearchTermsSchema,
  })
  .extend(SourcedSchema.shape);
export type Law = z.infer<typeof LawSchema>;

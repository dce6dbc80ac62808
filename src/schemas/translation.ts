import { z } from 'astro/zod';

/** How a translation was made. */
export const TRANSLATION_METHODS = {
  human: 'translated by a person',
  machine: 'drafted by machine translation',
} as const;

/**
 * Where a translated file stands, after Starlight's Lunaria: how it was made, which version of the
 * English it follows, and who checked it. Every translated file carries one as `translation:`
 * (frontmatter of a page, or the top of a YAML file). The site shows a notice, in both languages,
 * on anything not yet reviewed or whose English has changed since.
 */
export const TranslationSchema = z.object({
  /** "human" when a person translated it; "machine" when it was drafted by machine translation. */
  method: z.enum(Object.keys(TRANSLATION_METHODS) as [keyof typeof TRANSLATION_METHODS], {
    error: 'translation.method must be human (translated by a person) or machine (drafted by machine translation)',
  }),
  /**
   * The English file's fingerprint when this was translated: `npm run translations` prints the
   * current one for each file. When the English changes, the page says it may be out of date.
   */
  sourceHash: z.string().regex(/^[0-9a-f]{12}$/, {
    error: 'translation.sourceHash must be the 12-character fingerprint `npm run translations` prints for the English file',
  }),
  /** Who checked the translation against the English, and when; leave out (or null) until someone has. */
  reviewed: z
    .object({
      /** The reviewer's name or role: "Welsh Language Officer, Anytown Council". */
      by: z.string().min(2, { error: 'translation.reviewed.by must name who reviewed it' }),
      /** The day they finished (YYYY-MM-DD). */
      date: z.coerce.date({ error: 'translation.reviewed.date must be a date written as YYYY-MM-DD' }),
    })
    .nullable()
    .default(null),
});
export type Translation = z.infer<typeof TranslationSchema>;

/** What a translation's status means for a reader, worked out at build time. */
export interface TranslationState {
  method: Translation['method'];
  reviewed: boolean;
  /** True when the English has changed since this was translated. */
  outdated: boolean;
}

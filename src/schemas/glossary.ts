import { z } from 'astro/zod';

/**
 * One word parents may hear, from `content/glossary.yaml`: what it usually means when it is about
 * drug dealing or exploitation, and where that meaning was found. Many of these words are everyday
 * slang too; the page says so.
 */
export const GlossaryTermSchema = z.strictObject({
  /** A short, stable slug for the term's anchor: "going-country". */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id must be lowercase letters, digits and hyphens' }),
  /** The word or phrase as people say it: "Going country". */
  term: z.string().min(1, { error: 'term is required: the word or phrase as people say it' }),
  /** Other ways of saying or spelling it: ["cunch", "going cunch"]. */
  alsoSaid: z.array(z.string().min(1, { error: 'each other way of saying it needs at least 1 letter' })).default([]),
  /** What it means, in plain words, without blaming the child. */
  meaning: z.string().min(5, { error: 'meaning needs a few plain words' }),
  /** The published page where this meaning was found. */
  source: z.url({ error: 'source must be the full web address (https://…) of the page where this meaning is given' }),
  /** Said beside the source when it is not a safeguarding body's own guidance: "A dictionary of street slang, not safeguarding guidance". */
  sourceNote: z.string().min(10, { error: 'sourceNote needs a few words about the source' }).optional(),
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;

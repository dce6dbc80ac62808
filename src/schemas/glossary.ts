import { z } from 'astro/zod';
import { slug } from './common.ts';

/**
 * One word parents may hear, from `content/glossary.yaml`: what it usually means when it is about
 * drug dealing or exploitation, and where that meaning was found. Many of these words are everyday
 * slang too; the page says so.
 */
export const GlossaryTermSchema = z.strictObject({
  /** A short, stable slug for the term's anchor: "going-country". */
  id: slug('must be lowercase letters, digits and hyphens, e.g. going-country')
    .meta({ label: 'Id', hint: 'A short name for the term, lowercase with hyphens; its place on the page uses it.' }),
  /** The word or phrase as people say it: "Going country". */
  term: z.string().min(1, { error: 'is required: the word or phrase as people say it' }).meta({ label: 'Word', hint: 'The word or phrase as people say it: "Going country".' }),
  /** Other ways of saying or spelling it: ["cunch", "going cunch"]. */
  alsoSaid: z
    .array(z.string().min(1, { error: 'each other way of saying it needs at least 1 letter' }))
    .default([])
    .meta({ label: 'Also said', hint: 'Other ways of saying or spelling it: [cunch, going cunch].' }),
  /** What it means, in plain words, without blaming the child. */
  meaning: z.string().min(5, { error: 'needs a few plain words' }).meta({ label: 'Meaning', hint: 'What it usually means, in plain words, without blaming the child.' }),
  /** The published page where this meaning was found. */
  source: z
    .url({ error: 'must be the full web address (https://…) of the page where this meaning is given' })
    .meta({ label: 'Source', hint: 'The full web address (https://…) of the page where this meaning is given.' }),
  /** Said beside the source when it is not a safeguarding body's own guidance: "A dictionary of street slang, not safeguarding guidance". */
  sourceNote: z
    .string()
    .min(10, { error: 'needs a few words about the source' })
    .optional()
    .meta({ label: 'About the source', hint: 'Shown beside the source when it is not a safeguarding body’s own guidance: "A dictionary of street slang, not safeguarding guidance".' }),
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;

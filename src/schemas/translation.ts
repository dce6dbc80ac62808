// The files a translation is made of, and where each stands. Free of `astro:*` modules, so the
// build, scripts, tests and the content editor's configuration (src/schemas/collections.ts) share
// them. Every object is strict and every field has a label and a hint, as for all content.
import { z } from 'astro/zod';
import { DateSchema } from './common.ts';

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
export const TranslationSchema = z
  .strictObject({
    /** "human" when a person translated it; "machine" when it was drafted by machine translation. */
    method: z
      .enum(Object.keys(TRANSLATION_METHODS) as [keyof typeof TRANSLATION_METHODS], {
        error: 'must be human (translated by a person) or machine (drafted by machine translation)',
      })
      .meta({ label: 'How it was translated', hint: 'human if a person translated it; machine if it was drafted by machine translation.' }),
    /**
     * The English file's fingerprint when this was translated: `npm run translations` prints the
     * current one for each file. When the English changes, the page says it may be out of date.
     */
    sourceHash: z
      .string()
      .regex(/^[0-9a-f]{12}$/, { error: 'must be the 12-character fingerprint `npm run translations` prints for the English file' })
      .meta({ label: 'English version', hint: 'The fingerprint of the English it follows, in quotes: `npm run translations -- --stamp <file>` writes it.' }),
    /** Who checked the translation against the English, and when; leave out (or null) until someone has. */
    reviewed: z
      .strictObject({
        /** The reviewer's name or role: "Welsh Language Officer, the county council". */
        by: z.string().min(2, { error: 'must name who reviewed it' }).meta({ label: 'Reviewed by', hint: 'The reviewer’s name or role: "Welsh Language Officer".' }),
        /** The day they finished (YYYY-MM-DD). */
        date: DateSchema.meta({ label: 'Reviewed on', hint: 'The day the review was finished, written as YYYY-MM-DD.' }),
      })
      .nullable()
      .default(null)
      .meta({ label: 'Review', hint: 'Who checked it against the English, and when; null until a person has.' }),
  })
  .meta({ label: 'Translation', hint: 'How this was translated, which English it follows, and who reviewed it.' });
export type Translation = z.infer<typeof TranslationSchema>;

/** What a translation's status means for a reader, worked out at build time. */
export interface TranslationState {
  method: Translation['method'];
  reviewed: boolean;
  /** True when the English has changed since this was translated. */
  outdated: boolean;
}

const text = (label: string, hint: string, min = 1) => z.string().min(min).meta({ label, hint });

/** One message: a text, or one text per plural form the language has ({ one: …, other: … }). */
export const MessageSchema = z.union([
  z.string().min(1),
  z
    .strictObject({
      zero: text('For none', 'The text for zero, in languages with a form for it (Welsh).').optional(),
      one: text('For one', 'The text for one.').optional(),
      two: text('For two', 'The text for two, in languages with a form for it (Welsh).').optional(),
      few: text('For a few', 'The text for a few, in languages with a form for it (Welsh, Polish).').optional(),
      many: text('For many', 'The text for many, in languages with a form for it (Welsh, Polish).').optional(),
      other: text('For any other number', 'The text for every other number: always needed.'),
    }),
]).meta({ label: 'Words', hint: 'The text; "{name}" is filled in by the site. A count has one text per plural form.' });

/** A catalogue: `content/i18n/<code>.yaml`. English has only `strings`. */
export const CatalogueSchema = z.strictObject({
  /** How the translation was made and which English it follows (not in en.yaml). */
  translation: TranslationSchema.optional(),
  /** Message key -> text, or one text per plural form ({ one: …, other: … }). "{name}" is filled in. */
  strings: z
    .record(z.string().regex(/^[a-z][\w.-]*$/, { error: 'is a key such as report.title: lowercase first, then letters, digits, dots and hyphens' }), MessageSchema)
    .meta({ label: 'Words', hint: 'Each key from content/i18n/en.yaml with its words in this language.' }),
});

/** `content/signs/<code>/signs.yaml`: each English sign's words, by id. */
export const SignsTranslationSchema = z.strictObject({
  translation: TranslationSchema,
  signs: z
    .record(
      z.string(),
      z.strictObject({
        noticed: text('What you might notice', 'The sign, translated.', 3),
        why: text('Why it can matter', 'Why it can matter, translated.', 5),
      }),
    )
    .meta({ label: 'Signs', hint: 'Each sign’s words, under its id from content/signs/signs.yaml.' }),
});

/** `content/signs/<code>/next-steps.yaml`: the next step for each category of sign. */
export const NextStepsTranslationSchema = z.strictObject({
  translation: TranslationSchema,
  steps: z
    .record(z.string(), z.string().min(10))
    .meta({ label: 'Next steps', hint: 'What to do next, under each group’s key from content/signs/next-steps.yaml.' }),
});

/** `content/signs/<code>/checker-audiences.yaml`: the checker's advice for each kind of person. */
export const CheckerTranslationSchema = z.strictObject({
  translation: TranslationSchema,
  audiences: z
    .record(
      z.string(),
      z.strictObject({
        label: text('Choice', 'The choice as the person would say it, translated.', 3),
        steps: z.array(z.string().min(5)).meta({ label: 'What to do', hint: 'What to do, most urgent first, translated.' }),
        avoid: z.array(z.string().min(5)).default([]).meta({ label: 'What not to do', hint: 'What not to do, translated.' }),
      }),
    )
    .meta({ label: 'Advice', hint: 'The checker’s advice under each choice’s key from content/signs/checker-audiences.yaml.' }),
});

import { z } from 'astro/zod';

/** The most words an Easy Read sentence may have (Department of Health, 2010: over 15 is harder). */
export const MAX_WORDS = 15;

/** One point on an Easy Read page: a picture beside one idea, in one to three short sentences. */
export const EasyReadPointSchema = z.object({
  /** The picture beside it: an id from content/easy-read/pictures.yaml. */
  picture: z.string().regex(/^[a-z0-9-]+$/, { error: 'picture must be an id from content/easy-read/pictures.yaml' }),
  /**
   * The words. One idea, at most 15 words a sentence. {emergency} and {police} put in the numbers
   * from content/partnership.yaml, so no number is typed twice.
   */
  text: z.string().min(3),
});

/** An Easy Read page: a YAML file in content/easy-read/, shown at /easy-read/<file name>/. */
export const EasyReadPageSchema = z.object({
  /** The page heading: short and plain. */
  title: z.string().min(3),
  /** One sentence for search results and previews (160 characters at most). */
  description: z.string().min(20).max(160),
  /** The standard pages this is the Easy Read version of: each of them links here. */
  versionOf: z.array(z.string().regex(/^\/[\w/-]*\/$/, { error: 'versionOf lists addresses like /warning-signs/' })).min(1),
  /** The order among the Easy Read pages. */
  order: z.number().int().min(1),
  /** The page in parts, each with a heading and its points. */
  sections: z
    .array(z.object({
      /** A short heading. */
      heading: z.string().min(3),
      points: z.array(EasyReadPointSchema).min(1),
    }))
    .min(1),
  /** Hard words used on the page, each explained in the glossary (content/easy-read/glossary.yaml). */
  words: z.array(z.string()).default([]),
});
export type EasyReadPage = z.infer<typeof EasyReadPageSchema>;

/** content/easy-read/glossary.yaml: hard words and what they mean, in Easy Read. */
export const GlossarySchema = z.record(z.string().min(2), z.object({ picture: z.string(), meaning: z.string().min(5) }));

/** content/easy-read/pictures.yaml: every picture the Easy Read pages may use, with its source. */
export const PicturesSchema = z.object({
  /** The openly licensed set the pictures come from. */
  set: z.object({
    /** Its name: "OpenMoji". */
    name: z.string(),
    /** Where it is published. */
    url: z.url(),
    /** The npm package the build takes the pictures from. */
    package: z.string(),
    /** Its licence, e.g. "CC BY-SA 4.0"; it must let a council publish and adapt it (not NC). */
    licence: z.string().refine((l) => !/\bNC\b/.test(l), { error: 'licence must allow use by a public body: a "NonCommercial" (NC) licence does not' }),
    licenceUrl: z.url(),
  }),
  /** Each picture: its id (used in the pages), its code in the set, and what it shows. */
  pictures: z.record(
    z.string().regex(/^[a-z0-9-]+$/),
    z.object({
      /** The picture's code in the set (an OpenMoji hexcode such as 1F4F1). */
      // YAML reads a code of digits only (2705) as a number: it is taken as the same code.
      code: z.coerce.string().regex(/^[0-9A-F]{4,5}(-[0-9A-F]{4,5})*$/, { error: 'code must be the OpenMoji hexcode, e.g. 1F4F1' }),
      /** What the picture shows, for people who cannot see it. */
      alt: z.string().min(3),
    }),
  ),
});

import { z } from 'astro/zod';

/** The most words an Easy Read sentence may have (Department of Health, 2010: over 15 is harder). */
export const MAX_WORDS = 15;

const pictureId = (hint: string) =>
  z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a picture’s id from content/easy-read/pictures.yaml: lowercase letters, digits and hyphens' }).meta({ label: 'Picture', hint });

/** One point on an Easy Read page: a picture beside one idea, in one to three short sentences. */
export const EasyReadPointSchema = z.strictObject({
  /** The picture beside it: an id from content/easy-read/pictures.yaml. */
  picture: pictureId('The picture beside the point: its id in content/easy-read/pictures.yaml.'),
  /**
   * The words. One idea, at most 15 words a sentence. {emergency} and {police} put in the numbers
   * from content/partnership.yaml, so no number is typed twice; {reportsRead}, when reports are read.
   */
  text: z.string().min(3).meta({ label: 'Words', hint: 'One idea, at most 15 words a sentence; {emergency} and {police} put in the numbers, {reportsRead} when reports are read.' }),
});

/** An Easy Read page: a YAML file in content/easy-read/, shown at /easy-read/<file name>/. */
export const EasyReadPageSchema = z.strictObject({
  /** The page heading: short and plain. */
  title: z.string().min(3).meta({ label: 'Title', hint: 'The page heading: short and plain.' }),
  /** One sentence for search results and previews (160 characters at most). */
  description: z.string().min(20).max(160).meta({ label: 'Summary', hint: 'One sentence for search results and link previews, 160 characters at most.' }),
  /** The standard pages this is the Easy Read version of: each of them links here. */
  versionOf: z
    .array(z.string().regex(/^\/[\w/-]*\/$/, { error: 'must be a page’s address, like /warning-signs/' }))
    .min(1)
    .meta({ label: 'Easy Read version of', hint: 'The addresses of the standard pages this is the Easy Read version of, like /warning-signs/: each links here.' }),
  /** The order among the Easy Read pages. */
  order: z.number().int().min(1).meta({ label: 'Order', hint: 'Its place among the Easy Read pages: 1 comes first.' }),
  /** The page in parts, each with a heading and its points. */
  sections: z
    .array(
      z.strictObject({
        /** A short heading. */
        heading: z.string().min(3).meta({ label: 'Heading', hint: 'A short heading for this part.' }),
        points: z.array(EasyReadPointSchema).min(1).meta({ label: 'Points', hint: 'Each point: a picture and one idea.' }),
      }),
    )
    .min(1)
    .meta({ label: 'Parts', hint: 'The page in parts, each with a heading and its points.' }),
  /** Hard words used on the page, each explained in the glossary (content/easy-read/glossary.yaml). */
  words: z.array(z.string()).default([]).meta({ label: 'Hard words', hint: 'Hard words used on the page, each explained in content/easy-read/glossary.yaml.' }),
});
export type EasyReadPage = z.infer<typeof EasyReadPageSchema>;

/** content/easy-read/glossary.yaml: hard words and what they mean, in Easy Read. */
export const GlossarySchema = z
  .record(
    z.string().min(2),
    z.strictObject({
      picture: pictureId('The picture beside the word: its id in content/easy-read/pictures.yaml.'),
      meaning: z.string().min(5).meta({ label: 'What it means', hint: 'What the word means, in Easy Read.' }),
    }),
  )
  .meta({ label: 'Words we use', hint: 'Each hard word, with a picture and what it means.' });

/** content/easy-read/pictures.yaml: every picture the Easy Read pages may use, with its source. */
export const PicturesSchema = z.strictObject({
  /** The openly licensed set the pictures come from. */
  set: z
    .strictObject({
      /** Its name: "OpenMoji". */
      name: z.string().meta({ label: 'Name', hint: 'The picture set’s name: "OpenMoji".' }),
      /** Where it is published. */
      url: z.url().meta({ label: 'Web address', hint: 'Where the set is published.' }),
      /** The npm package the build takes the pictures from. */
      package: z.string().meta({ label: 'Package', hint: 'The npm package the build takes the pictures from.' }),
      /** Its licence, e.g. "CC BY-SA 4.0"; it must let a council publish and adapt it (not NC). */
      licence: z
        .string()
        .refine((l) => !/\bNC\b/.test(l), { error: 'must allow use by a public body: a "NonCommercial" (NC) licence does not' })
        .meta({ label: 'Licence', hint: 'The set’s licence, e.g. "CC BY-SA 4.0": it must let a council publish and adapt it.' }),
      licenceUrl: z.url().meta({ label: 'Licence address', hint: 'Where the licence is published.' }),
    })
    .meta({ label: 'Picture set', hint: 'The openly licensed set the pictures come from.' }),
  /** Each picture: its id (used in the pages), its code in the set, and what it shows. */
  pictures: z
    .record(
      z.string().regex(/^[a-z0-9-]+$/),
      z.strictObject({
        /** The picture's code in the set (an OpenMoji hexcode such as 1F4F1). */
        // YAML reads a code of digits only (2705) as a number: it is taken as the same code.
        code: z.coerce
          .string()
          .regex(/^[0-9A-F]{4,5}(-[0-9A-F]{4,5})*$/, { error: 'must be the OpenMoji hexcode, e.g. 1F4F1' })
          .meta({ label: 'Code in the set', hint: 'The picture’s OpenMoji hexcode, e.g. 1F4F1.' }),
        /** What the picture shows, for people who cannot see it. */
        alt: z.string().min(3).meta({ label: 'What it shows', hint: 'What the picture shows, for people who cannot see it.' }),
      }),
    )
    .meta({ label: 'Pictures', hint: 'Each picture under the id the pages use, with its code in the set and what it shows.' }),
});

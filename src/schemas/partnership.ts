import { z } from 'astro/zod';
import { PhoneNumberSchema, SourcedSchema } from './common.ts';
import { OpeningHoursSchema } from './service.ts';

/** A phone line a reader may call from the header, footer or a next-steps box. */
export const ContactNumberSchema = z
  .object({
    /** How pages refer to this line: emergency, police, children, out-of-hours. */
    key: z.string().regex(/^[a-z-]+$/),
    /** What the line is for, as a reader would say it: "Police, emergency". */
    label: z.string().min(3),
    /** The number to dial. */
    number: PhoneNumberSchema,
    /** When it is answered, in words: "24 hours a day". */
    hours: z.string().min(3),
    /** True for the demo partnership's invented numbers, which must use Ofcom's drama ranges. */
    demo: z.boolean().default(false),
  })
  .extend(SourcedSchema.shape);

/** A language the site is published in, besides English. */
export const LanguageSchema = z.object({
  /** The language's code (ISO 639-1, or 639-3 where there is none): its pages live under /<code>/. */
  code: z
    .string()
    .regex(/^[a-z]{2,3}$/, { error: 'code must be the language\'s two- or three-letter code in lowercase, e.g. cy, pl, ur' })
    .refine((code) => code !== 'en', { error: 'English is the site\'s source language: list only the others' }),
  /** The language's name in that language, as the language switcher shows it: "Cymraeg", "Polski", "اردو". */
  name: z.string().min(2),
  /** Which way the language is written: ltr (left to right) or rtl (right to left, e.g. Urdu, Arabic). */
  dir: z.enum(['ltr', 'rtl'], { error: 'dir must be ltr (left to right) or rtl (right to left)' }).default('ltr'),
  /** The partnership's name in this language, if it has one; otherwise the English name is shown. */
  partnershipName: z.string().min(3).optional(),
});
export type Language = z.infer<typeof LanguageSchema>;

/**
 * The lines every page can rely on finding. "out-of-hours" is among them because a local service
 * that closes at five must never leave a child's safety waiting until Monday.
 */
export const REQUIRED_CONTACTS = ['emergency', 'police', 'children', 'out-of-hours'] as const;

/**
 * The one file that re-brands the kit for a partnership: `content/partnership.yaml`.
 * Validated when Astro loads its configuration, so a mistake stops the build with the field's name.
 */
export const PartnershipSchema = z.object({
  /** The partnership's full name, shown in the header and page titles. */
  name: z.string().min(3),
  /** A short name for tight spaces (the header on a phone, share text). */
  shortName: z.string().min(2),
  /** The place the partnership serves, used in sentences: "in Anytown". */
  area: z.string().min(2),
  /** The public address of the deployed site, used for canonical links and the sitemap. */
  siteUrl: z.url({ error: 'siteUrl must be the full address of the site, starting https://' }),
  /** True while this is the fictional demo partnership; shows a demo notice on every page. */
  demo: z.boolean().default(false),
  /** The brand colour as #rrggbb; it must reach 4.5:1 against white (checked by a unit test). */
  brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'brandColour must be written as #rrggbb' }),
  /** Where "Exit this page" sends people: a neutral site that shows nothing personal. */
  exitUrl: z.url().default('https://www.bbc.co.uk/weather'),
  /** The emergency and local numbers, in the order they are shown. National helplines are services. */
  contacts: z
    .array(ContactNumberSchema)
    .min(1)
    .refine((list) => REQUIRED_CONTACTS.every((key) => list.some((c) => c.key === key)), {
      error: `contacts must include a line for each of: ${REQUIRED_CONTACTS.join(', ')}`,
    }),
  /** An email address for questions about the site itself (not for reports). */
  siteEmail: z.email(),
  /**
   * When the safeguarding team reads reports sent through this site, in UK time. The report form
   * and its confirmation say so, and say to call the out-of-hours line at other times.
   */
  reportsRead: OpeningHoursSchema,
  /**
   * The languages the site is published in besides English, which is always there and is the source
   * of every translation. Each needs its catalogue `content/i18n/<code>.yaml`.
   */
  languages: z
    .array(LanguageSchema)
    .default([])
    .refine((list) => new Set(list.map((l) => l.code)).size === list.length, { error: 'each language may be listed only once' }),
  /** What to do with translations nobody has reviewed yet. */
  translations: z
    .object({
      /**
       * true: publish unreviewed translations with a notice, in both languages, that links to the
       * English. false: build only translations a person has reviewed; the rest fall back to English.
       */
      publishUnreviewed: z.boolean().default(true),
    })
    .default({ publishUnreviewed: true }),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
export type ContactNumber = z.infer<typeof ContactNumberSchema>;

/** The partnership's line for a key; every key in REQUIRED_CONTACTS is guaranteed by the schema. */
export function contactFor(partnership: Partnership, key: (typeof REQUIRED_CONTACTS)[number] | string): ContactNumber {
  const found = partnership.contacts.find((c) => c.key === key);
  if (!found) throw new Error(`content/partnership.yaml has no contact with key "${key}"`);
  return found;
}

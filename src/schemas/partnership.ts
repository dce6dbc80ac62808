import { z } from 'astro/zod';
import { contrast } from '../lib/contrast.ts';
import { DemoSchema, PhoneNumberSchema, SourcedSchema } from './common.ts';
import { OpeningHoursSchema } from './service.ts';

/** A phone line a reader may call from the header, footer or a next-steps box. */
export const ContactNumberSchema = z
  .strictObject({
    /** How pages refer to this line: emergency, police, children, out-of-hours. */
    key: z.string().regex(/^[a-z-]+$/, { error: 'is lowercase letters and hyphens, e.g. out-of-hours' }).meta({ label: 'Key', hint: 'How pages refer to this line: emergency, police, children, out-of-hours.' }),
    /** What the line is for, as a reader would say it: "Police, emergency". */
    label: z.string().min(3).meta({ label: 'What it is for', hint: 'What the line is for, as a reader would say it: "Children’s services".' }),
    /** The number to dial. */
    number: PhoneNumberSchema.meta({ label: 'Number', hint: 'The number to dial, in quotes, digits and single spaces: "0121 303 1888".' }),
    /**
     * When it is answered, in words, as they read inside a sentence ("24 hours a day", "evenings,
     * weekends and bank holidays"): pages show them in brackets after the number, and in sentences.
     */
    hours: z.string().min(3).meta({ label: 'When it is answered', hint: 'In words, as they read inside a sentence: "Monday to Friday, 9am to 5pm", "evenings, weekends and bank holidays".' }),
    /** True for the demo partnership's invented numbers, which must use Ofcom's drama ranges. */
    demo: DemoSchema,
  })
  .extend(SourcedSchema.shape);

/** A language the site is published in, besides English. */
export const LanguageSchema = z.strictObject({
  /** The language's code (ISO 639-1, or 639-3 where there is none): its pages live under /<code>/. */
  code: z
    .string()
    .regex(/^[a-z]{2,3}$/, { error: 'must be the language\'s two- or three-letter code in lowercase, e.g. cy, pl, ur' })
    .refine((code) => code !== 'en', { error: 'English is the site\'s source language: list only the others' })
    .meta({ label: 'Language code', hint: 'Two or three lowercase letters (cy, pl, ur): the language\'s pages live under /cy/ and its words in content/i18n/cy.yaml.' }),
  /** The language's name in that language, as the language switcher shows it: "Cymraeg", "Polski", "اردو". */
  name: z.string().min(2).meta({ label: 'Name in the language', hint: 'The language\'s name written in that language, as the language switcher shows it: "Cymraeg", "Polski", "اردو".' }),
  /** Which way the language is written: ltr (left to right) or rtl (right to left, e.g. Urdu, Arabic). */
  dir: z
    .enum(['ltr', 'rtl'], { error: 'must be ltr (left to right) or rtl (right to left)' })
    .default('ltr')
    .meta({ label: 'Direction', hint: 'ltr for left to right; rtl for right to left (Urdu, Arabic). ltr if left out.' }),
  /** The partnership's name in this language, if it has one; otherwise the English name is shown. */
  partnershipName: z.string().min(3).optional().meta({ label: 'Partnership name in the language', hint: 'The partnership\'s own name in this language, if it has one; the English name is shown if left out.' }),
});
export type Language = z.infer<typeof LanguageSchema>;

/**
 * Where the content editor at /admin saves changes: the site's git repository on its forge. Editors
 * sign in with their forge account; each change becomes a branch and a pull (merge) request.
 */
export const EditorSettingsSchema = z
  .strictObject({
    /** The forge: github (sign-in through this site's /api/cms/auth), gitlab or gitea. */
    backend: z.enum(['github', 'gitlab', 'gitea']).default('github').meta({ label: 'Forge', hint: 'Where the repository is kept: github, gitlab or gitea.' }),
    /** The repository, as owner/name: "riverbridge-sp/see-the-signs". */
    repo: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be written as owner/name, e.g. "riverbridge-sp/see-the-signs"' })
      .meta({ label: 'Repository', hint: 'The site’s repository, as owner/name: "riverbridge-sp/see-the-signs".' }),
    /** The branch the live site is built from. */
    branch: z.string().min(1).default('main').meta({ label: 'Live branch', hint: 'The branch the live site is built from; main if left out.' }),
    /** GitLab or Gitea: the OAuth application's id (sign-in uses PKCE, so no secret is needed). */
    appId: z.string().min(1).optional().meta({ label: 'Application id', hint: 'GitLab or Gitea only: the id of the OAuth application made for the editor.' }),
    /** A self-hosted GitLab or Gitea: its address, e.g. https://git.riverbridge.gov.uk. */
    baseUrl: z.url().optional().meta({ label: 'Forge address', hint: 'A self-hosted GitLab or Gitea: its address, e.g. https://git.riverbridge.gov.uk.' }),
    /** The forge's API address, when it is not the usual one (GitHub Enterprise, self-hosted). */
    apiRoot: z.url().optional().meta({ label: 'Forge API address', hint: 'Only when the forge’s API is not at its usual address (GitHub Enterprise).' }),
  })
  .refine((e) => e.backend === 'github' || e.appId, { error: 'gitlab and gitea need appId: the id of the OAuth application you created for the editor', path: ['appId'] })
  .refine((e) => e.backend !== 'gitea' || e.baseUrl, { error: 'gitea needs baseUrl: the address of your Gitea server', path: ['baseUrl'] });
export type EditorSettings = z.infer<typeof EditorSettingsSchema>;

/**
 * The lines every page can rely on finding. "out-of-hours" is among them because a local service
 * that closes at five must never leave a child's safety waiting until Monday.
 */
export const REQUIRED_CONTACTS = ['emergency', 'police', 'children', 'out-of-hours'] as const;

/**
 * The one file that re-brands the kit for a partnership: `content/partnership.yaml`.
 * Validated when Astro loads its configuration, so a mistake stops the build with the field's name.
 */
export const PartnershipSchema = z.strictObject({
  /** The partnership's full name, shown in the header and page titles. */
  name: z.string().min(3).meta({ label: 'Name', hint: 'The partnership’s full name, shown in the header and page titles.' }),
  /** A short name for tight spaces (the header on a phone, share text). */
  shortName: z.string().min(2).meta({ label: 'Short name', hint: 'A short name for tight spaces, such as the header on a phone.' }),
  /** The place the partnership serves, used in sentences: "in Riverbridge". */
  area: z.string().min(2).meta({ label: 'Area', hint: 'The place the partnership serves, as it reads in a sentence: "in Riverbridge".' }),
  /** The public address of the deployed site, used for canonical links and the sitemap. */
  siteUrl: z
    .url({ error: 'must be the full address of the site, starting https://' })
    .meta({ label: 'Site address', hint: 'The public address of the site, starting https://, as on posters and in search results.' }),
  /** True while this is the fictional demo partnership; shows a demo notice on every page. */
  demo: DemoSchema,
  /** The brand colour as #rrggbb; it must reach 4.5:1 against white (checked by a unit test). */
  brandColour: z
    .string({ error: 'must be written as #rrggbb, in quotes: "#005ea5"' })
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be written as #rrggbb, in quotes: "#005ea5"' })
    // White text sits on it in the header and on posters (WCAG 2.2 AA: 4.5:1).
    .refine((colour) => !/^#[0-9a-fA-F]{6}$/.test(colour) || contrast('#ffffff', colour) >= 4.5, {
      error: (issue) => `is too light for white text on it (${contrast('#ffffff', String(issue.input)).toFixed(1)}:1; it needs 4.5:1). Choose a darker shade`,
    })
    .meta({ label: 'Brand colour', hint: 'Written as "#rrggbb", dark enough for white text on it (4.5:1).' }),
  /** Where "Exit this page" sends people: a neutral site that shows nothing personal. */
  exitUrl: z
    .url({ error: 'must be a full web address starting https://' })
    .default('https://www.bbc.co.uk/weather')
    .meta({ label: 'Exit this page goes to', hint: 'A neutral site that shows nothing personal; the BBC weather page if left out.' }),
  /** The emergency and local numbers, in the order they are shown. National helplines are services. */
  contacts: z
    .array(ContactNumberSchema)
    .min(1)
    .refine((list) => REQUIRED_CONTACTS.every((key) => list.some((c) => c.key === key)), {
      error: `must include a line for each of: ${REQUIRED_CONTACTS.join(', ')}`,
    })
    .meta({ label: 'Phone lines', hint: 'The emergency and local numbers, in the order they are shown. National helplines are services.' }),
  /** An email address for questions about the site itself (not for reports). */
  siteEmail: z.email({ error: 'must be an email address' }).meta({ label: 'Site email', hint: 'An address for questions about the site itself (never for reports).' }),
  /**
   * When the safeguarding team reads reports sent through this site, in UK time. The report form
   * and its confirmation say so, and say to call the out-of-hours line at other times.
   */
  reportsRead: OpeningHoursSchema.meta({ label: 'When reports are read', hint: 'The days and times the safeguarding team reads reports sent through the site, in UK time.' }),
  /**
   * The languages the site is published in besides English, which is always there and is the source
   * of every translation. Each needs its catalogue `content/i18n/<code>.yaml`.
   */
  languages: z
    .array(LanguageSchema)
    .default([])
    .refine((list) => new Set(list.map((l) => l.code)).size === list.length, { error: 'lists a language twice: list each language once' })
    .meta({ label: 'Languages', hint: 'The languages the site is published in besides English, each with its words in content/i18n/<code>.yaml. Leave it out for English only.' }),
  /** What to do with translations nobody has reviewed yet. */
  translations: z
    .strictObject({
      /**
       * true: publish unreviewed translations with a notice, in both languages, that links to the
       * English. false: build only translations a person has reviewed; the rest fall back to English.
       */
      publishUnreviewed: z
        .boolean({ error: 'must be true or false' })
        .default(true)
        .meta({ label: 'Publish unreviewed translations', hint: 'true: publish translations nobody has reviewed, each with a notice linking to the English. false: publish only reviewed ones.' }),
    })
    .default({ publishUnreviewed: true })
    .meta({ label: 'Translations', hint: 'Whether translations nobody has reviewed yet are published.' }),
  /** The content editor's repository; without it, /admin works only on an editor's own computer. */
  editor: EditorSettingsSchema.optional().meta({ label: 'Content editor', hint: 'Where the editor at /admin saves changes. Set up once by whoever runs the site (docs/editing.md).' }),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
export type ContactNumber = z.infer<typeof ContactNumberSchema>;

/** The partnership's line for a key; every key in REQUIRED_CONTACTS is guaranteed by the schema. */
export function contactFor(partnership: Partnership, key: (typeof REQUIRED_CONTACTS)[number] | string): ContactNumber {
  const found = partnership.contacts.find((c) => c.key === key);
  if (!found) throw new Error(`content/partnership.yaml has no contact with key "${key}"`);
  return found;
}

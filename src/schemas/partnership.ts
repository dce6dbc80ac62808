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

/**
 * Where the content editor at /admin saves changes: the site's git repository on its forge. Editors
 * sign in with their forge account; each change becomes a branch and a pull (merge) request.
 */
export const EditorSettingsSchema = z
  .object({
    /** The forge: github (sign-in through this site's /api/cms/auth), gitlab or gitea. */
    backend: z.enum(['github', 'gitlab', 'gitea']).default('github'),
    /** The repository, as owner/name: "anytown-sp/see-the-signs". */
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'repo must be written as owner/name, e.g. "anytown-sp/see-the-signs"' }),
    /** The branch the live site is built from. */
    branch: z.string().min(1).default('main'),
    /** GitLab or Gitea: the OAuth application's id (sign-in uses PKCE, so no secret is needed). */
    appId: z.string().min(1).optional(),
    /** A self-hosted GitLab or Gitea: its address, e.g. https://git.anytown.gov.uk. */
    baseUrl: z.url().optional(),
    /** The forge's API address, when it is not the usual one (GitHub Enterprise, self-hosted). */
    apiRoot: z.url().optional(),
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
  /** The content editor's repository; without it, /admin works only on an editor's own computer. */
  editor: EditorSettingsSchema.optional(),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
export type ContactNumber = z.infer<typeof ContactNumberSchema>;

/** The partnership's line for a key; every key in REQUIRED_CONTACTS is guaranteed by the schema. */
export function contactFor(partnership: Partnership, key: (typeof REQUIRED_CONTACTS)[number] | string): ContactNumber {
  const found = partnership.contacts.find((c) => c.key === key);
  if (!found) throw new Error(`content/partnership.yaml has no contact with key "${key}"`);
  return found;
}

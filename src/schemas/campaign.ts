import { z } from 'astro/zod';
import { audiences, DateSchema, DemoSchema } from './common.ts';

/** A file people can download from a campaign page (a leaflet someone made by hand). */
export const CampaignAssetSchema = z.strictObject({
  /** What the file is, as a link would say it: "A5 leaflet". */
  title: z.string().min(3).meta({ label: 'Link text', hint: 'What the file is, as the link should say it: "A5 leaflet (PDF)".' }),
  /** The file's address under `public/`. */
  file: z
    .string()
    .regex(/^\/[\w/.-]+\.(pdf|png)$/, { error: 'must be the address of a file in public/, starting / and ending .pdf or .png' })
    .meta({ label: 'File', hint: 'The address of a file you put in public/, e.g. /campaigns/safer-summer/leaflet.pdf. Posters are made for you: do not list them.' }),
  /** A description of what the file shows, for people who cannot see it. */
  alt: z.string().min(10).meta({ label: 'Description', hint: 'What the file shows, in a sentence, for people who cannot see it.' }),
});

/** A campaign: an MDX file in `content/campaigns/`, its frontmatter checked against this. */
export const CampaignSchema = z
  .strictObject({
    /** The campaign's name, the page heading. */
    title: z.string().min(3).meta({ label: 'Campaign name', hint: 'The page heading and the big words on the poster.' }),
    /** One line under the heading. */
    tagline: z.string().min(3).meta({ label: 'Tagline', hint: 'One line under the heading and on the poster.' }),
    /** A sentence for search results and link previews (160 characters at most). */
    description: z.string().min(20).max(160).meta({ label: 'Summary', hint: 'One sentence for search results and link previews, 160 characters at most.' }),
    /** Who the campaign speaks to. */
    audiences: audiences('Who the campaign speaks to.').min(1),
    /** The first day the campaign is listed (YYYY-MM-DD). */
    start: DateSchema.meta({ label: 'First day', hint: 'The first day the campaign is listed, as YYYY-MM-DD, e.g. 2027-07-15.' }),
    /** The last day it is listed; after this its page stays up with a note. */
    end: DateSchema.optional().meta({ label: 'Last day', hint: 'The last day it is listed, as YYYY-MM-DD. Leave it out for a campaign that runs all year.' }),
    /** The hashtag used on social media, without spaces: "#SeeTheSigns". */
    hashtag: z
      .string()
      .regex(/^#\w+$/, { error: 'must start with # and have no spaces, in quotes: "#SeeTheSigns"' })
      .optional()
      .meta({ label: 'Hashtag', hint: 'The hashtag for social media, in quotes because of the #: "#SeeTheSigns".' }),
    /** Short addresses that redirect here permanently, e.g. "/SeeTheSigns". */
    shortLinks: z
      .array(z.string().regex(/^\/[A-Za-z0-9-]+$/, { error: 'a short link is / then letters, digits or hyphens: /SeeTheSigns' }))
      .default([])
      .meta({ label: 'Short links', hint: 'Short addresses for posters that lead here, e.g. [/SeeTheSigns]. Capital letters do not matter.' }),
    /** Text people can copy to share the campaign. */
    shareText: z
      .string()
      .min(10)
      .max(280)
      .meta({ label: 'Share text', hint: 'Words people can copy to share the campaign, 280 characters at most. Put it in quotes if it has a hashtag.' }),
    /** Downloads made by hand; the posters are generated from this file. */
    assets: z.array(CampaignAssetSchema).default([]).meta({ label: 'Other downloads', hint: 'Files you made yourself (a leaflet) and put in public/. The posters are made for you from this page.' }),
    /** True for the demo partnership's example campaigns. */
    demo: DemoSchema,
  })
  .refine((c) => !c.end || c.end >= c.start, { error: 'must be on or after the first day (start)', path: ['end'] });
export type Campaign = z.infer<typeof CampaignSchema>;

/** True while the campaign is inside its listing window on the given day. */
export function isCurrent(campaign: Pick<Campaign, 'start' | 'end'>, today: Date): boolean {
  return campaign.start <= today && (!campaign.end || campaign.end >= today);
}

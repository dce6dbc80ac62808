import { z } from 'astro/zod';
import { audiences, DateSchema, DemoSchema, SearchTermsSchema } from './common.ts';

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

/**
 * Where a campaign's short links are given out: a poster's QR code, a social post, a leaflet. Each
 * has a code of its own, added to a short link ("/SeeTheSigns/poster"), so that the reach page can
 * count arrivals by source without knowing anything about the person who arrived.
 */
export const CampaignSourceSchema = z.strictObject({
  /** The code added to the short link: "poster" makes /SeeTheSigns/poster. */
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,29}$/, { error: 'a source code is lower-case letters, digits or hyphens, at most 30, like poster or facebook-may' })
    .meta({ label: 'Source code', hint: 'A short word added to the short link for this place, like poster (making /SeeTheSigns/poster). Lower-case letters, digits or hyphens.' }),
  /** What the reach page calls it: "A4 poster (QR code)". */
  label: z
    .string()
    .min(3, { error: 'say in a few words where this link is given out, like "A4 poster (QR code)"' })
    .max(80, { error: 'keep the name of the source to 80 characters or fewer' })
    .meta({ label: 'Where it is given out', hint: 'What the reach page calls this source, like "A4 poster (QR code)" or "Facebook post, May".' }),
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
    /** Short addresses that lead here, e.g. "/SeeTheSigns" (src/reach/links.ts). */
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
    /**
     * What the posters say to their reader, instead of the usual words for the campaign's first
     * audience (src/lib/print/campaign-pack.ts).
     */
    posterWords: z
      .string()
      .min(20)
      .max(200)
      .optional()
      .meta({ label: 'Poster words', hint: 'Optional: one or two sentences the posters say to their reader, instead of the usual words for the first audience. Speak to that audience, never blame a child, and promise nothing the partnership cannot keep.' }),
    /** Downloads made by hand; the posters are generated from this file. */
    assets: z.array(CampaignAssetSchema).default([]).meta({ label: 'Other downloads', hint: 'Files you made yourself (a leaflet) and put in public/. The posters are made for you from this page.' }),
    /** Where the short links are given out, each with a code, so arrivals are counted by source. */
    sources: z
      .array(CampaignSourceSchema)
      .default([])
      .meta({ label: 'Where the short links are given out', hint: 'One line for each place the short link appears (a poster, a post, a leaflet), each with its own code. The reach page counts arrivals by source.' }),
    searchTerms: SearchTermsSchema,
    /** True for the demo partnership's example campaigns. */
    demo: DemoSchema,
  })
  .refine((c) => !c.end || c.end >= c.start, { error: 'must be on or after the first day (start)', path: ['end'] })
  .refine((c) => new Set(c.sources.map((s) => s.code)).size === c.sources.length, {
    error: 'two sources have the same code: give each place its own code',
    path: ['sources'],
  })
  .refine((c) => c.sources.length === 0 || c.shortLinks.length > 0, {
    error: 'sources need a short link to be added to: add one under shortLinks, like [/SeeTheSigns]',
    path: ['sources'],
  });
export type Campaign = z.infer<typeof CampaignSchema>;

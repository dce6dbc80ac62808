import { z } from 'astro/zod';
import { AudienceSchema } from './common.ts';

/** A file people can download from a campaign page (a poster, a leaflet). */
export const CampaignAssetSchema = z.object({
  /** What the file is, as a link would say it: "A4 poster". */
  title: z.string().min(3),
  /** The file's address under `public/`, e.g. `/campaigns/see-the-signs/poster-a4.pdf`. */
  file: z.string().regex(/^\/[\w/.-]+\.(pdf|png)$/, { error: 'file must be a path under public/ ending .pdf or .png' }),
  /** A description of what the file shows, for people who cannot see it. */
  alt: z.string().min(10),
});

/**
 * Where a campaign's short links are given out: a poster's QR code, a social post, a leaflet. Each
 * has a code of its own, added to a short link ("/SeeTheSigns/poster"), so that the reach page can
 * count arrivals by source without knowing anything about the person who arrived.
 */
export const CampaignSourceSchema = z.object({
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
  .object({
    /** The campaign's name, the page heading. */
    title: z.string().min(3),
    /** One line under the heading. */
    tagline: z.string().min(3),
    /** A sentence for search results and link previews (160 characters at most). */
    description: z.string().min(20).max(160),
    /** Who the campaign speaks to. */
    audiences: z.array(AudienceSchema).min(1),
    /** The first day the campaign is listed (YYYY-MM-DD). */
    start: z.coerce.date(),
    /** The last day it is listed; after this its page stays up with a note. */
    end: z.coerce.date().optional(),
    /** The hashtag used on social media, without spaces: "#SeeTheSigns". */
    hashtag: z.string().regex(/^#\w+$/, { error: 'hashtag must start with # and have no spaces' }).optional(),
    /** Short addresses that redirect here permanently, e.g. "/SeeTheSigns". */
    shortLinks: z.array(z.string().regex(/^\/[A-Za-z0-9-]+$/, { error: 'a short link looks like /SeeTheSigns' })).default([]),
    /** Text people can copy to share the campaign. */
    shareText: z.string().min(10).max(280),
    /** Posters and other downloads. */
    assets: z.array(CampaignAssetSchema).default([]),
    /** Where the short links are given out, each with a code, so arrivals are counted by source. */
    sources: z
      .array(CampaignSourceSchema)
      .default([])
      .meta({ label: 'Where the short links are given out', hint: 'One line for each place the short link appears (a poster, a post, a leaflet), each with its own code. The reach page counts arrivals by source.' }),
  })
  .refine((c) => !c.end || c.end >= c.start, { error: 'end must be on or after start', path: ['end'] })
  .refine((c) => new Set(c.sources.map((s) => s.code)).size === c.sources.length, {
    error: 'two sources have the same code: give each place its own code',
    path: ['sources'],
  })
  .refine((c) => c.sources.length === 0 || c.shortLinks.length > 0, {
    error: 'sources need a short link to be added to: add one under shortLinks, like [/SeeTheSigns]',
    path: ['sources'],
  });
export type Campaign = z.infer<typeof CampaignSchema>;

/** True while the campaign is inside its listing window on the given day. */
export function isCurrent(campaign: Pick<Campaign, 'start' | 'end'>, today: Date): boolean {
  return campaign.start <= today && (!campaign.end || campaign.end >= today);
}

import { z } from 'astro/zod';
import { AudienceSchema, SearchTermsSchema } from './common.ts';

/** A file people can download from a campaign page (a poster, a leaflet). */
export const CampaignAssetSchema = z.object({
  /** What the file is, as a link would say it: "A4 poster". */
  title: z.string().min(3),
  /** The file's address under `public/`, e.g. `/campaigns/see-the-signs/poster-a4.pdf`. */
  file: z.string().regex(/^\/[\w/.-]+\.(pdf|png)$/, { error: 'file must be a path under public/ ending .pdf or .png' }),
  /** A description of what the file shows, for people who cannot see it. */
  alt: z.string().min(10),
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
    searchTerms: SearchTermsSchema,
  })
  .refine((c) => !c.end || c.end >= c.start, { error: 'end must be on or after start', path: ['end'] });
export type Campaign = z.infer<typeof CampaignSchema>;

/** True while the campaign is inside its listing window on the given day. */
export function isCurrent(campaign: Pick<Campaign, 'start' | 'end'>, today: Date): boolean {
  return campaign.start <= today && (!campaign.end || campaign.end >= today);
}

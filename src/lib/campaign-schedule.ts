// When a campaign is public. Dates are checked when a page is asked for, not when the site is built:
// a campaign's page, short link, downloads and sitemap entry appear at midnight (UK time) on its
// start day, and it moves to "past campaigns" the day after its end, with nobody rebuilding. Before
// its start only editors with the preview key see it.
// THIS FILE IS SHARED by on-demand pages on both targets, the Node server and the Worker.
import { campaignPath, linkNamed, type CampaignLinks } from '../reach/links.ts';

export type CampaignStatus = 'upcoming' | 'current' | 'ended';

/** A campaign's days; each is midnight UTC of the day written in the file (YYYY-MM-DD). */
export interface CampaignWindow {
  start: Date;
  end?: Date | undefined;
}

const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the UK at an instant, as YYYY-MM-DD (British Summer Time included). */
export function ukDay(instant: Date): string {
  return ukDate.format(instant);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Where a campaign stands on a UK day (YYYY-MM-DD): before its start, running, or over. */
export function campaignStatus(campaign: CampaignWindow, today: string): CampaignStatus {
  if (day(campaign.start) > today) return 'upcoming';
  if (campaign.end && day(campaign.end) < today) return 'ended';
  return 'current';
}

/** Today in the UK, or the day the site is told to pretend it is (SITE_DATE, for previews and tests). */
export function siteToday(pretend: string | undefined, now = new Date()): string {
  return pretend ?? ukDay(now);
}

/** True when `given` is the preview key, compared in constant time; never true without a key set. */
export function isPreviewKey(key: string | undefined, given: string | null): boolean {
  if (!key || !given || given.length !== key.length) return false;
  let difference = 0;
  for (let i = 0; i < key.length; i++) difference |= key.charCodeAt(i) ^ given.charCodeAt(i);
  return difference === 0;
}

/** The lists the campaigns page shows: current (newest first), upcoming (soonest first), past (latest first). */
export function groupCampaigns<T extends { data: CampaignWindow }>(campaigns: readonly T[], today: string) {
  const of = (status: CampaignStatus) => campaigns.filter((c) => campaignStatus(c.data, today) === status);
  return {
    current: of('current').sort((a, b) => +b.data.start - +a.data.start),
    upcoming: of('upcoming').sort((a, b) => +a.data.start - +b.data.start),
    past: of('ended').sort((a, b) => +(b.data.end ?? b.data.start) - +(a.data.end ?? a.data.start)),
  };
}

/** Response headers for a page whose content depends on the day: a cache may keep it five minutes. */
export const DATED_PAGE_HEADERS = { 'Cache-Control': 'public, max-age=300, must-revalidate' } as const;
/** …and for an editor's preview, which no cache may keep and no search engine may list. */
export const PREVIEW_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' } as const;

/** What the build tells each target's front about campaigns (src/integrations/campaign-schedule.ts). */
export interface CampaignSchedule {
  /** Each campaign's first and last day (YYYY-MM-DD), by id (its file name). */
  campaigns: Record<string, { start: string; end?: string }>;
  /** Each short link, lower case ("/seethesigns"), to its campaign and source codes (src/reach/links.ts). */
  links: CampaignLinks;
}

/** The address of a campaign's whole pack (src/lib/print/campaign-pack.ts makes it). */
export const campaignPackPath = (id: string) => `${campaignPath(id)}${id}-campaign-pack.zip`;

/** A path no page answers: a campaign that is not public yet is served the site's 404 from here. */
export const NOT_PUBLIC_PATH = '/campaigns/not-public-yet/';

/**
 * pass: serve as usual (an open campaign's short link is then answered, and counted, by the front);
 * not-public: the site's 404; preview-link: an editor followed a short link of a campaign that has
 * not started, with the preview key: to its page, the key kept, uncounted.
 */
export type Gate = { kind: 'pass' } | { kind: 'not-public' } | { kind: 'preview-link'; location: string };

const asWindow = (days: { start: string; end?: string }): CampaignWindow => ({
  start: new Date(`${days.start}T00:00:00Z`),
  end: days.end ? new Date(`${days.end}T00:00:00Z`) : undefined,
});

/**
 * The one decision, made by the Node server and the Worker before any page or file is served:
 * a campaign's page and downloads (`/campaigns/<id>/…`) are not public before its first day, and
 * its short links (in any case, with or without a source code) lead to it only from that day.
 * The preview key, as `?preview=`, lets an editor through early.
 */
export function campaignGate(schedule: CampaignSchedule, url: URL, today: string, previewKey: string | undefined): Gate {
  const given = url.searchParams.get('preview');
  const preview = isPreviewKey(previewKey, given);
  const upcoming = (id: string) => {
    const days = schedule.campaigns[id];
    return days !== undefined && campaignStatus(asWindow(days), today) === 'upcoming';
  };
  const page = /^\/campaigns\/([^/]+)(?:\/|$)/.exec(url.pathname);
  if (page && upcoming(decodeURIComponent(page[1]!)) && !preview) return { kind: 'not-public' };
  const link = linkNamed(schedule.links, url.pathname);
  if (!link || !upcoming(link.campaign)) return { kind: 'pass' };
  return preview ? { kind: 'preview-link', location: `${campaignPath(link.campaign)}?preview=${encodeURIComponent(given!)}` } : { kind: 'not-public' };
}

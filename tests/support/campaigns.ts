// What the tests expect of campaigns today: the schedule the build wrote, and each campaign's
// status on the real UK date (the servers the tests start use the real date unless SITE_DATE is set).
import { readFileSync } from 'node:fs';
import { campaignStatus, ukDay, type CampaignSchedule, type CampaignStatus } from '../../src/lib/campaign-schedule.ts';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { sitemapPaths } from './site.ts';

/** The editors' preview key the test servers are started with. */
export const PREVIEW_KEY = 'kit-tests-preview-key-0123';

export function builtSchedule(dist = 'dist'): CampaignSchedule {
  return JSON.parse(readFileSync(`${dist}/campaign-schedule.json`, 'utf8')) as CampaignSchedule;
}

/** A campaign's short links, lower case ("/seethesigns"). */
export const linksOf = (schedule: CampaignSchedule, id: string) => Object.entries(schedule.links).filter(([, to]) => to.campaign === id).map(([link]) => link);

/** Each campaign id with its status on `today` (YYYY-MM-DD, UK). */
export function statuses(schedule: CampaignSchedule, today = ukDay(new Date())): Record<string, CampaignStatus> {
  return Object.fromEntries(Object.entries(schedule.campaigns).map(([id, days]) => [id, campaignStatus({ start: new Date(`${days.start}T00:00:00Z`), end: days.end ? new Date(`${days.end}T00:00:00Z`) : undefined }, today)]));
}

/** The day before YYYY-MM-DD, and the day after. */
export const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
export const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The day the Cloudflare tests pretend it is: the day before the last campaign starts (so one is
 * not public yet), or today when there are no campaigns.
 */
export const CLOUDFLARE_SITE_DATE = (() => {
  const starts = Object.values(builtSchedule().campaigns).map((c) => c.start).sort();
  return starts.length ? dayBefore(starts.at(-1)!) : new Date().toISOString().slice(0, 10);
})();

/** The home page in each language the site is published in: "/", "/cy/"… (from the built sitemap). */
export function homePaths(): string[] {
  const pages = sitemapPaths();
  return ['/', ...loadPartnership('content/partnership.yaml').languages.map((l) => `/${l.code}/`)].filter((p) => pages.includes(p));
}

/** The campaigns a home page lists under "Campaigns now", by id. */
export const homeCampaigns = (html: string) =>
  [...(html.match(/<section[^>]*aria-labelledby="campaigns-now"[\s\S]*?<\/section>/)?.[0] ?? '').matchAll(/href="[^"]*\/campaigns\/([^/"]+)\//g)].map((m) => m[1]!);

// The campaigns' part of the sitemap, made on each request: a campaign's page is listed from its
// first day, never before (src/lib/campaign-schedule.ts). robots.txt names this file beside the
// sitemap the build writes for every other page.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { campaignDay } from '../lib/campaign-request.ts';
import { DATED_PAGE_HEADERS, groupCampaigns } from '../lib/campaign-schedule.ts';
import { escapeHtml } from '../lib/html.ts';

export const prerender = false;

export const GET: APIRoute = async ({ site, url }) => {
  const { current, past } = groupCampaigns(await getCollection('campaigns'), campaignDay(url).today);
  const pages = ['/campaigns/', ...[...current, ...past].map((c) => `/campaigns/${c.id}/`)];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((p) => `<url><loc>${escapeHtml(new URL(p, site).href)}</loc></url>`).join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8', ...DATED_PAGE_HEADERS } });
};

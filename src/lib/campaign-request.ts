// The campaign day for a page rendered on demand: today in the UK (or SITE_DATE), and whether the
// request carries the editors' preview key. Same on both targets, through #report-runtime.
import { currentSettings } from '#report-runtime';
import { isPreviewKey, siteToday } from './campaign-schedule.ts';

export function campaignDay(url: URL): { today: string; preview: boolean; query: string } {
  const { date, previewKey } = currentSettings().campaigns;
  const given = url.searchParams.get('preview');
  const preview = isPreviewKey(previewKey, given);
  return { today: siteToday(date), preview, query: preview ? `?preview=${encodeURIComponent(given!)}` : '' };
}

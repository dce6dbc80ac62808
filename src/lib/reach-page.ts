// What the reach page and its CSV read: the month totals from the live store (the SQLite file on
// Node, D1 on Cloudflare, through #report-runtime), named from the campaign files. The totals are
// kept for 10 seconds per process or isolate, so a busy reach page costs the store one query; with
// counts written every REACH_WRITE_SECONDS, a visit shows within a minute.
import { getCollection } from 'astro:content';
import { reachCounts } from '#report-runtime';
import { failures } from '../report/failure-log.ts';
import type { MonthRow } from '../reach/counts.ts';
import { ukDay } from '../reach/day.ts';
import { previousMonth, reachMonths, type ReachCampaign, type ReachMonth } from '../reach/summary.ts';

const KEEP_MS = 10_000;
let kept: { at: number; rows: MonthRow[] } | undefined;

async function monthRows(now: number): Promise<MonthRow[]> {
  if (kept && now - kept.at < KEEP_MS) return kept.rows;
  const rows = await (await reachCounts()).months('0000-01');
  kept = { at: now, rows };
  return rows;
}

export async function reachCampaigns(): Promise<ReachCampaign[]> {
  return (await getCollection('campaigns'))
    .sort((a, b) => b.data.start.getTime() - a.data.start.getTime())
    .map((c) => ({ id: c.id, title: c.data.title, shortLinks: c.data.shortLinks, sources: c.data.sources }));
}

/** The months to show (the last 12 on the page, every one in the CSV), or undefined when the store cannot be read. */
export async function loadReach(months: 'last-year' | 'all', now = Date.now()): Promise<{ months: ReachMonth[]; thisMonth: string } | undefined> {
  const thisMonth = ukDay(now).slice(0, 7);
  let from = '0000-01';
  if (months === 'last-year') {
    from = thisMonth;
    for (let i = 0; i < 11; i++) from = previousMonth(from);
  }
  try {
    const rows = await monthRows(now);
    return { months: reachMonths(rows, from, thisMonth, { campaigns: await reachCampaigns() }), thisMonth };
  } catch (error) {
    failures.record('reach', error);
    return undefined;
  }
}

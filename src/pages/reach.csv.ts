// /reach.csv: the reach page's rows for every month counted, under the same small-number rule.
import type { APIRoute } from 'astro';
import { loadReach } from '../lib/reach-page.ts';
import { reachCsv } from '../reach/summary.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const reach = await loadReach('all');
  if (!reach) return new Response('The counts cannot be read right now. Try again in a few minutes.\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' } });
  return new Response(reachCsv(reach.months), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="reach.csv"', 'cache-control': 'max-age=10' },
  });
};

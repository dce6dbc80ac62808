import type { APIRoute } from 'astro';
import { figuresCsv } from '../../lib/figures.ts';
import { loadFigures } from '../../lib/local-figures.ts';

export const GET: APIRoute = async () => {
  const { metrics, periods } = await loadFigures();
  return new Response(figuresCsv(metrics, periods), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};

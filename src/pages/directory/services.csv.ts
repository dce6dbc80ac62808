import type { APIRoute } from 'astro';
import { loadServices } from '../../lib/directory.ts';
import { servicesCsv } from '../../lib/oruk.ts';

export const GET: APIRoute = async () =>
  new Response(servicesCsv(await loadServices()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });

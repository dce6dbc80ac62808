// GET /directory/services.json: every service, in Open Referral UK's paginated list shape.
import type { APIRoute } from 'astro';
import { loadServices } from '../../lib/directory.ts';
import { toJson, toOrukService } from '../../lib/oruk.ts';

export const GET: APIRoute = async ({ site }) => {
  const services = await loadServices();
  const contents = services.map((s) => toOrukService(s.id, s.data, site!.href));
  const page = { total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length, first_page: true, last_page: true, empty: contents.length === 0, contents };
  return new Response(toJson(page), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

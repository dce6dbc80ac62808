// GET /directory/services.json: every service, in Open Referral UK's paginated list shape. At build
// time it also hands over each service's own file, /directory/services/<id>.json (see
// src/integrations/build-files.ts): the same object, on its own.
import type { APIRoute } from 'astro';
import { loadServices } from '../../lib/directory.ts';
import { toJson, toOrukService } from '../../lib/oruk.ts';
import type { BuildFiles } from '../../integrations/build-files.ts';

export const GET: APIRoute = async ({ site }) => {
  const services = await loadServices();
  const contents = services.map((s) => toOrukService(s.id, s.data, site!.href));
  const page = { total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length, first_page: true, last_page: true, empty: contents.length === 0, contents };
  const handOver = (globalThis as Record<symbol, BuildFiles | undefined>)[Symbol.for('see-the-signs:build-files')];
  if (handOver) services.forEach((s, i) => handOver(`directory/services/${s.id}.json`, toJson(contents[i])));
  return new Response(toJson(page), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

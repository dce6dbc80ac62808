// GET /directory/services/<id>.json: one service in Open Referral UK's shape. Under `npm run dev` this
// route answers; a build writes the same files from /directory/services.json's route in one pass
// (src/integrations/build-files.ts), instead of 10,000 routes at 10,000 services.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadServices } from '../../../lib/directory.ts';
import { toJson, toOrukService } from '../../../lib/oruk.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? (await loadServices()).map((s) => ({ params: { id: s.id }, props: { service: s } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { service } = props as { service: Awaited<ReturnType<typeof loadServices>>[number] };
  return new Response(toJson(toOrukService(service.id, service.data, site!.href)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};

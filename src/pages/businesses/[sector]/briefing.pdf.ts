// Each workplace's staff briefing as a one-page A4 PDF, made by the build from the workplace's file
// and the numbers its report routes resolve to (src/lib/print/derived.ts). No browser is needed, and
// nothing is committed: an edit to a sign or a number changes the PDF with the page.
import type { APIRoute, GetStaticPaths } from 'astro';
import partnership from 'virtual:see-the-signs/partnership';
import { sectorBriefing } from '../../../lib/print/derived.ts';
import { resolveRoutes } from '../../../lib/report-routes.ts';
import { loadSectors } from '../../../lib/sectors.ts';

export const getStaticPaths = (async () => {
  return Promise.all((await loadSectors()).map(async (sector) => {
    const routes = await resolveRoutes(sector.data.report, `content/sectors/${sector.id}.mdx`);
    return { params: { sector: sector.id }, props: { file: sectorBriefing(sector.id, sector.data, routes, partnership) } };
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return new Response(await file.bytes() as BodyInit, { headers: { 'Content-Type': file.type } });
};

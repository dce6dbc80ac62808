// Each campaign's posters, made by the build from the campaign's own file and partnership.yaml
// (src/lib/print/derived.ts). Nothing is committed, so a re-brand or an edit changes them all.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { campaignDownloads } from '../../../lib/campaign-downloads.ts';

export const getStaticPaths = (async () => {
  const campaigns = await getCollection('campaigns');
  const paths = await Promise.all(campaigns.map(async (campaign) => (await campaignDownloads(campaign)).map((file) => ({
    params: { id: campaign.id, download: file.file.split('/').at(-1)! },
    props: { file },
  }))));
  return paths.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return new Response(await file.bytes() as BodyInit, { headers: { 'Content-Type': file.type } });
};

// What a campaign page offers to download: the pack the build makes from it (posters, share
// pictures, the ZIP of them all), then any files an editor made by hand and listed under `assets:`
// (a leaflet). BUILD-TIME ONLY.
import { getEntry, type CollectionEntry } from 'astro:content';
import partnership from 'virtual:see-the-signs/partnership';
import { assetSize, formatSize } from './assets.ts';
import type { DerivedFile } from './print/derived.ts';
import { campaignPack, POSTER_SERVICES, type PosterServices } from './print/campaign-pack.ts';

/** The helplines posters print, each from its own service file (where its source is kept). */
async function posterServices(): Promise<PosterServices> {
  const found = await Promise.all(POSTER_SERVICES.map(async (id) => [id, (await getEntry('services', id))?.data] as const));
  return Object.fromEntries(found.filter(([, data]) => data));
}

/** The campaign's pack, made by the build. */
export async function campaignDownloads(campaign: CollectionEntry<'campaigns'>): Promise<DerivedFile[]> {
  return campaignPack(campaign.id, campaign.data, partnership, await posterServices());
}

/** Every download a campaign page lists, with its size: the pack's files, and those made by hand. */
export async function campaignPageDownloads(campaign: CollectionEntry<'campaigns'>) {
  const made = await Promise.all((await campaignDownloads(campaign)).map(async (f) => ({ ...f, size: formatSize((await f.bytes()).length) })));
  const byHand = campaign.data.assets.map((asset) => ({ ...asset, size: assetSize(asset.file, `content/campaigns/${campaign.id}.mdx`).size }));
  return { made, byHand };
}

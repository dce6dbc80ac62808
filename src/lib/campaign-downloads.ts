// What a campaign page offers to download: the posters the build makes from it, then any files
// an editor made by hand and listed under `assets:` (a leaflet). BUILD-TIME ONLY.
import { getEntry, type CollectionEntry } from 'astro:content';
import partnership from 'virtual:see-the-signs/partnership';
import { assetSize, formatSize } from './assets.ts';
import { campaignPosters, posterHelpline, type DerivedFile } from './print/derived.ts';

/** The campaign's posters, made by the build; they print Crimestoppers' number from its own file. */
export async function campaignDownloads(campaign: CollectionEntry<'campaigns'>): Promise<DerivedFile[]> {
  return campaignPosters(campaign.id, campaign.data, partnership, posterHelpline((await getEntry('services', 'crimestoppers'))?.data));
}

/** Every download a campaign page lists, with its size, posters first. */
export async function campaignPageDownloads(campaign: CollectionEntry<'campaigns'>) {
  const made = await Promise.all((await campaignDownloads(campaign)).map(async (f) => ({ file: f.file, title: f.title, alt: f.alt, size: formatSize((await f.bytes()).length), poster: f.type === 'image/png' })));
  const byHand = campaign.data.assets.map((asset) => ({ ...asset, size: assetSize(asset.file, `content/campaigns/${campaign.id}.mdx`).size, poster: false }));
  return [...made, ...byHand];
}

// npm run posters: makes every campaign's pack (posters, share pictures, the ZIP), as the build does,
// into dist/posters/ to look at before publishing (the build makes the same files itself; nothing
// here is committed).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPartnership } from '../src/integrations/partnership.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { loadMarkdownFile } from '../src/lib/content-files.ts';
import { campaignPack, POSTER_SERVICES, type PosterServices } from '../src/lib/print/campaign-pack.ts';
import { CampaignSchema } from '../src/schemas/campaign.ts';
import { ServiceSchema } from '../src/schemas/service.ts';

const content = contentDir();
const out = resolve(process.argv[2] ?? 'dist/posters');
const partnership = loadPartnership(join(content, 'partnership.yaml'));
const services: PosterServices = {};
for (const id of POSTER_SERVICES) {
  const file = join(content, 'services', `${id}.md`);
  if (existsSync(file)) services[id] = loadMarkdownFile(file, ServiceSchema).data;
}

for (const name of readdirSync(join(content, 'campaigns')).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
  const id = name.replace(/\.mdx$/, '');
  const { data } = loadMarkdownFile(join(content, 'campaigns', name), CampaignSchema);
  for (const made of campaignPack(id, data, partnership, services)) {
    const file = join(out, made.file.replace(/^\/campaigns\//, ''));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, await made.bytes());
    console.log(file);
  }
}

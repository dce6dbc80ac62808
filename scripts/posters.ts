// npm run posters: makes every campaign's posters, as the build does, into dist/posters/ to look at
// before publishing (the build makes the same files itself; nothing here is committed).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPartnership } from '../src/integrations/partnership.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { loadMarkdownFile } from '../src/lib/content-files.ts';
import { campaignPosters, posterHelpline } from '../src/lib/print/derived.ts';
import { CampaignSchema } from '../src/schemas/campaign.ts';
import { ServiceSchema } from '../src/schemas/service.ts';

const content = contentDir();
const out = resolve(process.argv[2] ?? 'dist/posters');
const partnership = loadPartnership(join(content, 'partnership.yaml'));
const crimestoppers = join(content, 'services', 'crimestoppers.md');
const helpline = existsSync(crimestoppers) ? posterHelpline(loadMarkdownFile(crimestoppers, ServiceSchema).data) : undefined;

for (const name of readdirSync(join(content, 'campaigns')).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
  const id = name.replace(/\.mdx$/, '');
  const { data } = loadMarkdownFile(join(content, 'campaigns', name), CampaignSchema);
  for (const poster of campaignPosters(id, data, partnership, helpline)) {
    const file = join(out, poster.file.replace(/^\/campaigns\//, ''));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, await poster.bytes());
    console.log(file);
  }
}

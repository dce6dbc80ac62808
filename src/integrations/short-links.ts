// Campaign short links (`shortLinks:` and `sources:` in a campaign's frontmatter). They are not
// Astro redirects: each target's front answers them itself (src/reach/links.ts), so following one
// can be counted, by source, on Node and on Cloudflare alike (Cloudflare's static redirects never
// reach the Worker). Astro reads its configuration before content collections exist, so each
// campaign is read here with the same reader the collection uses (a byte-order mark is fine), and
// the map handed over as `virtual:see-the-signs/campaign-links` (the Worker) and as
// `campaign-links.json` beside the build (the Node server). Any other mistake in the file is left
// to the collection to report, in the terminal and in the browser.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError, parseSource, readSource } from '../lib/content-files.ts';
import { LINKS_FILE, shortLink, shortLinkHeaders, type CampaignLinks } from '../reach/links.ts';
import { CampaignSchema } from '../schemas/campaign.ts';

/** Maps each short link, in lower case, to its campaign and source codes; throws if two campaigns claim one. */
export function campaignLinks(campaignsDir: string): CampaignLinks {
  const links: Record<string, { campaign: string; sources: string[] }> = {};
  for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
    const data = (parseSource(readSource(join(campaignsDir, file))) ?? {}) as { shortLinks?: unknown; sources?: unknown };
    const shortLinks = CampaignSchema.shape.shortLinks.safeParse(data.shortLinks).data ?? [];
    const sources = CampaignSchema.shape.sources.safeParse(data.sources).data ?? [];
    const campaign = file.replace(/\.mdx$/, '');
    for (const link of shortLinks) {
      // Posters are typed in by hand, in any case: /SEETHESIGNS is the same link as /SeeTheSigns.
      const key = link.toLowerCase();
      if (links[key] && links[key].campaign !== campaign) {
        throw new ContentError(`${join(campaignsDir, file)}: shortLinks: ${link} is already used by the campaign ${links[key].campaign}. Choose another short link.`);
      }
      links[key] = { campaign, sources: sources.map((s) => s.code) };
    }
  }
  return links;
}

const VIRTUAL_ID = 'virtual:see-the-signs/campaign-links';

export function shortLinksIntegration(campaignsDir: string): AstroIntegration {
  const links = campaignLinks(campaignsDir);
  const resolved = `\0${VIRTUAL_ID}`;
  let outDir: URL | undefined;
  return {
    name: 'see-the-signs:short-links',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'see-the-signs:short-links',
              resolveId: (id: string) => (id === VIRTUAL_ID ? resolved : undefined),
              load: (id: string) => (id === resolved ? `export default ${JSON.stringify(links)};` : undefined),
            }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      // `astro dev` has neither front: short links are answered here, uncounted.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const answer = shortLink(links, req.method ?? 'GET', (req.url ?? '/').split('?')[0]!);
          if (!answer) return next();
          res.writeHead(answer.status, shortLinkHeaders(answer)).end();
        });
      },
      'astro:build:done': () => {
        if (outDir) writeFileSync(fileURLToPath(new URL(`./${LINKS_FILE}`, outDir)), JSON.stringify(links));
      },
    },
  };
}

// Campaign short links (`shortLinks:` and `sources:` in a campaign's frontmatter). They are not
// Astro redirects: each target's front answers them itself (src/reach/links.ts), so following one
// can be counted, by source, on Node and on Cloudflare alike (Cloudflare's static redirects never
// reach the Worker). The map is read here, when Astro reads its configuration (before content
// collections exist), and handed over as `virtual:see-the-signs/campaign-links` (the Worker and
// pages) and as `campaign-links.json` beside the build (the Node server). The campaign schema
// still validates the same fields, with plain-words errors.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import yaml from 'js-yaml';
import { LINKS_FILE, shortLink, shortLinkHeaders, type CampaignLinks } from '../reach/links.ts';

/** Maps each short link, in lower case, to its campaign and source codes; throws if two campaigns claim one. */
export function campaignLinks(campaignsDir: string): CampaignLinks {
  const links: Record<string, { campaign: string; sources: string[] }> = {};
  for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
    const source = readFileSync(join(campaignsDir, file), 'utf8').replace(/^\uFEFF/, '');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
    const data = (frontmatter ? yaml.load(frontmatter) : {}) as { shortLinks?: unknown; sources?: unknown };
    const campaign = file.replace(/\.mdx$/, '');
    const codes = Array.isArray(data.sources) ? data.sources.map((s: { code?: unknown }) => s?.code).filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()) : [];
    for (const link of Array.isArray(data.shortLinks) ? data.shortLinks.filter((l): l is string => typeof l === 'string') : []) {
      // Posters are typed in by hand, in any case: /SEETHESIGNS is the same link as /SeeTheSigns.
      const key = link.toLowerCase();
      if (links[key] && links[key].campaign !== campaign) {
        throw new Error(`${join(campaignsDir, file)}: shortLinks: ${link} is already used by the campaign ${links[key].campaign}. Choose another short link.`);
      }
      links[key] = { campaign, sources: codes };
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

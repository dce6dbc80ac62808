// Campaign short links (`shortLinks:` in a campaign's frontmatter) become permanent redirects.
// Astro needs redirects when it reads its configuration, before content collections exist, so each
// campaign is read here with the same reader the collection uses (a byte-order mark is fine). Any
// mistake in the file is left to the collection to report, in the terminal and in the browser.
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { CampaignSchema } from '../schemas/campaign.ts';
import { ContentError, parseSource, readSource } from '../lib/content-files.ts';

/** Maps each short link (lower case) to its campaign's page; throws if two campaigns claim one. */
export function campaignRedirects(campaignsDir: string): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
    const parsed = CampaignSchema.shape.shortLinks.safeParse((parseSource(readSource(join(campaignsDir, file))) as { shortLinks?: unknown }).shortLinks);
    const target = `/campaigns/${file.replace(/\.mdx$/, '')}/`;
    for (const link of parsed.data ?? []) {
      // Posters are typed in by hand, in any case: /SEETHESIGNS is the same link as /SeeTheSigns.
      const key = link.toLowerCase();
      if (redirects[key] && redirects[key] !== target) {
        throw new ContentError(`${join(campaignsDir, file)}: shortLinks: ${link} is already used by ${redirects[key]}. Choose another short link.`);
      }
      redirects[key] = target;
    }
  }
  return redirects;
}

const VIRTUAL_ID = 'virtual:see-the-signs/short-links';

/**
 * Serves the short links: Astro's redirects answer the lower-case form on every target. Astro
 * matches routes case-sensitively, so each target's server answers any other case (/SEETHESIGNS,
 * /Mules) from the same map (src/lib/short-links.ts): the Worker imports it as
 * `virtual:see-the-signs/short-links`, the Node server reads `short-links.json` beside the build.
 */
export function shortLinksIntegration(campaignsDir: string): AstroIntegration {
  const redirects = campaignRedirects(campaignsDir);
  const resolved = `\0${VIRTUAL_ID}`;
  let outDir: URL | undefined;
  return {
    name: 'see-the-signs:short-links',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          redirects,
          vite: {
            plugins: [{
              name: 'see-the-signs:short-links',
              resolveId: (id: string) => (id === VIRTUAL_ID ? resolved : undefined),
              load: (id: string) => (id === resolved ? `export default ${JSON.stringify(redirects)};` : undefined),
            }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': () => {
        if (outDir) writeFileSync(fileURLToPath(new URL('./short-links.json', outDir)), JSON.stringify(redirects));
      },
    },
  };
}

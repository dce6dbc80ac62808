// Campaign short links (`shortLinks:` in a campaign's frontmatter) become permanent redirects.
// Astro needs redirects when it reads its configuration, before content collections exist, so the
// frontmatter is read here directly; the campaign schema still validates the same field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** Maps each short link to its campaign's page; throws if two campaigns claim the same link. */
export function campaignRedirects(campaignsDir: string): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))) {
    const source = readFileSync(join(campaignsDir, file), 'utf8');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
    const data = (frontmatter ? yaml.load(frontmatter) : {}) as { shortLinks?: unknown };
    const links = Array.isArray(data.shortLinks) ? data.shortLinks.filter((l): l is string => typeof l === 'string') : [];
    for (const link of links) {
      const target = `/campaigns/${file.replace(/\.mdx$/, '')}/`;
      if (redirects[link] && redirects[link] !== target) {
        throw new Error(`${join(campaignsDir, file)}: shortLinks: ${link} is already used by ${redirects[link]}`);
      }
      redirects[link] = target;
      // Posters are typed in by hand, in any case: /seethesigns works as well as /SeeTheSigns.
      redirects[link.toLowerCase()] = target;
    }
  }
  return redirects;
}

// Shared by the browser tests: the list of pages comes from the built sitemap, so a new page is
// checked the moment it exists.
import { readFileSync } from 'node:fs';

const SITEMAP = 'dist/client/sitemap-0.xml';

/** Every page path in the built sitemap, e.g. "/parents/". */
export function sitemapPaths(): string[] {
  const xml = readFileSync(SITEMAP, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/** The WCAG 2.2 A and AA rule tags; each tag selects only the rules added at that level. */
export const WCAG22AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's landmark rules, run with the WCAG ones: "region" fails for any content outside a landmark.
 * They are tagged best-practice, so the WCAG tags alone leave them out.
 */
export const WITH_LANDMARK_RULES = {
  rules: Object.fromEntries(
    ['region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-banner-is-top-level', 'landmark-main-is-top-level', 'landmark-contentinfo-is-top-level']
      .map((id) => [id, { enabled: true }]),
  ),
};

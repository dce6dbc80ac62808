import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import cloudflare from '@astrojs/cloudflare';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { loadPartnership, partnershipIntegration } from './src/integrations/partnership.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { campaignScheduleIntegration } from './src/integrations/campaign-schedule.ts';
import { cloudflareHeadersIntegration } from './src/integrations/cloudflare-headers.ts';
import { adminIntegration } from './src/integrations/admin.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { readBuildSettings } from './src/settings.ts';

const partnership = loadPartnership(resolve(contentDir(), 'partnership.yaml'));

// One switch chooses the target: `DEPLOY_TARGET=cloudflare npm run build` makes a Worker with D1.
// The build's settings are checked like every other (src/settings.ts).
const build = readBuildSettings(process.env);
const onCloudflare = build.deployTarget === 'cloudflare';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: partnership.siteUrl,
  // The benchmark builds a 10,000-service site elsewhere, leaving dist/ alone.
  outDir: build.outDir,
  // 'ignore': JSON clients POST to /api/reports without a slash; pages still link with one.
  trailingSlash: 'ignore',
  // Astro 7's default ('jsx') drops the space between adjacent inline elements; prose needs it kept.
  compressHTML: true,
  // No sessions: nothing on this site identifies a visitor, so there is nothing to keep between requests.
  session: false,
  adapter: onCloudflare
    ? // Prerender in Node (the content helpers read files); no image service that calls out.
      cloudflare({ imageService: 'compile', prerenderEnvironment: 'node' })
    : node({ mode: 'standalone', staticHeaders: true, bodySizeLimit: 256 * 1024 }),
  integrations: [
    partnershipIntegration(partnership),
    // Campaign dates and short links, for each target's server to apply per request (short links
    // answer 301 from a campaign's first day; its page and downloads are not public before it).
    campaignScheduleIntegration(resolve(contentDir(), 'campaigns')),
    mdx(),
    // Pages rendered on demand must be named here. Campaign pages are listed by
    // /sitemap-campaigns.xml, from their first day (src/pages/sitemap-campaigns.xml.ts).
    sitemap({
      filter: (page) => !/\/404\/?$/.test(page) && !new URL(page).pathname.startsWith('/campaigns/'),
      customPages: ['/', '/report/', '/report/follow-up/'].map((path) => new URL(path, partnership.siteUrl).href),
    }),
    pagefindIntegration(),
    // The content editor at /admin/ (Decap CMS), outside the sitemap, search and page budgets.
    adminIntegration(partnership),
    ...(onCloudflare ? [cloudflareHeadersIntegration()] : []),
  ],
  build: { inlineStylesheets: 'never' },
  // No code blocks on this site, and Shiki's inline styles would need 'unsafe-inline'.
  markdown: { syntaxHighlight: false },
  security: {
    // Replaced by src/middleware.ts, which works under Referrer-Policy: no-referrer.
    checkOrigin: false,
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The report pipeline's platform half is `#report-runtime` (package.json `imports`): the Worker
  // bundle resolves it with the `workerd` condition to src/targets/cloudflare/, everything else to
  // src/targets/node/. Each bundle sees only its own.
  vite: { plugins: [tailwindcss()] },
});

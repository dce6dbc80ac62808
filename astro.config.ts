import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import cloudflare from '@astrojs/cloudflare';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { loadPartnership, partnershipIntegration } from './src/integrations/partnership.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { campaignRedirects } from './src/integrations/short-links.ts';
import { cloudflareHeadersIntegration } from './src/integrations/cloudflare-headers.ts';
import { adminIntegration } from './src/integrations/admin.ts';
import { contentDir } from './src/lib/content-dir.ts';

const partnership = loadPartnership(resolve(contentDir(), 'partnership.yaml'));

// One switch chooses the target: `DEPLOY_TARGET=cloudflare npm run build` makes a Worker with D1.
const target = process.env.DEPLOY_TARGET ?? 'node';
if (target !== 'node' && target !== 'cloudflare') throw new Error(`DEPLOY_TARGET must be node or cloudflare (it is "${target}")`);
const onCloudflare = target === 'cloudflare';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: partnership.siteUrl,
  // The benchmark builds a 10,000-service site elsewhere, leaving dist/ alone.
  outDir: process.env.OUT_DIR ?? './dist',
  // Campaign short links (/SeeTheSigns) answer 301 to their campaign, from the campaigns' own files.
  redirects: campaignRedirects(resolve(contentDir(), 'campaigns')),
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
    mdx(),
    // The report form is rendered on demand, so the sitemap must be told about it.
    sitemap({ filter: (page) => !/\/404\/?$/.test(page), customPages: [new URL('/report/', partnership.siteUrl).href] }),
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
  vite: {
    plugins: [tailwindcss()],
    resolve: {
      // The report pipeline's platform half: SQLite and a key file on Node, D1 and secrets on Workers.
      // Each bundle sees only its own.
      alias: onCloudflare ? [{ find: /^.*\/report\/runtime\.ts$/, replacement: resolve('src/report/cloudflare-runtime.ts') }] : [],
    },
  },
});

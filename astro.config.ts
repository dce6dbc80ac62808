import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { loadBankHolidayChanges, loadPartnership, loadPartnershipForEditing, partnershipIntegration } from './src/integrations/partnership.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { campaignScheduleIntegration } from './src/integrations/campaign-schedule.ts';
import { i18nIntegration, loadI18n, sitemapLanguages } from './src/integrations/i18n.ts';
import { pathIn } from './src/i18n/languages.ts';
import { easyReadIntegration, easyReadVersions } from './src/integrations/easy-read.ts';
import { cloudflareHeadersIntegration } from './src/integrations/cloudflare-headers.ts';
import { adminIntegration } from './src/integrations/admin.ts';
import { editingServerIntegration } from './src/integrations/editing-server.ts';
import { precompressIntegrations } from './src/integrations/precompress.ts';
import { renderedPagesIntegration } from './src/integrations/rendered-pages.ts';
import { buildFilesIntegration } from './src/integrations/build-files.ts';
import { buildStampIntegration } from './src/integrations/build-stamp.ts';
import { pageCspIntegration } from './src/integrations/page-csp.ts';
import { urduFontIntegration } from './src/integrations/urdu-font.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { readBuildSettings } from './src/settings.ts';

// Under `astro dev` a mistake in the file is shown in the browser instead of stopping the server.
const editing = process.argv.includes('dev');
const partnership = (editing ? loadPartnershipForEditing : loadPartnership)(resolve(contentDir(), 'partnership.yaml'));
const bankHolidays = loadBankHolidayChanges(resolve(contentDir(), 'bank-holidays.yaml'));
// Every language's words and which pages exist in which language, checked once here.
const i18n = loadI18n(contentDir(), partnership);

// One switch chooses the target: `DEPLOY_TARGET=cloudflare npm run build` makes a Worker with D1.
// The build's settings are checked like every other (src/settings.ts).
const build = readBuildSettings(process.env);
const onCloudflare = build.deployTarget === 'cloudflare';
// Node sends brotli and gzip copies made at build time; Cloudflare compresses at its edge.
const precompression = onCloudflare ? undefined : precompressIntegrations();

/**
 * The global stylesheet in a chunk of its own: left to the chunker, it was split between two chunks
 * once a fourth page rendered on demand (/reach/) shared the layout, and every page inlined all of
 * it twice (17 kB more HTML a page). The layout's components' styles still come twice (about 4 kB
 * raw, a few hundred bytes compressed), not yet found why.
 */
const siteStyles = (id: string) => (/[/\\]styles[/\\]global\.css|brand\.css/.test(id) ? 'site-styles' : undefined);

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
  // Only the chosen target's adapter is loaded: Cloudflare's brings in wrangler and Miniflare,
  // seconds of loading that a Node build does not need.
  adapter: onCloudflare
    ? // Prerender in Node (the content helpers read files); no image service that calls out.
      (await import('@astrojs/cloudflare')).default({ imageService: 'compile', prerenderEnvironment: 'node' })
    : (await import('@astrojs/node')).default({ mode: 'standalone', staticHeaders: true, bodySizeLimit: 256 * 1024 }),
  integrations: [
    partnershipIntegration(partnership, bankHolidays),
    i18nIntegration(i18n),
    // The Urdu web font, cut to Urdu's letters.
    urduFontIntegration(),
    easyReadIntegration(contentDir()),
    // Campaign dates, short links and their source codes, for each target's front to apply per
    // request: a campaign's page, downloads and short links are public from its first day; short
    // links (in any case, /SeeTheSigns/poster) lead to their campaign, counted by source.
    campaignScheduleIntegration(resolve(contentDir(), 'campaigns')),
    mdx(),
    // The home page, the report forms and the reach page are rendered on demand, so the sitemap must
    // be told about them: each in each language it exists in (the reach page is for the partnership, in
    // English). The report confirmation (/report/sent/) only opens with a receipt: not a page to
    // list. Campaign pages are listed by /sitemap-campaigns.xml, from their first day
    // (src/pages/sitemap-campaigns.xml.ts). Pages are paired with their other languages by path, so
    // only versions that exist are ever named as alternates.
    sitemap({
      filter: (page) => !/\/(404|report\/sent)\/?$/.test(page) && !new URL(page).pathname.startsWith('/campaigns/'),
      customPages: ['/', '/report/', '/report/follow-up/']
        .flatMap((form) => i18n.locales.filter((l) => l.code === 'en' || i18n.pages[l.code]?.[form]).map((l) => pathIn(form, l.code)))
        .concat('/reach/')
        .map((path) => new URL(path, partnership.siteUrl).href),
      i18n: sitemapLanguages(i18n),
    }),
    // Each page, as it is rendered, goes to the search index and (Node) to compression on other threads,
    // and gives its policy hashes (page-csp).
    renderedPagesIntegration(),
    // Files routes write besides their own (one per service in the directory's export), before compression.
    buildFilesIntegration(),
    // Pages are compressed while they render; each file gets its copy once Pagefind has written.
    ...(precompression ? [precompression.start] : []),
    pagefindIntegration({ locales: i18n.locales, strings: i18n.strings, versions: easyReadVersions(contentDir()) }),
    // The content editor at /admin/ (Decap CMS), outside the sitemap, search and page budgets.
    adminIntegration(partnership),
    ...(precompression ? [precompression.finish] : [cloudflareHeadersIntegration()]),
    editingServerIntegration([resolve(contentDir(), 'partnership.yaml'), resolve(contentDir(), 'bank-holidays.yaml')]),
    // Each page's policy names only its own inline styles and scripts.
    pageCspIntegration(),
    // Last: records what this build was made from, once everything above has finished.
    buildStampIntegration(build.deployTarget),
  ],
  // Every stylesheet goes inside its page, so the first paint needs no second request (issue 13).
  build: { inlineStylesheets: 'always' },
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
    // Module scripts wait for the first paint on the Node server only (src/lib/after-paint.ts): its
    // plain HTTP/1.1 makes each script a connection of its own before the paint, where Cloudflare's
    // edge (HTTP/2 and 3) shares the page's, and there the loader's bytes and policy hash are better
    // spent on the first round trip (/ur/help/ went to 14,898 of 14,600 bytes from the edge).
    define: { 'import.meta.env.HOLD_SCRIPTS': JSON.stringify(!onCloudflare) },
    build: {
      // Page scripts stay files, loaded after the first paint (src/lib/after-paint.ts): inside the
      // page, a script's bytes would count against the first round trip. Only the small loader that
      // holds them back is inline (a file of its own would be the very request it keeps waiting).
      // Other assets keep Vite's default.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? file.includes('AfterPaint.astro') : undefined),
      rolldownOptions: {
        // Astro's MDX output carries a "use astro:head-inject" marker that Rolldown warns about once
        // per MDX file; Astro handles it, and 60 identical warnings would hide a real one.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
        output: { manualChunks: siteStyles },
      },
    },
  },
  // The report pipeline's platform half is `#report-runtime` (package.json `imports`): the Worker
  // bundle resolves it with the `workerd` condition to src/targets/cloudflare/, everything else to
  // src/targets/node/. Each bundle sees only its own.
});

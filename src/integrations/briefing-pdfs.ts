// Prints each staff briefing page (/businesses/<sector>/briefing/) to an A4 PDF beside it, after
// Astro has written the site: the PDF is made from the same page people print, so the two cannot
// differ, and no derived file is committed. A small integration of its own so that the kit's
// general build-time generator (posters, images) can take it over.
//
// It needs Chromium (Debian's `chromium`, or CHROMIUM_PATH). BRIEFING_PDFS=off builds without the
// PDFs, and the pages then leave out the PDF link.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { briefingPdfsEnabled } from '../lib/briefing-pdfs.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/lib/chromium.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
// A host that can never resolve: every request is answered from the build folder below.
const ORIGIN = 'http://briefing.invalid';

/** The briefing pages in a built client folder, as paths under it: "businesses/hotels/briefing/index.html". */
export function briefingPages(client: string): string[] {
  const root = join(client, 'businesses');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'briefing', 'index.html')))
    .map((d) => relative(client, join(root, d.name, 'briefing', 'index.html')));
}

export function briefingPdfsIntegration(): AstroIntegration {
  return {
    name: 'see-the-signs:briefing-pdfs',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!briefingPdfsEnabled()) {
          logger.warn('BRIEFING_PDFS=off: staff briefings are built without their PDFs.');
          return;
        }
        const client = fileURLToPath(dir);
        const pages = briefingPages(client);
        if (pages.length === 0) return;
        const started = performance.now();
        let browser;
        try {
          // require(), not import(): Astro loads this file through Vite, whose module loader has closed by
          // the time the build is done. Playwright is a development dependency, needed only here.
          const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
          browser = await chromium.launch(CHROMIUM_LAUNCH);
        } catch (error) {
          throw new Error(`The staff briefing PDFs need Chromium (install Debian's "chromium" or set CHROMIUM_PATH), or build with BRIEFING_PDFS=off to leave them out. ${(error as Error).message.split('\n')[0]}`);
        }
        try {
          const page = await browser.newPage();
          // Nothing leaves the machine: the page and its styles come from the build folder.
          await page.route('**/*', async (route) => {
            const url = new URL(route.request().url());
            if (url.origin !== ORIGIN) return route.abort();
            const path = join(client, decodeURIComponent(url.pathname).replace(/\/$/, '/index.html'));
            if (!path.startsWith(client) || !existsSync(path)) return route.fulfill({ status: 404, body: '' });
            return route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) });
          });
          for (const file of pages) {
            const url = `${ORIGIN}/${file.replace(/index\.html$/, '')}`;
            await page.goto(url, { waitUntil: 'load' });
            await page.emulateMedia({ media: 'print' });
            const out = join(client, file.replace(/\/briefing\/index\.html$/, '/briefing.pdf'));
            const pdf = await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
            // A briefing that spills onto a second sheet stops the build, naming the file to shorten.
            const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
            if (sheets !== 1) {
              const sector = file.split('/')[1];
              throw new Error(`content/sectors/${sector}.mdx: its staff briefing prints on ${sheets} pages, not one. Shorten or remove some signs or actions.`);
            }
          }
        } finally {
          await browser.close();
        }
        logger.info(`Printed ${pages.length} staff briefings to PDF in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      },
    },
  };
}

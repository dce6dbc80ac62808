// Indexes the built HTML with Pagefind once Astro has written it, the way Starlight does: the hook's
// `dir` is the client output folder with any adapter, so the index always lands beside the pages.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { easyReadRecords, type EasyReadSearch } from './search-easy-read.ts';

const UNUSED_UI_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js',
];

/**
 * Builds the search index into `<client dir>/pagefind/` after every `astro build`, with the English
 * Easy Read pages filed in every language's index too (./search-easy-read.ts).
 */
export function pagefindIntegration(easyRead: EasyReadSearch): AstroIntegration {
  return {
    name: 'see-the-signs:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length) throw new Error(`Pagefind could not index: ${added.errors.join('; ')}`);
          for (const record of easyReadRecords(fileURLToPath(dir), easyRead)) {
            const filed = await index.addHTMLFile(record);
            if (filed.errors.length) throw new Error(`Pagefind could not index ${record.url} for another language: ${filed.errors.join('; ')}`);
          }
          const outputPath = fileURLToPath(new URL('./pagefind/', dir));
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          // The search page uses Pagefind's API (src/scripts/search.ts), not its ready-made UIs:
          // 400 kB that no page loads, left out of every deployment.
          await Promise.all(UNUSED_UI_FILES.map((name) => rm(`${outputPath}${name}`, { force: true })));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Indexed ${added.page_count} pages for search in ${seconds} s.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

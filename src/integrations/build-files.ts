// Files a prerendered route writes besides its own response, at build time only. At 10,000 services
// the directory's one-file-per-service export (/directory/services/<id>.json) was 10,000 routes of
// its own, each with Astro's whole per-route round (request, middleware, response, folder, file,
// log line): 9 s of a 53 s prerender, for files that /directory/services.json's route has every
// byte of anyway. That route now hands them here (src/pages/directory/services.json.ts), and this
// writes them into the client folder once the build is done, before compression and the stamp.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { TEXT_TYPES } from './precompress.ts';
import { offerFile } from './rendered-pages.ts';

/** Where a route hands a file over: its path in the site ("directory/services/x.json") and its text. */
export type BuildFiles = (path: string, text: string) => void;

// The same symbol as the routes use, without bundling this build code into them.
const SINK = Symbol.for('see-the-signs:build-files');

export function buildFilesIntegration(): AstroIntegration {
  const files = new Map<string, string>();
  return {
    name: 'see-the-signs:build-files',
    hooks: {
      'astro:build:start': () => {
        const encoder = new TextEncoder();
        (globalThis as Record<symbol, BuildFiles | undefined>)[SINK] = (path, text) => {
          files.set(path, text);
          // Compressed while the rest of the site renders, as a route's response would be.
          offerFile({ pathname: `/${path}`, type: TEXT_TYPES[extname(path)] ?? '', body: encoder.encode(text) });
        };
      },
      'astro:build:done': ({ dir, logger }) => {
        delete (globalThis as Record<symbol, unknown>)[SINK];
        const client = fileURLToPath(dir);
        const made = new Set<string>();
        for (const [path, text] of files) {
          const file = join(client, path);
          if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
          made.add(dirname(file));
          writeFileSync(file, text);
        }
        if (files.size) logger.info(`Wrote ${files.size} files handed over by the routes (one per service in directory/services/).`);
      },
    },
  };
}

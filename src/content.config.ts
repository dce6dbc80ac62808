// Every kind of content the kit holds, built from the list in src/schemas/collections.ts. Editors
// change files under `content/`; a file that does not match its schema stops the build (and shows in
// the browser under `npm run dev`) with the file, the line, the field and how to fix it.
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { contentDir } from './lib/content-dir.ts';
import { checkSource, parseSource, readSource } from './lib/content-files.ts';
import { noteContentMistake } from './lib/dev-errors.ts';
import { COLLECTIONS, type CollectionSource } from './schemas/collections.ts';

const root = contentDir();

/**
 * Astro's own loader, with every entry checked first by src/lib/plain-errors.ts: Astro's messages
 * ("end: Expected type date, received object") name the field but not the fix. A broken YAML file
 * stops the build too, where Astro's file loader would log it and carry on with nothing.
 */
function checked(source: CollectionSource, inner: Loader): Loader {
  return {
    name: inner.name,
    load: async (context) => {
      if ('file' in source) parseSource(readSource(resolve(root, source.file)));
      return inner.load({
        ...context,
        parseData: async (props) => {
          if (props.filePath) {
            const filePath = resolve(props.filePath);
            // Checks the entry as Astro read it, or (fresh) as the file says now.
            const check = (fresh: boolean) => {
              const text = readSource(filePath);
              if (!('file' in source)) return void checkSource(source.schema, text, fresh ? parseSource(text) : props.data);
              // In a YAML list the entry is the item with its id; in a YAML map, the value under its key.
              const all = parseSource(text) as Record<string, unknown> | { id?: unknown }[];
              const index = Array.isArray(all) ? all.findIndex((item) => String(item?.id) === props.id) : -1;
              const data = fresh ? (Array.isArray(all) ? all[index] : all[props.id]) : props.data;
              if (data !== undefined) checkSource(source.schema, text, data, { prefix: () => [Array.isArray(all) ? index : props.id], what: `the entry "${props.id}"` });
            };
            try {
              check(false);
            } catch (error) {
              // The editing server shows it in the browser until the file is fixed.
              noteContentMistake(`${filePath}#${props.id}`, () => check(true));
              throw error;
            }
          }
          return context.parseData(props);
        },
      });
    },
  };
}

function collection<S extends z.ZodType>(source: CollectionSource<S>) {
  const loader = 'file' in source
    ? file(`${root}/${source.file}`)
    : glob({ base: `${root}/${source.folder}`, pattern: source.pattern });
  return defineCollection({ loader: checked(source, loader), schema: source.schema });
}

export const collections = {
  campaigns: collection(COLLECTIONS.campaigns),
  signs: collection(COLLECTIONS.signs),
  nextSteps: collection(COLLECTIONS.nextSteps),
  checkerAudiences: collection(COLLECTIONS.checkerAudiences),
  glossary: collection(COLLECTIONS.glossary),
  law: collection(COLLECTIONS.law),
  services: collection(COLLECTIONS.services),
  pages: collection(COLLECTIONS.pages),
  translatedPages: collection(COLLECTIONS.translatedPages),
  easyRead: collection(COLLECTIONS.easyRead),
  sectors: collection(COLLECTIONS.sectors),
  figures: collection(COLLECTIONS.figures),
  metrics: collection(COLLECTIONS.metrics),
};

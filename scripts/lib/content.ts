// Reads content files the way an editor wrote them (with the site's own reader, so a byte-order mark
// or a quoted hashtag reads the same): for tests that check facts and wording, and for scripts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource, readSource } from '../../src/lib/content-files.ts';

export interface ContentFile {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** Every Markdown or MDX file in a content folder and the folders inside it, with its frontmatter parsed. */
export function readMdx(folder: string): ContentFile[] {
  return (readdirSync(join('content', folder), { recursive: true }) as string[])
    .filter((f) => /\.mdx?$/.test(f) && !/(^|\/)_/.test(f))
    .sort()
    .map((f) => {
      const file = join('content', folder, f);
      const source = readSource(file);
      return { file, data: parseSource(source) as Record<string, unknown>, body: source.body ?? '' };
    });
}

export function readYaml<T>(file: string): T {
  return parseSource(readSource(file)) as T;
}

// Reads content files the way an editor wrote them: for tests that check facts and wording, and for
// scripts that make things from content (posters).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export interface ContentFile {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** Every Markdown or MDX file in a content folder, with its frontmatter parsed. */
export function readMdx(folder: string): ContentFile[] {
  return readdirSync(join('content', folder))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => {
      const file = join('content', folder, f);
      const text = readFileSync(file, 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text)!;
      return { file, data: yaml.load(match[1]!) as Record<string, unknown>, body: match[2]! };
    });
}

export function readYaml<T>(file: string): T {
  return yaml.load(readFileSync(file, 'utf8')) as T;
}

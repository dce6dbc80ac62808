// Easy Read: the picture list, the glossary and the words of each point. BUILD-TIME ONLY (reads
// content/easy-read/ and the OpenMoji package).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { contentDir } from './content-dir.ts';
import { formatIssues } from './format-issues.ts';
import { GlossarySchema, PicturesSchema } from '../schemas/easy-read.ts';

const require = createRequire(import.meta.url);

function load<T>(name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
  const file = join(contentDir(), 'easy-read', name);
  const result = schema.safeParse(yaml.load(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(formatIssues(file, result.error.issues));
  return result.data;
}

export const loadPictures = () => load('pictures.yaml', PicturesSchema);
export const loadGlossary = () => load('glossary.yaml', GlossarySchema);

interface OpenMojiEntry { hexcode: string; annotation: string; openmoji_author: string; openmoji_date: string }
let openmoji: Map<string, OpenMojiEntry> | undefined;

/** A picture's SVG file in the installed set, and who drew it (for the credits). */
export function pictureSource(code: string): { file: string; author: string; name: string; date: string } {
  openmoji ??= new Map((require('openmoji/data/openmoji.json') as OpenMojiEntry[]).map((e) => [e.hexcode, e]));
  const entry = openmoji.get(code);
  if (!entry) throw new Error(`content/easy-read/pictures.yaml: ${code} is not a picture in OpenMoji`);
  return { file: require.resolve(`openmoji/color/svg/${code}.svg`), author: entry.openmoji_author, name: entry.annotation, date: entry.openmoji_date };
}

/** The sentences of a point's text, for the 15-word rule ("{emergency}" counts as one word). */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const wordCount = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}{]/u.test(w)).length;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A point's words as HTML: [links](/path/) and the numbers named in braces ({emergency}, {police},
 * or a service's id such as {childline}) as numbers a phone can call, left to right on any page.
 */
export function pointHtml(text: string, numbers: Record<string, string>): string {
  return escape(text)
    .replace(/\[([^\]]+)\]\((\/[^)\s]*)\)/g, '<a href="$2">$1</a>')
    .replace(/\{([\w-]+)\}/g, (_, name: string) => {
      const number = numbers[name];
      if (!number) throw new Error(`content/easy-read: {${name}} is not a number the site knows (use emergency, police or a service's file name)`);
      return `<a href="tel:${number.replace(/\s+/g, '')}" class="phone-link"><bdi dir="ltr">${number}</bdi></a>`;
    });
}

// Easy Read: the picture list, the glossary and the words of each point. BUILD-TIME ONLY (reads
// content/easy-read/ and the OpenMoji package).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { contentDir } from './content-dir.ts';
import { loadYamlFile } from './content-files.ts';
import { formatDays, formatTime } from './opening-hours.ts';
import { SETTINGS } from '../schemas/collections.ts';
import type { OpeningHoursSchema } from '../schemas/service.ts';

const require = createRequire(import.meta.url);

// Checked as every content file is: a mistake names the file, the line, the field and the fix.
export const loadPictures = () => loadYamlFile(join(contentDir(), SETTINGS.easyReadPictures.file), SETTINGS.easyReadPictures.schema);
export const loadGlossary = () => loadYamlFile(join(contentDir(), SETTINGS.easyReadGlossary.file), SETTINGS.easyReadGlossary.schema);

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
 * When the safeguarding team reads reports (content/partnership.yaml's reportsRead), in Easy Read:
 * a short sentence for each set of days and times, then one for bank holidays. {reportsRead} puts
 * them in a point, so the Easy Read page says the same hours as the report form.
 */
export function reportsReadSentences(hours: z.infer<typeof OpeningHoursSchema>): string {
  if (hours.alwaysOpen) return 'We read reports at any time of the day or night.';
  const sentences = hours.weekly.map((slot) => `We read reports ${formatDays(slot.days)}, ${formatTime(slot.opens)} to ${formatTime(slot.closes)}.`);
  if (!sentences.length) sentences.push('We have not said when we read reports.');
  if (hours.bankHolidays === 'closed') sentences.push('We do not read reports on bank holidays.');
  if (hours.note) sentences.push(hours.note);
  return sentences.join(' ');
}

/**
 * A point's words as HTML: [links](/path/), the numbers named in braces ({emergency}, {police},
 * or a service's id such as {childline}) as numbers a phone can call, left to right on any page, and
 * the sentences named in braces (`said`: {reportsRead}) as they are.
 */
export function pointHtml(text: string, numbers: Record<string, string>, said: Record<string, string> = {}): string {
  return escape(text)
    .replace(/\[([^\]]+)\]\((\/[^)\s]*)\)/g, '<a href="$2">$1</a>')
    .replace(/\{([\w-]+)\}/g, (_, name: string) => {
      if (said[name] !== undefined) return escape(said[name]);
      const number = numbers[name];
      if (!number) throw new Error(`content/easy-read: {${name}} is not a number or sentence the site knows (use emergency, police, a service's file name, or reportsRead)`);
      return `<a href="tel:${number.replace(/\s+/g, '')}" class="phone-link"><bdi dir="ltr">${number}</bdi></a>`;
    });
}

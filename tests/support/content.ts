// Reads content files the way an editor wrote them, for tests that check facts and wording.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource, readSource } from '../../src/lib/content-files.ts';

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
      const source = readSource(file);
      return { file, data: parseSource(source) as Record<string, unknown>, body: source.body ?? '' };
    });
}

export function readYaml<T>(file: string): T {
  return parseSource(readSource(file)) as T;
}

/** A service a test needs by what it is, not by the demo's name: its id (file name) and name. */
export interface FoundService {
  id: string;
  name: string;
}

/** The first service (by file name) that matches, or undefined when the content has none. */
export function findService(match: (data: Record<string, unknown>) => boolean): FoundService | undefined {
  const found = readMdx('services').sort((a, b) => a.file.localeCompare(b.file)).find((s) => match(s.data));
  return found && { id: found.file.replace(/^.*\//, '').replace(/\.mdx?$/, ''), name: String(found.data.name) };
}

interface Channel {
  type: string;
  hours?: { alwaysOpen?: boolean; weekly?: { days: string[]; opens: string; closes: string }[]; bankHolidays?: string };
}

/**
 * A service whose first line is answered Monday to Friday, 9am to 5pm, and closed on bank holidays:
 * the kind of local service "open now" tests need. A new partnership's site has one once it adds
 * its local services; until then, the tests that need it are skipped and say why.
 */
export function weekdayService(): FoundService | undefined {
  return findService((s) => {
    const hours = (s.channels as Channel[])[0]?.hours;
    const slot = hours?.weekly?.length === 1 ? hours.weekly[0]! : undefined;
    return !!slot && slot.days.join() === 'mon,tue,wed,thu,fri' && slot.opens === '09:00' && slot.closes === '17:00' && hours!.bankHolidays === 'closed';
  });
}

export const NO_WEEKDAY_SERVICE = 'content/services has no service answered Monday to Friday, 9am to 5pm, closed on bank holidays';

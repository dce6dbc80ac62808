// Finds content a test needs by what it is, not by the demo's name, so the tests pass on any
// partnership's content.
import { readMdx } from '../../scripts/lib/content.ts';

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

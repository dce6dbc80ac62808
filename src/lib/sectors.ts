// The sectors in their order, for the /businesses/ list and the sector pages.
import { getCollection } from 'astro:content';

export async function loadSectors() {
  return (await getCollection('sectors')).sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'en-GB'));
}

/** "Checked 22 November 2026" style date, in UK time. */
export const ukDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

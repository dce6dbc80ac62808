// The service directory's data, loaded once per build for the finder, its filtered pages and exports.
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from './content-dir.ts';
import { loadYamlFile } from './content-files.ts';
import { SETTINGS } from '../schemas/collections.ts';
import type { BankHolidayChanges } from './bank-holidays.ts';

export async function loadServices() {
  return (await getCollection('services')).sort((a, b) => Number(a.data.demo) - Number(b.data.demo) || a.data.name.localeCompare(b.data.name, 'en-GB'));
}

/** The announced changes to the usual bank holidays (the usual ones are worked out in the browser). */
export function loadBankHolidays(): BankHolidayChanges {
  const { extra, moved } = loadYamlFile(join(contentDir(), SETTINGS.bankHolidays.file), SETTINGS.bankHolidays.schema);
  return { extra, moved };
}

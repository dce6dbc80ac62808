// The service directory's data, loaded once per build for the finder, its filtered pages and exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import yaml from 'js-yaml';
import { contentDir } from './content-dir.ts';
import { formatIssues } from './format-issues.ts';
import { BankHolidaysSchema } from '../schemas/service.ts';

// One collator for every comparison: a locale given to localeCompare makes a new one each call.
const byName = new Intl.Collator('en-GB');

export async function loadServices() {
  return (await getCollection('services')).sort((a, b) => Number(a.data.demo) - Number(b.data.demo) || byName.compare(a.data.name, b.data.name));
}

/** Bank holiday dates; a mistake names the file and the field, like every other content file. */
export function loadBankHolidays(): string[] {
  const file = join(contentDir(), 'bank-holidays.yaml');
  const result = BankHolidaysSchema.safeParse(yaml.load(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(formatIssues(file, result.error.issues));
  return result.data.dates;
}

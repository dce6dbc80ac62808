// The service directory's data, loaded once per build for the finder, its filtered pages and exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import yaml from 'js-yaml';
import { contentDir } from './content-dir.ts';
import { formatIssues } from './format-issues.ts';
import { HelpGroupSchema } from '../schemas/help-group.ts';
import { BankHolidaysSchema } from '../schemas/service.ts';

export async function loadServices() {
  return (await getCollection('services')).sort((a, b) => Number(a.data.demo) - Number(b.data.demo) || a.data.name.localeCompare(b.data.name, 'en-GB'));
}

/** Bank holiday dates; a mistake names the file and the field, like every other content file. */
export function loadBankHolidays(): string[] {
  const file = join(contentDir(), 'bank-holidays.yaml');
  const result = BankHolidaysSchema.safeParse(yaml.load(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(formatIssues(file, result.error.issues));
  return result.data.dates;
}

/**
 * The services in their /help/ groups, in order; services in no group follow under "More services",
 * so adding a service can never hide it. A group naming a service that does not exist stops the build.
 */
export async function loadHelpGroups() {
  const file = join(contentDir(), 'help-groups.yaml');
  // Read directly, not as a collection, so the groups keep the order they are written in.
  const parsed = HelpGroupSchema.array().safeParse(yaml.load(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(formatIssues(file, parsed.error.issues));
  const services = await loadServices();
  const byId = new Map(services.map((s) => [s.id, s]));
  const placed = new Set<string>();
  const result = parsed.data.map((data) => ({
    ...data,
    entries: data.services.map((id) => {
      const entry = byId.get(id);
      if (!entry) throw new Error(`content/help-groups.yaml: group "${data.id}" lists "${id}", but there is no content/services/${id}.md`);
      placed.add(id);
      return entry;
    }),
  }));
  const rest = services.filter((s) => !placed.has(s.id));
  if (rest.length) result.push({ id: 'other', title: 'More services', intro: 'Other services that can help.', services: rest.map((s) => s.id), entries: rest });
  return result;
}

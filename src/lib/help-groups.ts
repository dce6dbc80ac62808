// The /help/ page's groups (content/help-groups.yaml), read when the page is built. Kept apart from
// directory.ts, which pages rendered on request also use and which must not read files.
import { join } from 'node:path';
import { loadServices } from './directory.ts';
import { contentDir } from './content-dir.ts';
import { loadYamlFile } from './content-files.ts';
import { SETTINGS } from '../schemas/collections.ts';
import { OTHER_GROUP } from '../schemas/help-group.ts';

/**
 * The services in their /help/ groups, in order; services in no group follow under "More services",
 * so adding a service can never hide it. A group naming a service that does not exist stops the build.
 */
export async function loadHelpGroups() {
  // Read as a settings file, not a collection, so the groups keep the order they are written in.
  const groups = loadYamlFile(join(contentDir(), SETTINGS.helpGroups.file), SETTINGS.helpGroups.schema);
  const services = await loadServices();
  const byId = new Map(services.map((s) => [s.id, s]));
  const placed = new Set<string>();
  const result = groups.map((data) => ({
    ...data,
    entries: data.services.map((id) => {
      const entry = byId.get(id);
      if (!entry) throw new Error(`content/help-groups.yaml: group "${data.id}" lists "${id}", but there is no content/services/${id}.md`);
      placed.add(id);
      return entry;
    }),
  }));
  const rest = services.filter((s) => !placed.has(s.id));
  if (rest.length) result.push({ ...OTHER_GROUP, services: rest.map((s) => s.id), entries: rest });
  return result;
}

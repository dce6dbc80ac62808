// The service directory's data, loaded once per build for the finder, its filtered pages and exports.
// (Bank holidays come from `virtual:see-the-signs/bank-holidays`, so request-time pages need no files.)
import { getCollection } from 'astro:content';

// One collator for every comparison: a locale given to localeCompare makes a new one each call.
const byName = new Intl.Collator('en-GB');

export async function loadServices() {
  return (await getCollection('services')).sort((a, b) => Number(a.data.demo) - Number(b.data.demo) || byName.compare(a.data.name, b.data.name));
}

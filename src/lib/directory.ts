// The service directory's data, loaded once per build for the finder, its filtered pages and exports.
// (Bank holidays come from `virtual:see-the-signs/bank-holidays`, so request-time pages need no files.)
import { getCollection } from 'astro:content';

export async function loadServices() {
  return (await getCollection('services')).sort((a, b) => Number(a.data.demo) - Number(b.data.demo) || a.data.name.localeCompare(b.data.name, 'en-GB'));
}

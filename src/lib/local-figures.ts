// Loads the published figures and their definitions, checked against each other.
import { getCollection } from 'astro:content';
import { checkMetrics } from './figures.ts';

export async function loadFigures() {
  const [entries, metricEntries] = await Promise.all([getCollection('figures'), getCollection('metrics')]);
  const metrics = metricEntries.map((e) => e.data);
  checkMetrics(entries, metrics);
  const periods = entries.map((e) => e.data).sort((a, b) => a.period.localeCompare(b.period));
  return { metrics, periods, demo: periods.some((p) => p.demo) };
}

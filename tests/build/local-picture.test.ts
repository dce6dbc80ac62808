// The built local-picture pages: every chart has a title, and every table shows the data.
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { expect, test } from 'vitest';
import { displayValue, monthName } from '../../src/lib/figures.ts';
import { FigurePeriodSchema, MetricSchema } from '../../src/schemas/figure.ts';

const metrics = (yaml.load(readFileSync('content/figures/metrics.yaml', 'utf8')) as unknown[]).map((m) => MetricSchema.parse(m));
const periods = readdirSync('content/figures').filter((f) => /^\d{4}-\d{2}\.yaml$/.test(f)).map((f) => FigurePeriodSchema.parse(yaml.load(readFileSync(`content/figures/${f}`, 'utf8'))));

test('every published month has a figure for every measure (the demo has a year of them)', () => {
  if (periods.some((p) => p.demo)) expect(periods.length).toBeGreaterThanOrEqual(12);
  for (const p of periods) expect(p.values.map((v) => v.metric).sort()).toEqual(metrics.map((m) => m.id).sort());
});

for (const metric of metrics) {
  test(`/local-picture/${metric.id}/ has a titled chart and a table that matches the data`, () => {
    const html = readFileSync(`dist/client/local-picture/${metric.id}/index.html`, 'utf8');
    const svg = html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[\s\S]*?<\/svg>/);
    expect(svg, 'an SVG chart with role=img').not.toBeNull();
    const title = svg![0].match(new RegExp(`<title id="${svg![1]}"[^>]*>([^<]*)</title>`))?.[1]?.replace(/&amp;/g, '&');
    expect(title).toContain(metric.title);
    const rows = [...html.matchAll(/<tr[^>]*><th scope="row"[^>]*>([^<]+)<\/th><td[^>]*>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    const expected = [...periods].sort((a, b) => a.period.localeCompare(b.period)).map((p) => [monthName(p.period), displayValue(metric, p.values.find((v) => v.metric === metric.id)?.value)]);
    expect(rows).toEqual(expected);
    if (metric.sensitive) expect(rows.every(([, v]) => v === 'fewer than 5' || Number(v) >= 5)).toBe(true);
  });
}

test('the CSV download has every month and metric', () => {
  const csv = readFileSync('dist/client/local-picture/figures.csv', 'utf8').trim().split('\n');
  const mainRows = csv.slice(1).filter((line) => line.split(',')[3] === '');
  expect(mainRows).toHaveLength(periods.length * metrics.length);
});

import { describe, expect, test } from 'vitest';
import { changeFrom, checkMetrics, displayValue, figuresCsv, latestBreakdown, seriesFor, SUPPRESSED_TEXT } from '../../src/lib/figures.ts';
import { FigurePeriodSchema, type FigurePeriod, type Metric } from '../../src/schemas/figure.ts';

const children: Metric = { id: 'children', title: 'Children identified', definition: 'Children identified as at risk this month.', source: 'Children’s services', sensitive: true };
const arrests: Metric = { id: 'arrests', title: 'Arrests', definition: 'Arrests linked to county lines this month.', source: 'Police', sensitive: false };
const month = (period: string, values: FigurePeriod['values']): FigurePeriod => ({ period, demo: true, values });
const periods = [
  month('2026-08', [{ metric: 'children', value: 7 }, { metric: 'arrests', value: 3 }]),
  month('2026-10', [{ metric: 'children', value: 2 }, { metric: 'arrests', value: 4, breakdown: [{ label: 'London', value: 3 }, { label: 'Local', value: 1 }] }]),
  month('2026-09', [{ metric: 'children', value: 0 }, { metric: 'arrests', value: 4 }]),
];

describe('small numbers about children are never shown exactly', () => {
  test('on the page', () => {
    expect(displayValue(children, 4)).toBe(SUPPRESSED_TEXT);
    expect(displayValue(children, 0)).toBe('fewer than 5');
    expect(displayValue(children, 5)).toBe('5');
    expect(displayValue(arrests, 1)).toBe('1');
  });
  test('in a series, where a hidden month has no value to plot', () => {
    expect(seriesFor(children, periods)).toEqual([
      { period: '2026-08', value: 7, text: '7' },
      { period: '2026-09', value: null, text: 'fewer than 5' },
      { period: '2026-10', value: null, text: 'fewer than 5' },
    ]);
  });
  test('in the change from last month', () => {
    expect(changeFrom(seriesFor(children, periods))).toEqual({ direction: 'unknown', words: 'Not compared with September 2026: small numbers are not shown exactly.' });
    expect(changeFrom(seriesFor(arrests, periods))).toEqual({ direction: 'same', words: 'The same as September 2026.' });
    expect(changeFrom(seriesFor(arrests, periods.slice(0, 2)))).toEqual({ direction: 'up', words: 'Up 1 from 3 in August 2026.' });
  });
  test('in the CSV, breakdowns included', () => {
    const csv = figuresCsv([children, arrests], periods);
    expect(csv.split('\n')[0]).toBe('period,metric,title,part,group,value,crime_groups,source');
    expect(csv).toContain('2026-09,children,Children identified,,,<5,,');
    expect(csv).toContain('2026-08,children,Children identified,,,7,,');
    expect(csv).toContain('2026-10,arrests,Arrests,London,,3,,Police');
    expect(csv).not.toMatch(/children,Children identified,,,[0-4],/);
  });
});

describe('mistakes name the file and the row', () => {
  test('a metric that is not defined', () => {
    expect(() => checkMetrics([{ filePath: 'content/figures/2026-10.yaml', data: month('2026-10', [{ metric: 'arrests', value: 1 }, { metric: 'arrest', value: 2 }]) }], [arrests]))
      .toThrow('content/figures/2026-10.yaml: values → 2nd → metric: "arrest" is not a measure in content/figures/metrics.yaml. Did you mean arrests?');
  });
  test('a value that is not a whole number', () => {
    const result = FigurePeriodSchema.safeParse({ period: '2026-10', values: [{ metric: 'arrests', value: 1 }, { metric: 'arrests', value: 2.5 }] });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['values.1.value: must be a whole number']);
  });
  test('a period that is not a month', () => {
    expect(FigurePeriodSchema.safeParse({ period: 'October', values: [{ metric: 'a', value: 1 }] }).error?.issues[0]?.message).toBe('must be written as YYYY-MM, e.g. 2026-11');
  });
});

describe('the latest breakdown, part by part', () => {
  const lines: Metric = { id: 'lines', title: 'County lines', definition: 'Lines running into the town this month.', source: 'Police', sensitive: false };
  const kids: Metric = { ...children, id: 'kids' };
  const months = [
    month('2026-09', [{ metric: 'lines', value: 5, breakdown: [{ label: 'London', value: 3, crimeGroups: 2 }, { label: 'Local', value: 2 }] }, { metric: 'kids', value: 9, breakdown: [{ label: 'Here', value: 6 }, { label: 'Elsewhere', value: 3 }] }]),
    month('2026-10', [{ metric: 'lines', value: 6, breakdown: [{ label: 'London', value: 1, crimeGroups: 1 }, { label: 'Local', value: 2 }, { label: 'Leeds', value: 3, crimeGroups: 1 }] }, { metric: 'kids', value: 12, breakdown: [{ label: 'Here', value: 8 }, { label: 'Elsewhere', value: 4 }] }]),
  ];
  test('says how each place changed, and how many groups run its lines', () => {
    expect(latestBreakdown(lines, months)).toEqual({ period: '2026-10', rows: [
      { label: 'London', group: undefined, text: '1', crimeGroups: 1, change: 'Down 2' },
      { label: 'Local', group: undefined, text: '2', crimeGroups: undefined, change: 'Same' },
      { label: 'Leeds', group: undefined, text: '3', crimeGroups: 1, change: 'New this month' },
    ] });
  });
  test('never shows or compares small numbers about children', () => {
    const rows = latestBreakdown(kids, months)!.rows;
    expect(rows.map((r) => [r.text, r.change])).toEqual([['8', 'Up 2'], ['fewer than 5', 'Not compared (small numbers)']]);
  });
  test('has nothing to show for a metric without a breakdown', () => {
    expect(latestBreakdown(arrests, periods.slice(0, 1))).toBeUndefined();
  });
});

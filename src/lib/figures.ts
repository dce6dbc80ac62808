// The local picture's arithmetic: series, changes and the small-number rule. Children's counts
// under SUPPRESS_BELOW are never published exactly, on the page, in a chart or in the CSV.
import type { FigurePeriod, Metric } from '../schemas/figure.ts';
import { toCsv } from './csv.ts';
import { ContentError } from './content-files.ts';
import { didYouMean, fieldName } from './plain-errors.ts';
import { formatMonth } from './dates.ts';

export const SUPPRESS_BELOW = 5;
export const SUPPRESSED_TEXT = `fewer than ${SUPPRESS_BELOW}`;

export interface Point {
  period: string;
  /** The exact value, or null when it must not be shown (or was not published). */
  value: number | null;
  /** What to print: "12", "fewer than 5" or "not published". */
  text: string;
}

const isSuppressed = (metric: Metric, value: number) => metric.sensitive && value < SUPPRESS_BELOW;

/** What to print for a value of a metric. */
export function displayValue(metric: Metric, value: number | undefined): string {
  if (value === undefined) return 'not published';
  return isSuppressed(metric, value) ? SUPPRESSED_TEXT : value.toLocaleString('en-GB');
}

/** Every month for one metric, oldest first. */
export function seriesFor(metric: Metric, periods: readonly FigurePeriod[]): Point[] {
  return [...periods]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((p) => {
      const raw = p.values.find((v) => v.metric === metric.id)?.value;
      return { period: p.period, value: raw === undefined || isSuppressed(metric, raw) ? null : raw, text: displayValue(metric, raw) };
    });
}

/** "October 2026" */
export function monthName(period: string): string {
  return formatMonth(period);
}

/** The change from the month before, in words that do not rely on colour or an arrow. */
export function changeFrom(series: readonly Point[]): { direction: 'up' | 'down' | 'same' | 'unknown'; words: string } {
  const [previous, latest] = series.slice(-2);
  if (!previous || !latest) return { direction: 'unknown', words: 'No earlier month to compare with.' };
  if (latest.value === null || previous.value === null) {
    return { direction: 'unknown', words: `Not compared with ${monthName(previous.period)}: small numbers are not shown exactly.` };
  }
  const diff = latest.value - previous.value;
  if (diff === 0) return { direction: 'same', words: `The same as ${monthName(previous.period)}.` };
  return { direction: diff > 0 ? 'up' : 'down', words: `${diff > 0 ? 'Up' : 'Down'} ${Math.abs(diff)} from ${previous.value} in ${monthName(previous.period)}.` };
}

/** Every metric named in a month's file must be defined; the error names the file and the row. */
export function checkMetrics(entries: readonly { filePath?: string | undefined; data: FigurePeriod }[], metrics: readonly Metric[]): void {
  const known = new Set(metrics.map((m) => m.id));
  const problems = entries.flatMap((e) =>
    e.data.values.flatMap((v, row) =>
      known.has(v.metric) ? [] : [`${e.filePath ?? e.data.period}: ${fieldName(['values', row, 'metric'])}: "${v.metric}" is not a measure in content/figures/metrics.yaml${didYouMean(v.metric, [...known]) ? `. Did you mean ${didYouMean(v.metric, [...known])}?` : '. Add it there first.'}`]));
  if (problems.length) throw new ContentError(`The local figures have mistakes:\n${problems.join('\n')}`);
}

/** All figures as CSV, one row per month and metric (and per part of a breakdown), suppressed. */
export function figuresCsv(metrics: readonly Metric[], periods: readonly FigurePeriod[]): string {
  const rows = [['period', 'metric', 'title', 'part', 'group', 'value', 'source']];
  for (const p of [...periods].sort((a, b) => a.period.localeCompare(b.period))) {
    for (const v of p.values) {
      const m = metrics.find((x) => x.id === v.metric);
      if (!m) continue;
      const shown = (n: number) => (isSuppressed(m, n) ? `<${SUPPRESS_BELOW}` : String(n));
      rows.push([p.period, m.id, m.title, '', '', shown(v.value), m.source]);
      for (const part of v.breakdown ?? []) rows.push([p.period, m.id, m.title, part.label, part.group ?? '', shown(part.value), m.source]);
    }
  }
  return toCsv(rows);
}

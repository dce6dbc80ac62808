// The local picture's arithmetic: series, changes and the small-number rule. Children's counts
// under SUPPRESS_BELOW are never published exactly, on the page, in a chart or in the CSV; the reach
// page (src/reach/summary.ts) applies the same rule to every count it shows.
import type { FigurePeriod, Metric } from '../schemas/figure.ts';
import { toCsv } from './csv.ts';
import { ContentError } from './content-files.ts';
import { didYouMean, fieldName } from './plain-errors.ts';
import { formatMonth } from './dates.ts';

export const SUPPRESS_BELOW = 5;
export const SUPPRESSED_TEXT = `fewer than ${SUPPRESS_BELOW}`;

/** The small-number rule: a count below SUPPRESS_BELOW is never published exactly. */
export const isSmall = (count: number) => count < SUPPRESS_BELOW;
/** A count as a page prints it: "1,234", or "fewer than 5". */
export const countText = (count: number) => (isSmall(count) ? SUPPRESSED_TEXT : count.toLocaleString('en-GB'));
/** A count as a CSV cell holds it: "1234", or "<5". */
export const countCell = (count: number) => (isSmall(count) ? `<${SUPPRESS_BELOW}` : String(count));

export interface Point {
  period: string;
  /** The exact value, or null when it must not be shown (or was not published). */
  value: number | null;
  /** What to print: "12", "fewer than 5" or "not published". */
  text: string;
}

const isSuppressed = (metric: Metric, value: number) => metric.sensitive && isSmall(value);

/** What to print for a value of a metric. */
export function displayValue(metric: Metric, value: number | undefined): string {
  if (value === undefined) return 'not published';
  return metric.sensitive ? countText(value) : value.toLocaleString('en-GB');
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

/** One part of the latest month's breakdown, beside the same part the month before. */
export interface PartRow {
  label: string;
  /** The heading the part is grouped under, if any. */
  group?: string | undefined;
  /** The value as printed, with the small-number rule applied. */
  text: string;
  /** How many criminal groups run these lines, where recorded. */
  crimeGroups?: number | undefined;
  /** The change from the month before, in words: "Up 2", "Down 1", "Same", "New this month". */
  change: string;
}

/** The latest month's breakdown of a metric, each part compared with the month before. */
export function latestBreakdown(metric: Metric, periods: readonly FigurePeriod[]): { period: string; rows: PartRow[] } | undefined {
  const sorted = [...periods].sort((a, b) => a.period.localeCompare(b.period));
  const [previous, latest] = sorted.slice(-2);
  const parts = latest?.values.find((v) => v.metric === metric.id)?.breakdown;
  if (!latest || !parts?.length) return undefined;
  const before = previous?.values.find((v) => v.metric === metric.id)?.breakdown ?? [];
  const rows = parts.map((part): PartRow => {
    const old = before.find((b) => b.label === part.label);
    let change: string;
    if (!previous) change = 'No earlier month';
    else if (!old) change = 'New this month';
    else if (isSuppressed(metric, part.value) || isSuppressed(metric, old.value)) change = 'Not compared (small numbers)';
    else if (part.value === old.value) change = 'Same';
    else change = `${part.value > old.value ? 'Up' : 'Down'} ${Math.abs(part.value - old.value)}`;
    return { label: part.label, group: part.group, text: displayValue(metric, part.value), crimeGroups: part.crimeGroups, change };
  });
  return { period: latest.period, rows };
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
  const rows = [['period', 'metric', 'title', 'part', 'group', 'value', 'crime_groups', 'source']];
  for (const p of [...periods].sort((a, b) => a.period.localeCompare(b.period))) {
    for (const v of p.values) {
      const m = metrics.find((x) => x.id === v.metric);
      if (!m) continue;
      const shown = (n: number) => (m.sensitive ? countCell(n) : String(n));
      rows.push([p.period, m.id, m.title, '', '', shown(v.value), '', m.source]);
      for (const part of v.breakdown ?? []) rows.push([p.period, m.id, m.title, part.label, part.group ?? '', shown(part.value), part.crimeGroups === undefined ? '' : String(part.crimeGroups), m.source]);
    }
  }
  return toCsv(rows);
}

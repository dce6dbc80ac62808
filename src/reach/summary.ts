// What the reach page and /reach.csv show, worked out once from the month totals: the same rows in
// both, every count under the local picture's small-number rule (src/lib/figures.ts).
import { countCell, countText } from '../lib/figures.ts';
import { toCsv } from '../lib/csv.ts';
import type { MonthRow } from './counts.ts';
import { OTHER_ANSWER } from './heard.ts';
import { campaignPath } from './links.ts';

/** A campaign as the reach page names it. */
export interface ReachCampaign {
  id: string;
  title: string;
  shortLinks: readonly string[];
  sources: readonly { code: string; label: string }[];
}

/** The pages about warning signs, by path (without a language prefix), and their names. */
export const SIGNS_PAGES: Readonly<Record<string, string>> = {
  '/warning-signs/': 'Warning signs',
  '/check/': 'Check what you have noticed',
};

export const SECTIONS = {
  campaigns: 'Campaign pages opened',
  signs: 'Warning signs pages opened',
  pages: 'All pages opened',
  arrivals: 'Short links followed by source',
  reports: 'Reports received',
  heard: 'How people who sent a report heard about this site',
} as const;
export type Section = keyof typeof SECTIONS;

export interface ReachRow {
  section: Section;
  /** The page's path, the short link and source, or the answer: what the CSV's second column holds. */
  key: string;
  /** The rows it is shown among: a short link's campaign. */
  group?: string;
  name: string;
  count: number;
  /** The count as the page prints it ("fewer than 5" under the small-number rule). */
  text: string;
}

export interface ReachMonth {
  /** YYYY-MM. */
  month: string;
  rows: ReachRow[];
}

export interface SummaryOptions {
  campaigns: readonly ReachCampaign[];
  /** The site's language codes other than English, whose pages live under /<code>/. */
  languages?: readonly string[];
  /** The language names to add to a translated page's name ("Cymraeg"). */
  languageNames?: Readonly<Record<string, string>>;
}

/** "/cy/check/" -> ["cy", "/check/"]; "/check/" -> [undefined, "/check/"]. */
function splitLanguage(path: string, languages: readonly string[]): [string | undefined, string] {
  const match = /^\/([a-z]{2,3})(\/.*)$/.exec(path);
  return match && languages.includes(match[1]!) ? [match[1], match[2]!] : [undefined, path];
}

/** The rows for one month: every known thing (zero counts too, so months compare), then anything else counted. */
function monthRows(rows: readonly MonthRow[], options: SummaryOptions): ReachRow[] {
  const { campaigns, languages = [], languageNames = {} } = options;
  const out: ReachRow[] = [];
  const push = (section: Section, key: string, name: string, count: number, group?: string) =>
    out.push({ section, key, name, count, text: countText(count), ...(group ? { group } : {}) });
  const of = (kind: MonthRow['kind']) => rows.filter((r) => r.kind === kind);
  const views = of('view');
  const named = (name: string, language: string | undefined) => (language ? `${name} (${languageNames[language] ?? language})` : name);

  // Pages: each campaign's page and each signs page, in every language it was opened in.
  const pagesFor = (section: Section, bare: string, name: string) => {
    const seen = views.filter((r) => splitLanguage(r.subject, languages)[1] === bare);
    if (!seen.some((r) => r.subject === bare)) push(section, bare, name, 0);
    for (const r of seen.sort((a, b) => a.subject.localeCompare(b.subject))) push(section, r.subject, named(name, splitLanguage(r.subject, languages)[0]), r.count);
  };
  for (const c of campaigns) pagesFor('campaigns', campaignPath(c.id), c.title);
  for (const [path, name] of Object.entries(SIGNS_PAGES)) pagesFor('signs', path, name);
  push('pages', '', 'Every page on this site', views.reduce((sum, r) => sum + r.count, 0));

  // Arrivals: each short link with no source, then with each of its campaign's sources.
  const arrivals = new Map(of('arrival').map((r) => [r.subject, r.count]));
  for (const c of campaigns) {
    for (const link of c.shortLinks) {
      const key = link.toLowerCase();
      push('arrivals', key, 'The short link alone, or with a code not in the file', arrivals.get(key) ?? 0, c.title);
      arrivals.delete(key);
      for (const s of c.sources) {
        push('arrivals', `${key}/${s.code}`, s.label, arrivals.get(`${key}/${s.code}`) ?? 0, c.title);
        arrivals.delete(`${key}/${s.code}`);
      }
    }
  }
  // Links since taken out of the campaign files keep their counts, under their own names.
  for (const [key, count] of arrivals) push('arrivals', key, key, count, 'Short links no longer in a campaign file');

  push('reports', '', 'Reports received', of('report').reduce((sum, r) => sum + r.count, 0));
  const heard = new Map<string, number>();
  for (const r of of('heard')) {
    const answer = campaigns.some((c) => c.id === r.subject) ? r.subject : OTHER_ANSWER;
    heard.set(answer, (heard.get(answer) ?? 0) + r.count);
  }
  for (const c of campaigns) push('heard', c.id, c.title, heard.get(c.id) ?? 0);
  push('heard', OTHER_ANSWER, 'Another way', heard.get(OTHER_ANSWER) ?? 0);
  return out;
}

/** "2026-10" -> "2026-09". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Every month from `from` (or the first counted, if later) to `to`, newest first, each with the
 * same rows. Nothing counted at all: no months.
 */
export function reachMonths(rows: readonly MonthRow[], from: string, to: string, options: SummaryOptions): ReachMonth[] {
  if (rows.length === 0) return [];
  const first = rows.reduce((min, r) => (r.month < min ? r.month : min), to);
  const months: ReachMonth[] = [];
  for (let month = to; month >= (first > from ? first : from); month = previousMonth(month)) {
    months.push({ month, rows: monthRows(rows.filter((r) => r.month === month), options) });
  }
  return months;
}

/** The CSV: the page's rows, one line per row and month, oldest month first, counts under the small-number rule. */
export function reachCsv(months: readonly ReachMonth[]): string {
  const lines: string[][] = [['month', 'what', 'page or source', 'name', 'count']];
  for (const { month, rows } of [...months].reverse()) {
    for (const r of rows) lines.push([month, SECTIONS[r.section], r.key, r.group ? `${r.group}: ${r.name}` : r.name, countCell(r.count)]);
  }
  return toCsv(lines);
}

// Reads editors' files the way Astro does, checks them with plain-words errors, and finds the line
// each mistake is on. Used by the content collections (src/content.config.ts), the partnership
// settings, short links, scripts and tests, so every reader of content/ sees the same data.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import yaml from 'js-yaml';
import { CST, isMap, isSeq, Lexer, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { checkData, formatMistakes, type Mistake } from './plain-errors.ts';

/** The YAML an editor wrote: a whole .yaml file, or a Markdown file's frontmatter. */
export interface YamlSource {
  /** The file, relative to the project, as an editor would look for it. */
  file: string;
  /** The YAML text. */
  yaml: string;
  /** The line of the file the YAML text starts on. */
  firstLine: number;
  /** A Markdown file's body, after the frontmatter. */
  body?: string;
}

/** A content mistake: the message names the file, the line and the field, and says how to fix it. */
export class ContentError extends AstroError {
  constructor(message: string, location?: { file: string; line?: number | undefined }) {
    super(message, 'Fix the file as the message says and save it. Every field is described in docs/editing.md.');
    this.name = 'A content file needs fixing';
    // Astro's overlay (npm run dev) shows the editor's file at this line, not our code.
    if (location) (this as unknown as { loc: object }).loc = { file: location.file, line: location.line ?? 1, column: 1 };
    // The mistake is in a content file: a stack trace into the kit's code would only distract.
    this.stack = '';
  }
}

export const shownPath = (file: string) => relative(process.cwd(), file) || file;

/** Reads a .yaml file, or the frontmatter of a .md/.mdx file (a byte-order mark is fine). */
export function readSource(file: string): YamlSource {
  const text = readFileSync(file, 'utf8');
  const shown = shownPath(file);
  if (!/\.mdx?$/.test(file)) return { file: shown, yaml: text.replace(/^\uFEFF/, ''), firstLine: 1 };
  const { rawFrontmatter, content } = splitFrontmatter(text);
  const before = text.slice(0, text.indexOf(rawFrontmatter));
  return { file: shown, yaml: rawFrontmatter, firstLine: before.split('\n').length, body: content };
}

// Astro's own frontmatter pattern (astro/markdown's parseFrontmatter). That function also parses the
// YAML, which parseSource does when the data is wanted: the content collections read every file
// again only to place a mistake, and at 10,000 services parsing each twice was a second of the build.
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** A Markdown file's frontmatter text and the body after it, as parseFrontmatter splits them. */
function splitFrontmatter(text: string): { rawFrontmatter: string; content: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) return { rawFrontmatter: '', content: text };
  const [, delimiter, rawFrontmatter] = match as unknown as [string, string, string];
  return { rawFrontmatter, content: text.replace(`${delimiter}${rawFrontmatter}${delimiter}`, '') };
}

/** The data in the YAML, parsed as Astro parses it (YAML dates become dates). */
export function parseSource(source: YamlSource): unknown {
  try {
    return yaml.load(source.yaml) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const line = mark ? source.firstLine + mark.line : undefined;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new ContentError(
      `${source.file}${line ? `, line ${line}` : ''}: this is not valid YAML (${reason}). Check the line for a missing space after a colon, `
      + 'an unclosed quote, or a line indented differently from the lines around it. Text with a colon or # in it needs double quotes.',
    );
  }
}

/**
 * Trailing comments that look like hashtags: in YAML, " #" starts a comment, so
 * `shareText: Know the signs #SeeTheSigns` silently loses its hashtag. Each one is a mistake.
 */
export function hashtagComments(source: YamlSource): Mistake[] {
  if (!/[ \t]#[^\s#!]/.test(source.yaml)) return [];
  // A YAML file of many entries is checked once, not once per entry.
  if (lastComments?.yaml === source.yaml && lastComments.firstLine === source.firstLine) return lastComments.mistakes;
  const lines = source.yaml.split('\n');
  const mistakes: Mistake[] = [];
  let line = 0;
  let content = false;
  for (const token of new Lexer().lex(source.yaml)) {
    const type = CST.tokenType(token);
    if (type === 'newline') {
      line++;
      content = false;
      continue;
    }
    if (type === 'comment' && content && /^#[^\s#!]/.test(token)) {
      let keyLine = line;
      while (keyLine > 0 && !/^\s*(?:- )?[\w-]+:/.test(lines[keyLine]!)) keyLine--;
      const key = /^\s*(?:- )?([\w-]+):/.exec(lines[keyLine] ?? '')?.[1] ?? 'this line';
      mistakes.push({
        path: [key],
        line: source.firstLine + line,
        message: `"${token}" would be lost: in YAML a space followed by # starts a comment. Put the whole value in double quotes, e.g. ${key}: "… ${token}"`,
      });
    }
    if (type !== 'space' && type !== 'comment') content = true;
    line += (token.match(/\n/g) ?? []).length;
  }
  lastComments = { yaml: source.yaml, firstLine: source.firstLine, mistakes };
  return mistakes;
}
let lastComments: { yaml: string; firstLine: number; mistakes: Mistake[] } | undefined;

/** Finds the line each mistake is on (the key's line for a field that is there, else its parent's). */
export function addLines(source: YamlSource, mistakes: Mistake[], prefix: readonly (string | number)[] = []): Mistake[] {
  const counter = new LineCounter();
  const doc = parseDocument(source.yaml, { lineCounter: counter, keepSourceTokens: false });
  const lineAt = (offset: number) => source.firstLine + counter.linePos(offset).line - 1;
  return mistakes.map((m) => {
    if (m.line) return m;
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const key of [...prefix, ...m.path]) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) line = lineAt(keyRange[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item?.range) break;
        line = lineAt(item.range[0]);
        node = item;
      } else break;
    }
    return line ? { ...m, line } : m;
  });
}

/** Checks data from a source against a schema; throws a ContentError listing every mistake. */
export function checkSource<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
  data: unknown,
  /** prefix: where the data sits in the file (worked out only when there is a mistake to place). */
  options: { prefix?: () => (string | number)[]; what?: string } = {},
): z.output<S> {
  const comments = hashtagComments(source);
  const result = checkData(schema, data);
  const mistakes = [...comments, ...(result.success ? [] : result.mistakes)];
  if (!mistakes.length && result.success) return result.data;
  const where = options.what ? `${source.file} (${options.what})` : source.file;
  // In the order of the file; a field that is missing altogether has no line and comes last.
  const placed = addLines(source, mistakes, options.prefix?.()).sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  throw new ContentError(formatMistakes(where, placed), { file: resolve(source.file), line: placed.find((m) => m.line)?.line });
}

/** Reads and checks one whole YAML file, e.g. content/partnership.yaml. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const source = readSource(file);
  return checkSource(schema, source, parseSource(source));
}

/** Reads and checks one Markdown/MDX file's frontmatter; its body comes back too. */
export function loadMarkdownFile<S extends z.ZodType>(file: string, schema: S): { data: z.output<S>; body: string } {
  const source = readSource(file);
  return { data: checkSource(schema, source, parseSource(source)), body: source.body ?? '' };
}

// The one place a schema's complaint becomes a sentence a comms officer can act on: the file, the
// line, the field, what is wrong and how to fix it. Every content file, partnership.yaml and
// bank-holidays.yaml goes through here, so a field added to any schema gets the same errors free.
//
// A message written in the schema (`{ error: '…' }`) is kept; anything zod would have said in its
// own words ("Too small: expected string to have >=3 characters") is rewritten from the issue and
// the field's `.meta({ label, hint })`. Unknown fields are named with the nearest real one.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'astro/zod';

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;
type Meta = { label?: string; hint?: string; error?: string };

/** One mistake, ready to print. */
export interface Mistake {
  /** Where in the file: keys and list positions. */
  path: (string | number)[];
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** The line in the file, when it is known. */
  line?: number;
}

// zod's own wording is replaced; a schema's own message is kept. This marks "no message of its own".
const NO_MESSAGE = '\u0000';

const def = (s: Schema) => s._zod.def as unknown as Record<string, unknown> & { type: string };

function metaOf(s: Schema): Meta {
  return ((s as unknown as { meta?: () => Meta | undefined }).meta?.() ?? {}) as Meta;
}

/** The schema one level down, through wrappers (optional, default, pipes); meta is gathered on the way. */
function unwrap(s: Schema, meta: Meta[]): Schema {
  for (let i = 0; i < 20; i++) {
    meta.push(metaOf(s));
    const d = def(s);
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(d.type)) s = d.innerType as Schema;
    else if (d.type === 'pipe') s = def(d.in as Schema).type === 'transform' ? (d.out as Schema) : (d.in as Schema);
    else if (d.type === 'lazy') s = (d.getter as () => Schema)();
    else return s;
  }
  return s;
}

/** The option of a union that the data chose (by its discriminator), or the first object option. */
function pickOption(s: Schema, data: unknown): Schema | undefined {
  const d = def(s);
  const options = d.options as Schema[];
  const key = d.discriminator as string | undefined;
  if (key && data && typeof data === 'object') {
    const value = (data as Record<string, unknown>)[key];
    const chosen = options.find((o) => (o._zod as unknown as { propValues?: Record<string, Set<unknown>> }).propValues?.[key]?.has(value));
    if (chosen) return chosen;
  }
  return options.find((o) => def(unwrap(o, [])).type === 'object');
}

interface Located {
  schema?: Schema | undefined;
  meta: Meta;
  value: unknown;
}

/** The field's schema, meta and value at a path in the data. */
function locate(root: Schema, data: unknown, path: readonly PropertyKey[]): Located {
  let s: Schema | undefined = root;
  let value = data;
  let meta: Meta[] = [];
  for (const key of path) {
    if (!s) break;
    let inner = unwrap(s, []);
    if (def(inner).type === 'union') inner = unwrap(pickOption(inner, value) ?? inner, []);
    const d = def(inner);
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (d.type === 'object') s = (d.shape as Record<string, Schema>)[String(key)];
    else if (d.type === 'array') s = d.element as Schema;
    else if (d.type === 'record') s = d.valueType as Schema;
    else if (d.type === 'tuple') s = (d.items as Schema[])[Number(key)];
    else s = undefined;
    meta = [];
  }
  const inner = s ? unwrap(s, meta) : undefined;
  return { schema: inner, meta: Object.assign({}, ...meta.reverse()) as Meta, value };
}

/** The field names an object at this path accepts. */
function knownKeys(root: Schema, data: unknown, path: readonly PropertyKey[]): string[] {
  let { schema } = locate(root, data, path);
  if (schema && def(schema).type === 'union') schema = unwrap(pickOption(schema, locate(root, data, path).value) ?? schema, []);
  return schema && def(schema).type === 'object' ? Object.keys(def(schema).shape as object) : [];
}

/** The nearest word, if it is near enough to be a slip of the keyboard ("hashtg", "shortlinks"). */
export function didYouMean(word: string, choices: readonly string[]): string | undefined {
  if (!choices.length) return undefined;
  const lower = choices.map((c) => c.toLowerCase());
  const best = closest(word.toLowerCase(), lower);
  const near = distance(word.toLowerCase(), best) <= Math.max(1, Math.floor(word.length / 3));
  return near ? choices[lower.indexOf(best)] : undefined;
}

const plainType: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields, one per line',
  date: 'a date written as YYYY-MM-DD',
};

function described(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** zod's complaint in plain words, when the schema did not give its own. */
function generated(issue: Issue, at: Located): string {
  switch (issue.code) {
    case 'invalid_type':
      if (at.value === undefined) return 'is missing: add it';
      if (at.value === null) return 'is empty: fill it in, or remove the line if it is optional';
      return `should be ${plainType[issue.expected] ?? issue.expected}, but it is ${described(at.value)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return `is too short: write at least ${plural(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${plural(min, 'entry', 'entries')}`;
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `is too long: write at most ${plural(max, 'character')} (it has ${String(at.value ?? '').length})`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has too many entries: ${max} at most`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${max}`;
    }
    case 'invalid_value': {
      const choices = issue.values.map(String);
      const near = typeof at.value === 'string' ? didYouMean(at.value, choices) : undefined;
      return `must be ${choices.length === 1 ? choices[0] : `one of: ${choices.join(', ')}`}${near ? `. Did you mean ${near}?` : ''}`;
    }
    case 'invalid_format':
      return issue.format === 'email' ? 'must be an email address' : issue.format === 'url' ? 'must be a full web address, starting https://' : 'is not written the right way';
    case 'invalid_union':
      return 'is not written the right way';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not written the right way';
  }
}

const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** Each zod issue as a plain mistake at its field; unknown fields become one mistake each. */
export function explainIssues(root: Schema, data: unknown, issues: readonly Issue[]): Mistake[] {
  const mistakes: Mistake[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(root, data, issue.path);
      for (const key of issue.keys) {
        const near = didYouMean(key, known);
        mistakes.push({
          path: [...path, key],
          message: near
            ? `there is no field called "${key}". Did you mean "${near}"? Correct the spelling (capital letters matter).`
            : `there is no field called "${key}" here. Remove it, or use one of: ${known.join(', ')}.`,
        });
      }
      continue;
    }
    const at = locate(root, data, issue.path);
    // A field left out is "missing" whatever its own message says about its form.
    const missing = issue.code === 'invalid_type' && at.value === undefined;
    const own = !missing && issue.message !== NO_MESSAGE ? issue.message : at.meta.error;
    const guide = !own && at.meta.label && at.meta.hint && issue.code !== 'invalid_value' ? ` (${at.meta.label}: ${at.meta.hint})` : '';
    mistakes.push({ path, message: `${sentence(own ?? generated(issue, at))}${guide}` });
  }
  return mistakes;
}

/** Parses data; on failure, the plain mistakes instead of zod's issues. */
export function checkData<S extends z.ZodType>(schema: S, data: unknown): { success: true; data: z.output<S> } | { success: false; mistakes: Mistake[] } {
  const result = schema.safeParse(data, { error: () => NO_MESSAGE });
  if (result.success) return { success: true, data: result.data };
  return { success: false, mistakes: explainIssues(schema, data, result.error.issues) };
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** "channels → 2nd → value": list positions counted from 1, as a person counts. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? ordinal(p + 1) : p)).join(' → ') || '(the whole file)';
}

/** The mistakes in one file, one line each, for the terminal and the browser overlay. */
export function formatMistakes(file: string, mistakes: readonly Mistake[]): string {
  const lines = mistakes.map((m) => `  ${m.line ? `line ${m.line}, ` : ''}${fieldName(m.path)}: ${m.message}`);
  return `${file} has ${mistakes.length === 1 ? 'a mistake' : `${mistakes.length} mistakes`}:\n${lines.join('\n')}`;
}

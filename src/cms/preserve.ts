// Writes an edited entry back into its file changing only what the editor changed: every other
// byte — comments, quoting, flow lists, blank lines, key order, the MDX body — stays as it was.
// Decap's own YAML writer re-folds long lines, rewrites `[a, b]` as block lists and drops comments,
// so a one-word edit would rewrite the whole file and bury the real change in the review.
//
// How: the file's original text travels with the entry as a hidden field (SOURCE_KEY). On save,
// the new values are compared with the parsed original, node by node, and only the differing
// nodes' text ranges are replaced. The result is parsed again and must equal the new values; if
// it ever does not, the entry is written out whole (correct, only less tidy).
//
// THIS FILE RUNS IN THE BROWSER (bundled into /admin/cms.js) and in Node (tests, formatting), so it
// imports nothing but `yaml`.
import { Document, isCollection, isMap, isScalar, isSeq, parse, parseDocument, Scalar, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** The hidden field that carries a file's original text from load to save. Never written. */
export const SOURCE_KEY = '__source';
/**
 * The hidden field listing a YAML file's top-level keys, for telling a folder's entries apart from
 * other files beside them (src/cms/config.ts filters on it). Never written.
 */
export const KEYS_KEY = '__keys';

type Value = unknown;
type Edit = { from: number; to: number; text: string };

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false, indent: 2 } as const;

/** True for what an editor leaves behind when they clear a field. */
function isEmpty(value: Value): boolean {
  return value === undefined || value === null || value === '';
}

/** Deep equality over plain data (what YAML and the editor produce). */
export function sameData(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => !isEmpty((a as Record<string, Value>)[k]));
    const kb = Object.keys(b).filter((k) => !isEmpty((b as Record<string, Value>)[k]));
    return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, Value>)[k], (b as Record<string, Value>)[k]));
  }
  return false;
}

/** Drops cleared fields (an emptied optional field is absent, not an empty string). */
export function withoutEmpty(value: Value): Value {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(value)) if (!isEmpty(v) && k !== SOURCE_KEY && k !== KEYS_KEY) out[k] = withoutEmpty(v);
    return out;
  }
  return value;
}

/** A new document in the kit's house style: block maps, short scalar lists as `[a, b]`, no folding. */
export function stringifyYaml(value: Value): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString(STRINGIFY);
}

function isScalarValue(value: Value): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Parses one scalar as YAML would read it in this position. */
function readBack(text: string, inFlow: boolean): Value {
  try {
    return inFlow ? (parse(`[${text}]`) as Value[])[0] : (parse(`k: ${text}`) as Record<string, Value>).k;
  } catch {
    return Symbol('unreadable');
  }
}

/** A scalar's text, in its previous style where that still reads back as the same value. */
function scalarText(value: Value, previous: Scalar['type'] | undefined, inFlow: boolean, indent: number): string {
  if (typeof value === 'string' && value.includes('\n') && !inFlow) {
    const chomp = value.endsWith('\n\n') ? '+' : value.endsWith('\n') ? '' : '-';
    const body = value.replace(/\n+$/, '').split('\n').map((line) => (line ? ' '.repeat(indent) + line : '')).join('\n');
    return `|${chomp}\n${body}\n`;
  }
  const candidates: string[] = [];
  const plain = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string') {
    const single = `'${value.replace(/'/g, "''")}'`;
    const double = JSON.stringify(value);
    if (previous === 'QUOTE_SINGLE') candidates.push(single, double, plain);
    else if (previous === 'QUOTE_DOUBLE') candidates.push(double, single, plain);
    else candidates.push(plain, double);
  } else {
    candidates.push(plain);
  }
  for (const text of candidates) if (!text.includes('\n') && sameData(readBack(text, inFlow), value)) return text;
  return JSON.stringify(value);
}

/** Block text for a collection, its later lines indented to `indent`. */
function blockText(value: Value, indent: number): string {
  const text = stringifyYaml(value).replace(/\n$/, '');
  return text.split('\n').map((line, i) => (i === 0 || !line ? line : ' '.repeat(indent) + line)).join('\n');
}

/** Flow text for a collection inside `[…]` or `{…}`. */
function flowText(value: Value, padded: boolean): string {
  const pad = padded ? ' ' : '';
  if (Array.isArray(value)) return value.length ? `[${pad}${value.map((v) => flowText(v, padded)).join(', ')}${pad}]` : '[]';
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => !isEmpty(v));
    return entries.length ? `{${pad}${entries.map(([k, v]) => `${scalarText(k, undefined, true, 0)}: ${flowText(v, padded)}`).join(', ')}${pad}}` : '{}';
  }
  return scalarText(value, undefined, true, 0);
}

class Patcher {
  readonly edits: Edit[] = [];
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  lineStart(pos: number): number {
    return this.src.lastIndexOf('\n', pos - 1) + 1;
  }

  column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  /** The position just after the line that `pos` ends on (or inside). */
  afterLine(pos: number): number {
    if (pos > 0 && this.src[pos - 1] === '\n') return pos;
    const nl = this.src.indexOf('\n', pos);
    return nl === -1 ? this.src.length : nl + 1;
  }

  /** Only spaces between the start of the line and `pos`. */
  startsLine(pos: number): boolean {
    return /^ *$/.test(this.src.slice(this.lineStart(pos), pos));
  }

  /** Replaces a value that stands after `key:` (or `- `) with text for `value`. */
  replaceValue(node: Node, value: Value, indent: number, inFlow: boolean, allowBlock: boolean): void {
    const [start, end] = node.range!;
    const endsLine = this.src[end - 1] === '\n';
    let text: string;
    if (isScalarValue(value) || (Array.isArray(value) && value.every(isScalarValue)) || inFlow) {
      text = isScalarValue(value)
        ? scalarText(value, isScalar(node) ? node.type : undefined, inFlow, indent)
        : flowText(value, false);
    } else if (!allowBlock) {
      throw new Error('a block collection cannot go here');
    } else {
      // A block collection starts on its own line under its key.
      const isItemOfSeq = !this.startsLine(start) && /- *$/.test(this.src.slice(this.lineStart(start), start));
      if (isItemOfSeq) text = blockText(value, this.column(start));
      else text = `\n${' '.repeat(indent)}${blockText(value, indent)}`;
      // The text between `key:` and the old value (a space, or a newline and indentation) goes too.
      if (!isItemOfSeq) {
        let from = start;
        while (from > 0 && /[ \n]/.test(this.src[from - 1]!)) from--;
        this.edits.push({ from, to: end, text: text + (endsLine ? '\n' : '') });
        return;
      }
    }
    if (text.endsWith('\n') && !endsLine) text = text.slice(0, -1);
    if (!text.endsWith('\n') && endsLine) text += '\n';
    // A scalar replacing a block collection moves up onto the key's line.
    let from = start;
    if (isCollection(node) && !node.flow && !text.startsWith('\n')) {
      while (from > 0 && /[ \n]/.test(this.src[from - 1]!)) from--;
      text = ` ${text}`;
    }
    this.edits.push({ from, to: end, text });
  }

  /** Patches `node` (the original) so that it reads as `value`. */
  patch(node: Node, value: Value, indent: number, inFlow: boolean, order: string[] = []): void {
    if (sameData(node.toJSON(), value)) return;
    if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) return this.patchMap(node, value as Record<string, Value>, indent, inFlow || !!node.flow, order);
    if (isSeq(node) && Array.isArray(value)) return this.patchSeq(node, value, indent, inFlow || !!node.flow);
    if (isScalar(node) && isScalarValue(value)) {
      const [start, end] = node.range!;
      const wasBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      let text = scalarText(value, node.type, inFlow, indent);
      const isBlock = text.startsWith('|');
      if (wasBlock && !isBlock) text += '\n';
      if (!wasBlock && isBlock) {
        // A new multi-line value: end the old line where the scalar ended.
        text = text.replace(/\n$/, '');
      }
      this.edits.push({ from: start, to: end, text });
      return;
    }
    this.replaceValue(node, value, indent, inFlow, !inFlow);
  }

  patchMap(node: YAMLMap, value: Record<string, Value>, indent: number, inFlow: boolean, order: string[]): void {
    const pairs = node.items as Pair<Scalar, Node | null>[];
    // A key the file leaves empty on purpose ("reviewed: null") and the editor leaves empty stays.
    const keptEmpty = (p: Pair<Scalar, Node | null>) => isScalar(p.value) && isEmpty(p.value.value) && isEmpty(value[String(p.key.value)]);
    const oldKeys = pairs.filter((p) => !keptEmpty(p)).map((p) => String(p.key.value));
    const newKeys = Object.keys(value).filter((k) => !isEmpty(value[k]));
    const keysChanged = oldKeys.some((k) => !newKeys.includes(k)) || newKeys.some((k) => !oldKeys.includes(k));
    if (inFlow && keysChanged) {
      const [start, end] = node.range!;
      const padded = this.src[start + 1] === ' ';
      this.edits.push({ from: start, to: end, text: flowText(value, padded) });
      return;
    }
    const keyColumn = pairs.length ? this.column(pairs[0]!.key.range![0]) : indent;
    for (const pair of pairs) {
      const key = String(pair.key.value);
      if (keptEmpty(pair)) continue;
      if (!newKeys.includes(key)) {
        const from = this.lineStart(pair.key.range![0]);
        if (!this.startsLine(pair.key.range![0])) throw new Error('cannot remove the first key of a list item');
        const to = this.afterLine((pair.value ?? pair.key).range![2]);
        this.edits.push({ from, to, text: '' });
        continue;
      }
      if (pair.value === null) {
        this.edits.push({ from: pair.key.range![2], to: pair.key.range![2], text: `:${flowOrBlock(value[key], keyColumn + 2)}`.replace(/^::/, ':') });
        continue;
      }
      this.patch(pair.value, value[key], keyColumn + 2, inFlow);
    }
    // New keys go after the key before them in the editor's field order (else in data order).
    const added = newKeys.filter((k) => !oldKeys.includes(k));
    for (const key of added) {
      const sequence = order.length ? order.filter((k) => newKeys.includes(k)) : newKeys;
      const before = sequence.slice(0, Math.max(0, sequence.indexOf(key))).reverse().find((k) => oldKeys.includes(k));
      const line = `${' '.repeat(keyColumn)}${scalarText(key, undefined, false, 0)}:${flowOrBlock(value[key], keyColumn + 2)}\n`;
      if (before) {
        const pair = pairs[oldKeys.indexOf(before)]!;
        this.edits.push({ from: this.afterLine((pair.value ?? pair.key).range![2]), to: this.afterLine((pair.value ?? pair.key).range![2]), text: line });
      } else if (pairs.length && this.startsLine(pairs[0]!.key.range![0])) {
        const at = this.lineStart(pairs[0]!.key.range![0]);
        this.edits.push({ from: at, to: at, text: line });
      } else if (pairs.length) {
        const last = pairs[pairs.length - 1]!;
        const at = this.afterLine((last.value ?? last.key).range![2]);
        this.edits.push({ from: at, to: at, text: line });
      } else {
        throw new Error('cannot add a key to an empty map');
      }
    }
  }

  patchSeq(node: YAMLSeq, value: Value[], indent: number, inFlow: boolean): void {
    const items = node.items as Node[];
    if (inFlow && items.length !== value.length) {
      const [start, end] = node.range!;
      if (!value.every(isScalarValue) && !items.length) throw new Error('a list of objects replaces an empty flow list');
      this.edits.push({ from: start, to: end, text: flowText(value, this.src[start + 1] === ' ') });
      return;
    }
    if (value.length === 0) {
      // An emptied block list becomes `[]` on its key's line.
      this.replaceValue(node, value, indent, inFlow, true);
      return;
    }
    const shared = Math.min(items.length, value.length);
    for (let i = 0; i < shared; i++) {
      const item = items[i]!;
      this.patch(item, value[i], inFlow ? indent : this.column(item.range![0]), inFlow);
    }
    for (let i = shared; i < items.length; i++) {
      const item = items[i]!;
      this.edits.push({ from: this.lineStart(item.range![0]), to: this.afterLine(item.range![2]), text: '' });
    }
    if (value.length > items.length) {
      if (!items.length) throw new Error('cannot add to an empty block list');
      const last = items[items.length - 1]!;
      const dash = this.column(last.range![0]) - 2;
      const at = this.afterLine(last.range![2]);
      const lines = value.slice(items.length).map((v) => `${' '.repeat(dash)}- ${isScalarValue(v) ? scalarText(v, undefined, false, dash + 2) : blockText(v, dash + 2)}\n`);
      this.edits.push({ from: at, to: at, text: lines.join('') });
    }
  }

  apply(): string {
    const sorted = [...this.edits].sort((a, b) => b.from - a.from || b.to - a.to);
    let out = this.src;
    let limit = Infinity;
    for (const edit of sorted) {
      if (edit.to > limit) throw new Error('overlapping edits');
      out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
      limit = edit.from;
    }
    return out;
  }
}

/** `: value` on the key's line, or a newline and an indented block. */
function flowOrBlock(value: Value, indent: number): string {
  if (isScalarValue(value)) return ` ${scalarText(value, undefined, false, indent)}`.replace(/\n$/, '');
  if (Array.isArray(value) && value.length > 0 && value.every(isScalarValue)) return ` ${flowText(value, false)}`;
  return `\n${' '.repeat(indent)}${blockText(value, indent)}`;
}

/**
 * The YAML text for `value`, patched into `original` where there is one. `order` is the editor's
 * field order, used to place a field that was not in the file before.
 */
export function patchYaml(original: string | undefined, value: Value, order: string[] = []): string {
  const clean = withoutEmpty(value);
  if (original === undefined || original.trim() === '') return stringifyYaml(clean);
  const doc = parseDocument(original);
  if (doc.errors.length || !doc.contents) return stringifyYaml(clean);
  if (sameData(doc.toJSON(), clean)) return original;
  try {
    const patcher = new Patcher(original);
    patcher.patch(doc.contents as Node, clean, 0, false, order);
    const patched = patcher.apply();
    if (sameData(parse(patched), clean)) return patched;
  } catch {
    // Falls through to writing the whole entry.
  }
  return stringifyYaml(clean);
}

const FRONTMATTER = /^(---\r?\n)([\s\S]*?)(\r?\n---[ \t]*\r?\n?)(\r?\n)?/;

/** Splits an MDX or Markdown file into its frontmatter values and its body. */
export function readFrontmatter(text: string): Record<string, Value> {
  const match = FRONTMATTER.exec(text);
  if (!match) return { ...(text.trim() ? { body: text } : {}), [SOURCE_KEY]: text };
  const data = (parse(match[2]!) ?? {}) as Record<string, Value>;
  const body = text.slice(match[0].length);
  return { ...data, ...(body.trim() ? { body } : {}), [SOURCE_KEY]: text };
}

/** The file for `data` (frontmatter values and `body`), changing only what differs from its source. */
export function writeFrontmatter(data: Record<string, Value>, order: string[] = []): string {
  const { body = '', [SOURCE_KEY]: source, ...values } = data as { body?: string; [SOURCE_KEY]?: string } & Record<string, Value>;
  const match = typeof source === 'string' ? FRONTMATTER.exec(source) : null;
  if (!match) return `---\n${stringifyYaml(withoutEmpty(values))}---\n\n${body.replace(/\n*$/, '\n')}`;
  const [whole, open, yamlText, close, blank = ''] = match;
  const originalBody = source!.slice(whole.length);
  const frontmatter = patchYaml(`${yamlText}\n`, values, order.filter((k) => k !== 'body'));
  const newBody = body === originalBody || (body.trim() === '' && originalBody.trim() === '') ? originalBody : body.replace(/\n*$/, '\n');
  return `${open}${frontmatter.replace(/\n$/, '')}${close}${blank}${newBody}`;
}

/** A YAML data file whose top level is a map. */
export function readYamlMap(text: string): Record<string, Value> {
  const data = (parse(text) ?? {}) as Record<string, Value>;
  return { ...data, [SOURCE_KEY]: text, [KEYS_KEY]: Object.keys(data) };
}

export function writeYamlMap(data: Record<string, Value>, order: string[] = []): string {
  const { [SOURCE_KEY]: source, [KEYS_KEY]: _keys, ...values } = data;
  return patchYaml(typeof source === 'string' ? source : undefined, values, order);
}

/** The field a top-level YAML list is shown under in the editor (the editor only edits maps). */
export const LIST_FIELD = 'items';

/** A YAML data file whose top level is a list. */
export function readYamlList(text: string): Record<string, Value> {
  return { [LIST_FIELD]: (parse(text) ?? []) as Value[], [SOURCE_KEY]: text };
}

export function writeYamlList(data: Record<string, Value>): string {
  const source = data[SOURCE_KEY];
  return patchYaml(typeof source === 'string' ? source : undefined, data[LIST_FIELD] ?? []);
}

/** Any YAML data file: a top-level list is shown as one list field, LIST_FIELD. */
export function readYaml(text: string): Record<string, Value> {
  return Array.isArray(parse(text)) ? readYamlList(text) : readYamlMap(text);
}

export function writeYaml(data: Record<string, Value>, order: string[] = []): string {
  const source = data[SOURCE_KEY];
  const listRoot = typeof source === 'string' ? Array.isArray(parse(source)) : Object.keys(data).every((k) => k === LIST_FIELD || k === SOURCE_KEY || k === KEYS_KEY);
  return listRoot ? writeYamlList(data) : writeYamlMap(data, order);
}

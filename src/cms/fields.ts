// Turns a zod schema into the content editor's fields: label and hint from each field's `.meta()`,
// widget, required, options and format rules from the schema itself. The editor's configuration is
// generated from the same schemas the build checks content against, so the two cannot drift.
import { z } from 'astro/zod';
import { AUDIENCE_LABELS } from '../schemas/common.ts';
import { PAGE_KINDS } from '../schemas/page.ts';
import { NEEDS } from '../schemas/service.ts';
import { SIGN_CATEGORIES } from '../schemas/sign.ts';
import { CHOICE_OR_LIST } from './shared.ts';

/** One field in Decap CMS's configuration (the subset the kit uses). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  fields?: CmsField[];
  field?: CmsField;
  types?: (Omit<CmsField, 'widget'> & { widget: 'object'; fields: CmsField[] })[];
  typeKey?: string;
  /** Its fields are the keys its file has (a map whose keys the file chooses), not the schema's. */
  keyed?: boolean;
  summary?: string;
  collapsed?: boolean;
  date_format?: string;
  time_format?: boolean;
  format?: string;
  picker_utc?: boolean;
  [option: string]: unknown;
}

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  /** A map whose keys the file chooses (z.record): each value's schema. */
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  title?: string;
  description?: string;
  /** From `.meta({ label, hint })` on the zod schema. */
  label?: string;
  hint?: string;
  /** Carried from zod by `toJsonSchema`: the plain-words message for a value in the wrong format. */
  'x-format-error'?: string;
};

/** Plain-English labels for the kit's fixed lists, matched to an enum by its values. */
const OPTION_LABELS: Record<string, string>[] = [AUDIENCE_LABELS, NEEDS, SIGN_CATEGORIES, PAGE_KINDS, {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
}, { usual: 'Usual hours for that day', closed: 'Closed' }];

/**
 * A hint without its list of the values a file may hold ("Any of: parent, young-person.", "What it
 * helps with: exploitation, mental-health."): that is
 * for people writing files; the editor shows the choices by name, and a comms officer should not
 * read "young-person" under a list that says "Young people".
 */
function withoutValueList(field: CmsField, values: unknown[]): CmsField {
  const hint = field.hint?.replace(/(\s*(?:Any|One) of)?: ([^.:]*)\.\s*$/, (sentence, whole: string | undefined, list: string) =>
    !list.split(/,\s*/).every((v) => values.includes(v)) ? sentence : whole ? '' : '.');
  return { ...field, ...(hint === undefined ? {} : { hint }) };
}

function optionLabel(values: unknown[], value: string): string {
  const labels = OPTION_LABELS.find((map) => values.every((v) => typeof v === 'string' && v in map));
  return labels?.[value] ?? value;
}

/** "shortLinks" → "Short links": the label when a field has no `.meta({ title })` yet. */
export function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first message zod gives for a value in the wrong format (the schema's own plain words). */
function formatError(schema: z.ZodType): string | undefined {
  for (const probe of ['\u0000 \u0000', '\u0000']) {
    const result = schema.safeParse(probe);
    const issue = result.error?.issues.find((i) => i.code === 'invalid_format');
    if (issue) return issue.message;
  }
  return undefined;
}

/**
 * The schema as JSON Schema, for the editor. Dates become `format: date`; metadata and each
 * format's error message come along.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const zod = ctx.zodSchema as unknown as z.ZodType;
      const def = (zod as unknown as { _zod: { def: { type: string } } })._zod.def;
      // Required is what the schema refuses to be without, as the build checks it: a date read
      // from YAML is pre-processed, which JSON Schema would otherwise call optional.
      if (def.type === 'object' && ctx.jsonSchema.properties) {
        const shape = (def as unknown as { shape: Record<string, z.ZodType> }).shape;
        ctx.jsonSchema.required = Object.keys(ctx.jsonSchema.properties).filter((key) => shape[key] && !shape[key].safeParse(undefined).success);
      }
      if (def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date';
      }
      if (def.type === 'string' && (ctx.jsonSchema.pattern || ctx.jsonSchema.format)) {
        const message = formatError(zod);
        if (message) (ctx.jsonSchema as JsonSchema)['x-format-error'] = message;
      }
    },
  }) as JsonSchema;
}

function isDateSchema(s: JsonSchema): boolean {
  return s.type === 'string' && s.format === 'date';
}

/** A regex Decap can use: JSON Schema patterns are ECMAScript already; formats get one of ours. */
function patternFor(s: JsonSchema): [string, string] | undefined {
  const message = s['x-format-error'] ?? s.hint ?? s.description ?? 'Check the format of this field';
  if (s.pattern) return [s.pattern, message];
  if (s.format === 'uri') return ['^https?://\\S+$', message];
  if (s.format === 'email') return ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', message];
  return undefined;
}

/** The label and hint every field carries (from `.meta()` when the schema gives them). */
function describe(name: string, s: JsonSchema): Pick<CmsField, 'name' | 'label' | 'hint'> {
  const hint = s.hint ?? s.description;
  return { name, label: s.label ?? s.title ?? humanise(name), ...(hint ? { hint } : {}) };
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The editor field for one property of a schema. `data` is the property's value in the file, for a
 * single file: a map whose keys the file chooses (a language's words, by key) becomes one field per
 * key the file has, and a value that may be a text or a group takes the shape it has there.
 */
export function fieldFor(name: string, s: JsonSchema, required: boolean, data?: unknown): CmsField {
  // "Or null" (a review nobody has done yet): the field itself, left empty until then.
  const orNull = (s.anyOf ?? s.oneOf)?.filter((v) => v.type !== 'null');
  if (orNull && orNull.length === 1 && (s.anyOf ?? s.oneOf)!.length === 2) {
    const { anyOf: _a, oneOf: _o, default: _d, ...meta } = s;
    return fieldFor(name, { ...orNull[0], ...meta }, false, data === null ? undefined : data);
  }
  const base: CmsField = { ...describe(name, s), widget: 'string', ...(required ? {} : { required: false }) };
  const values = typeof s.additionalProperties === 'object' && !s.properties ? s.additionalProperties : undefined;
  if (values) {
    if (!isMap(data)) throw new Error(`The editor can show "${name}" (a map whose keys each file chooses) only in a single file, from the keys the file has`);
    return { ...base, widget: 'object', collapsed: true, keyed: true, fields: Object.entries(data).map(([key, value]) => ({ ...fieldFor(key, values, true, value), label: key })) };
  }
  const choices = s.anyOf ?? s.oneOf;
  if (choices && data !== undefined && !choices.some((v) => v.const !== undefined)) {
    // A text, or one text per plural form ({ one, other }): as the file has it.
    const shaped = choices.find((v) => (isMap(data) ? v.type === 'object' : v.type === typeof data));
    if (shaped) return fieldFor(name, { ...shaped, ...Object.fromEntries((['label', 'hint', 'description', 'title'] as const).filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) }, required, data);
  }
  if (s.default !== undefined && !(Array.isArray(s.default) && s.default.length === 0)) base.default = s.default;

  // A choice from a fixed list, or several.
  if (s.enum) return { ...withoutValueList(base, s.enum), widget: 'select', options: s.enum.map((v) => ({ label: optionLabel(s.enum!, String(v)), value: String(v) })) };
  if (s.type === 'array' && s.items?.enum) {
    const values = s.items.enum;
    return { ...withoutValueList(base, values), widget: 'select', multiple: true, ...(s.minItems ? { min: s.minItems } : {}), options: values.map((v) => ({ label: optionLabel(values, String(v)), value: String(v) })) };
  }
  if (isDateSchema(s)) return { ...base, widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  if (s.type === 'boolean') return { ...base, widget: 'boolean', ...(required ? {} : {}), default: s.default ?? false };
  if (s.type === 'number' || s.type === 'integer') {
    return { ...base, widget: 'number', value_type: s.type === 'integer' ? 'int' : 'float', ...(s.minimum !== undefined ? { min: s.minimum } : {}), ...(s.maximum !== undefined ? { max: s.maximum } : {}) };
  }
  if (s.type === 'string') {
    const pattern = patternFor(s);
    // Sentences get a box that shows them whole; names and codes a single line.
    const long = (s.maxLength ?? 0) > 100 || (s.minLength ?? 0) >= 20 || (!s.maxLength && !pattern && (s.minLength ?? 0) >= 10);
    return { ...base, widget: long ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
  }
  if (s.type === 'object' && s.properties) {
    const fields = fieldsFor(s, isMap(data) ? data : undefined);
    // Decap checks an optional group's required fields even when the group is left empty (a review
    // nobody has done yet), and would refuse to save: unless the file fills the group in, they are
    // required only by the build's check.
    return { ...base, widget: 'object', fields: required || isMap(data) ? fields : fields.map(optional) };
  }
  if (s.type === 'array' && s.items) {
    const item = s.items;
    const list: CmsField = { ...base, widget: 'list', ...(s.minItems ? { min: s.minItems } : {}), ...(s.maxItems !== undefined ? { max: s.maxItems } : {}) };
    const variants = item.oneOf ?? item.anyOf;
    if (variants && variants.every((v) => v.type === 'object' && v.properties)) {
      const key = Object.keys(variants[0]!.properties!).find((k) => variants.every((v) => v.properties![k]?.const !== undefined));
      if (key) {
        return {
          ...list,
          typeKey: key,
          types: variants.map((v) => {
            const value = String(v.properties![key]!.const);
            const rest = { ...v, properties: Object.fromEntries(Object.entries(v.properties!).filter(([k]) => k !== key)) };
            return { name: value, label: v.title ?? humanise(value), widget: 'object' as const, fields: fieldsFor(rest) };
          }),
        };
      }
    }
    // Variants told apart by which fields they have ({ contact, when } or { service, channel, when }):
    // one form with every variant's fields, required only where every variant needs it.
    const shape = variants?.every((v) => v.type === 'object' && v.properties) ? mergeVariants(variants) : item;
    if (shape.type === 'object' && shape.properties) {
      // Each item is summarised by its name when it has one ("Talk to someone now"), not its id.
      const first = ['title', 'name', 'term', 'label'].find((key) => key in shape.properties!) ?? Object.keys(shape.properties)[0];
      return { ...list, fields: fieldsFor(shape), ...(first ? { summary: `{{fields.${first}}}` } : {}), collapsed: true };
    }
    return { ...list, field: fieldFor(name, item, true) };
  }
  // "national", or a list of places: a tick box for the one word, else the list (src/cms/admin.ts).
  const variants = s.anyOf ?? s.oneOf;
  const literal = variants?.find((v) => v.const !== undefined);
  const list = variants?.find((v) => v.type === 'array' && v.items?.type === 'string');
  if (variants?.length === 2 && literal && list) {
    return { ...base, widget: CHOICE_OR_LIST, literal: String(literal.const), literal_label: `Everywhere (${String(literal.const)})` };
  }
  throw new Error(`The editor has no widget for field "${name}" (${JSON.stringify(s).slice(0, 200)})`);
}

/** A field and everything in it, none of it required (inside an optional group). */
function optional(field: CmsField): CmsField {
  return {
    ...field,
    required: false,
    ...(field.fields ? { fields: field.fields.map(optional) } : {}),
    ...(field.field ? { field: optional(field.field) } : {}),
    ...(field.types ? { types: field.types.map((t) => ({ ...t, fields: t.fields.map(optional) })) } : {}),
  };
}

/**
 * Object variants without a field that names them, as one object: every variant's fields, each
 * required only when every variant requires it, and no default a variant without that field would
 * refuse (a new item must not arrive with another variant's field filled in).
 */
function mergeVariants(variants: JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const v of variants) {
    for (const [key, prop] of Object.entries(v.properties!)) {
      if (key in properties) continue;
      const inEvery = variants.every((other) => other.properties![key] !== undefined);
      const { default: _, ...withoutDefault } = prop;
      properties[key] = inEvery ? prop : withoutDefault;
    }
  }
  const required = Object.keys(properties).filter((key) => variants.every((v) => v.required?.includes(key)));
  return { type: 'object', properties, required };
}

/** Every property of an object schema, in the schema's order; `data`: a single file's values. */
export function fieldsFor(s: JsonSchema, data?: Record<string, unknown>): CmsField[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => fieldFor(name, prop, required.has(name), data?.[name]));
}

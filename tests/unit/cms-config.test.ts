// The editor's configuration is generated from the content schemas; these tests fail when the two
// drift apart: a schema field the editor does not show, an editor field the schema does not know,
// a choice list that differs, or an existing file the editor would refuse to save.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { cmsConfig, collections, fieldPaths, kebab, type CmsCollection } from '../../src/cms/config.ts';
import { toJsonSchema, type CmsField } from '../../src/cms/fields.ts';
import { componentsAsText, EDITOR_COMPONENTS, fromBlock, patternFor, toBlock } from '../../src/cms/components.ts';
import { KEYS_KEY, LIST_FIELD, readFrontmatter, readYaml, SOURCE_KEY } from '../../src/cms/preserve.ts';
import { COLLECTIONS, SETTINGS, TRANSLATIONS, type CollectionSource } from '../../src/schemas/collections.ts';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { PartnershipSchema } from '../../src/schemas/partnership.ts';
import { CHOICE_OR_LIST } from '../../src/cms/shared.ts';

const partnership = loadPartnership('content/partnership.yaml');
const config = cmsConfig(partnership);

/**
 * Every property path a JSON Schema describes ("channels.hours.weekly.days"); the keys of a map whose
 * keys each file chooses are "*" ("strings.*", "strings.*.one").
 */
function schemaPaths(s: ReturnType<typeof toJsonSchema>, prefix = ''): string[] {
  const props = { ...s.properties, ...(!s.properties && typeof s.additionalProperties === 'object' ? { '*': s.additionalProperties } : {}) };
  return [...new Set(Object.entries(props).flatMap(([name, given]) => {
    const path = `${prefix}${name}`;
    // "Or null" (a review not done yet) is the field itself.
    const prop = (given.anyOf ?? given.oneOf)?.length === 2 && (given.anyOf ?? given.oneOf)!.some((v) => v.type === 'null') ? (given.anyOf ?? given.oneOf)!.find((v) => v.type !== 'null')! : given;
    const item = prop.type === 'array' ? prop.items : prop;
    const variants = item?.oneOf ?? item?.anyOf;
    const inner = item?.properties || (item && typeof item.additionalProperties === 'object')
      ? schemaPaths(item, `${path}.`)
      : variants && (prop.type === 'array' || variants.every((v) => v.type !== 'array'))
        ? [...new Set(variants.flatMap((v) => schemaPaths({ ...v, properties: Object.fromEntries(Object.entries(v.properties ?? {}).filter(([, p]) => p.const === undefined)) }, `${path}.`)))]
        : [];
    return [path, ...inner];
  }))];
}

/**
 * The editor's fields match the schema: each schema field is shown, and nothing else is. Under a map
 * whose keys the file chooses ("*"), the editor shows the shape each key has in the file (a text, or
 * one text per plural form), so there it only may not show what the schema lacks.
 */
function expectMatch(editorPaths: string[], schema: ReturnType<typeof toJsonSchema>, what: string) {
  const expected = schemaPaths(schema);
  expect(editorPaths.filter((p) => !expected.includes(p)), `${what}: fields the schema does not have`).toEqual([]);
  expect(expected.filter((p) => !p.includes('*') && !editorPaths.includes(p)), `${what}: schema fields the editor does not show`).toEqual([]);
}


/** Every translated file there is: TRANSLATIONS' paths with each language code found on disk. */
function translationSources(): [string, CollectionSource][] {
  return Object.entries(TRANSLATIONS as Record<string, Extract<CollectionSource, { file: string }>>).flatMap(([name, source]) => {
    const pattern = new RegExp(`^${source.file.replace('{code}', '([a-z]{2,3})').replace(/\./g, '\\.')}$`);
    return readdirSync('content', { recursive: true }).map(String).filter((p) => pattern.test(p)).map((file): [string, CollectionSource] => [`${name} ${file}`, { ...source, file }]);
  });
}

describe('the editor shows every field of every schema, and no other', () => {
  const editor = collections();
  const fileOf = (path: string) => editor.flatMap((c) => ('files' in c ? c.files : [])).find((f) => f.file === path);
  // Every collection, settings file and translation the site reads (src/schemas/collections.ts),
  // with the schema the editor must match: the partnership's `editor:` block is set up once,
  // outside the editor.
  const sources: [string, CollectionSource][] = [
    ...Object.entries(COLLECTIONS as Record<string, CollectionSource>),
    ...Object.entries(SETTINGS as Record<string, CollectionSource>).map(([name, source]): [string, CollectionSource] => [name, name === 'partnership' ? { ...source, schema: PartnershipSchema.omit({ editor: true }) } : source]),
    ...translationSources(),
  ];
  for (const [name, source] of sources) {
    test(`${name} (content/${'folder' in source ? source.folder : source.file})`, () => {
      const schema = toJsonSchema(source.schema);
      if ('folder' in source) {
        // One collection, or one for each of its subfolders (a language's pages).
        const own = editor.filter((c): c is Extract<CmsCollection, { folder: string }> => 'folder' in c && (c.name === kebab(name) || c.name.startsWith(`${kebab(name)}-`)));
        expect(own.length, `no editor collection for content/${source.folder}`).toBeGreaterThan(0);
        for (const c of own) expectMatch(fieldPaths(c.fields.filter((f) => f.name !== 'body')), schema, c.name);
        return;
      }
      const entry = fileOf(`content/${source.file}`);
      expect(entry, `no editor entry for content/${source.file}`).toBeDefined();
      const only = entry!.fields.length === 1 ? entry!.fields[0]! : undefined;
      if (only?.name === LIST_FIELD) {
        // A file that is one list: its items' fields.
        const items = schema.type === 'array' ? schema.items! : schema;
        expectMatch(fieldPaths(only.fields ?? (only.field ? [only.field] : [])), items, name);
      } else if (!schema.properties && typeof schema.additionalProperties === 'object') {
        // A map whose keys the file chooses, at the top (the Easy Read words).
        expectMatch(fieldPaths(entry!.fields.map((f) => ({ ...f, name: '*' }))), schema, name);
      } else if (Object.keys(schema.properties ?? {}).every((key) => entry!.fields.some((f) => f.name === key))) {
        expectMatch(fieldPaths(entry!.fields), schema, name);
      } else {
        // A map keyed by ids (a category, an audience): each key holds the schema's fields.
        for (const group of entry!.fields) expectMatch(fieldPaths(group.fields!), schema, `${name} ${group.name}`);
      }
    });
  }

  test('every editor collection and file is one the site reads', () => {
    const paths = sources.map(([, s]) => `content/${'folder' in s ? s.folder : s.file}`);
    for (const c of editor) for (const path of 'files' in c ? c.files.map((f) => f.file) : [c.folder]) expect(paths.some((p) => path === p || path.startsWith(`${p}/`)), path).toBe(true);
  });

  test('every field has a label, every choice list has the schema’s values', () => {
    const walk = (fields: CmsField[]): void => {
      for (const f of fields) {
        expect(f.label, f.name).toMatch(/\S/);
        // A choice's file value ("young-person") is not in its hint where the editor shows its name.
        for (const o of f.options ?? []) if (o.label !== o.value && o.value.includes('-')) expect(f.hint ?? '', f.name).not.toContain(o.value);
        walk([...(f.fields ?? []), ...(f.field ? [f.field] : []), ...(f.types ?? []).flatMap((t) => t.fields)]);
      }
    };
    for (const c of collections()) walk('files' in c ? c.files.flatMap((f) => f.fields) : c.fields);
    const audiences = (collections().find((c) => c.name === 'campaigns') as { fields: CmsField[] }).fields.find((f) => f.name === 'audiences')!;
    expect(audiences.options!.map((o) => o.value)).toEqual(['parent', 'young-person', 'community', 'professional', 'business']);
    expect(audiences.options![0]!.label).toBe('Parents and carers');
    expect(audiences.hint).toBe('Who the campaign speaks to.');
  });

  test('a field the schema cannot do without is required in the editor, a campaign’s first day included', () => {
    const folders = Object.values(COLLECTIONS as Record<string, CollectionSource>).filter((s): s is Extract<CollectionSource, { folder: string }> => 'folder' in s);
    expect(folders.map((s) => s.folder)).toEqual(expect.arrayContaining(['campaigns', 'services', 'pages', 'sectors']));
    for (const [key, { folder, schema }] of Object.entries(COLLECTIONS as Record<string, CollectionSource>).filter((e): e is [string, Extract<CollectionSource, { folder: string }>] => 'folder' in e[1])) {
      const name = folder;
      const fields = (collections().find((c) => 'folder' in c && (c.name === kebab(key) || c.name.startsWith(`${kebab(key)}-`))) as { fields: CmsField[] }).fields.filter((f) => f.name !== 'body');
      const required = (f: CmsField) => f.required !== false;
      expect(Object.fromEntries(fields.map((f) => [f.name, required(f)])), name).toEqual(
        Object.fromEntries(fields.map((f) => [f.name, !((schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>)[f.name]!.safeParse(undefined).success])),
      );
    }
    const start = (collections().find((c) => c.name === 'campaigns') as { fields: CmsField[] }).fields.find((f) => f.name === 'start')!;
    expect(start.required).not.toBe(false);
  });

  test('a field with a format rule carries the schema’s own words for it', () => {
    const hashtag = (collections().find((c) => c.name === 'campaigns') as { fields: CmsField[] }).fields.find((f) => f.name === 'hashtag')!;
    expect(hashtag.pattern![0]).toBe('^#\\w+$');
    expect(hashtag.pattern![1]).toMatch(/#/);
  });
});

/** What Decap would refuse when saving: a missing required value, a wrong format, an unknown choice. */
function refusals(fields: CmsField[], data: Record<string, unknown>, at = ''): string[] {
  return fields.flatMap((f) => {
    const value = data[f.name];
    const path = `${at}${f.name}`;
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) return f.required === false || f.widget === 'boolean' || f.default !== undefined ? [] : [`${path}: required`];
    if (f.pattern && typeof value === 'string' && !new RegExp(f.pattern[0]).test(value)) return [`${path}: ${value} does not match ${f.pattern[0]}`];
    if (f.widget === 'select') {
      const allowed = new Set(f.options!.map((o) => o.value));
      const values = Array.isArray(value) ? value : [value];
      return values.filter((v) => !allowed.has(String(v))).map((v) => `${path}: ${String(v)} is not a choice`);
    }
    if (f.widget === 'datetime' && !/^\d{4}-\d{2}-\d{2}$/.test(value instanceof Date ? value.toISOString().slice(0, 10) : String(value))) return [`${path}: ${String(value)} is not a date`];
    if (f.widget === CHOICE_OR_LIST) return value === f.literal || Array.isArray(value) ? [] : [`${path}: neither ${String(f.literal)} nor a list`];
    if (f.widget === 'object') return refusals(f.fields!, value as Record<string, unknown>, `${path}.`);
    if (f.widget === 'list' && Array.isArray(value)) {
      return value.flatMap((item, i) => {
        if (f.types) {
          const type = f.types.find((t) => t.name === (item as Record<string, unknown>)[f.typeKey!]);
          return type ? refusals(type.fields, item as Record<string, unknown>, `${path}.${i}.`) : [`${path}.${i}: unknown type`];
        }
        if (f.fields) return refusals(f.fields, item as Record<string, unknown>, `${path}.${i}.`);
        return f.field ? refusals([{ ...f.field, name: 'v' }], { v: item }, `${path}.${i}.`) : [];
      });
    }
    return [];
  });
}

function entriesOf(c: CmsCollection): { file: string; fields: CmsField[] }[] {
  if ('files' in c) return c.files.map((f) => ({ file: f.file, fields: f.fields }));
  // A nested collection lists the files in its subfolders too; a filter keeps only its own entries.
  return readdirSync(c.folder, { recursive: !!c.nested })
    .map(String)
    .filter((n) => n.endsWith(`.${c.extension}`))
    .filter((n) => !c.filter || ((readYaml(readFileSync(join(c.folder, n), 'utf8'))[c.filter.field] ?? []) as unknown[]).includes(c.filter.value))
    .map((n) => ({ file: join(c.folder, n), fields: c.fields }));
}

describe('the editor accepts every existing content file as it is', () => {
  for (const c of collections()) {
    for (const { file, fields } of entriesOf(c)) {
      test(file, () => {
        const text = readFileSync(file, 'utf8');
        const data = /\.ya?ml$/.test(file) ? readYaml(text) : readFrontmatter(text);
        delete data[SOURCE_KEY];
        delete data[KEYS_KEY];
        expect(refusals(fields, data)).toEqual([]);
      });
    }
  }
});

describe('components in pages are the editor’s, with plain string props', () => {
  test('the editor has a button for every component pages may use', () => {
    // The build's list, read as text: it imports .astro files, which only Astro can load.
    const source = readFileSync('src/components/mdx-components.ts', 'utf8');
    // Capitalised: components; a lower-case key ("a: LocalLink") replaces an HTML element, not a button.
    const names = /export const mdxComponents = \{([^}]*)\}/.exec(source)![1]!.split(',').map((n) => n.trim()).filter((n) => /^[A-Z]/.test(n));
    expect(EDITOR_COMPONENTS.map((c) => c.tag).sort()).toEqual(names.sort());
  });

  const bodies = Object.values(COLLECTIONS as Record<string, CollectionSource>).flatMap((source) =>
    'folder' in source
      ? readdirSync(join('content', source.folder), { recursive: true }).map(String).filter((f) => /\.mdx?$/.test(f)).map((f) => readFileSync(join('content', source.folder, f), 'utf8'))
      : [],
  );
  const uses = bodies.flatMap((text) => [...text.matchAll(/<([A-Z][A-Za-z]*)\b[^>]*\/>/g)].map((m) => m[0]));

  test('the preview shows each component as words, inline ones included', () => {
    expect(componentsAsText('If someone is in danger now, call <Call contact="emergency" />.')).toBe('If someone is in danger now, call ☎ emergency.');
    expect(componentsAsText('<Services ids="childline, fearless" />')).toBe('[Services: childline, fearless]');
    expect(componentsAsText('<Unknown a="b" />')).toBe('<Unknown a="b" />');
  });

  test('every use reads and writes back exactly as it is written', () => {
    expect(uses.length).toBeGreaterThan(20);
    for (const use of uses) {
      const component = EDITOR_COMPONENTS.find((c) => patternFor(c).test(use));
      expect(component, `${use} is a component with string props the editor knows`).toBeDefined();
      expect(toBlock(component!, fromBlock(component!, use))).toBe(use);
    }
  });
});

describe('the configuration', () => {
  test('sends every change through review, and offers the local backend on loopback only', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(new URL(config.local_backend.url).hostname).toBe('127.0.0.1');
  });

  test('signs in to GitHub through this site, never a third party', () => {
    expect(config.backend).toMatchObject({ name: 'github', base_url: partnership.siteUrl, auth_endpoint: 'api/cms/auth' });
  });

  test('without a repository, the editor works only with the local backend', () => {
    const { editor: _, ...local } = partnership;
    expect(cmsConfig(local).backend).toMatchObject({ name: 'proxy', proxy_url: config.local_backend.url });
  });
});

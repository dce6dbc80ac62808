// The content editor's configuration (Decap CMS), generated from the content schemas and the
// partnership's `editor` settings. Written to /admin/config.yml at build; never edited by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, matchesGlob } from 'node:path';
import yaml from 'js-yaml';
import { contentDir } from '../lib/content-dir.ts';
import { COLLECTIONS, SETTINGS, TRANSLATIONS, type CollectionSource } from '../schemas/collections.ts';
import { PartnershipSchema, type Partnership } from '../schemas/partnership.ts';
import { SIGN_CATEGORIES } from '../schemas/sign.ts';
import { AUDIENCE_LABELS } from '../schemas/common.ts';
import { fieldsFor, fieldFor, toJsonSchema, type CmsField } from './fields.ts';
import { EDITOR_COMPONENTS } from './components.ts';
import { KEYS_KEY, LIST_FIELD } from './preserve.ts';
// The formats registered by /admin/cms.js (src/cms/admin.ts) keep files byte-identical.
import { FORMATS, LOCAL_BACKEND_PORT } from './shared.ts';


const LOCAL_BACKEND = { url: `http://127.0.0.1:${LOCAL_BACKEND_PORT}/api/v1`, allowed_hosts: ['127.0.0.1', 'localhost'] };

/** The page body: raw Markdown first, so an edit never rewrites what it did not touch. */
const BODY: CmsField = {
  name: 'body',
  label: 'Page text',
  widget: 'markdown',
  hint: 'Plain text with Markdown: **bold**, [a link](/report/), - a list. For a phone number, a list of signs or services, use the + button above the box: never type a number.',
  modes: ['raw', 'rich_text'],
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
  editor_components: EDITOR_COMPONENTS.map((c) => c.id),
  sanitize_preview: true,
};

type FolderCollection = {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: string;
  format: string;
  create: boolean;
  delete?: boolean;
  slug: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  filter?: { field: string; value: string };
  preview_path?: string;
  nested?: { depth: number; subfolders: boolean; summary: string };
  fields: CmsField[];
};
type FileCollection = {
  name: string;
  label: string;
  description: string;
  format: string;
  delete: false;
  files: { name: string; label: string; file: string; fields: CmsField[] }[];
};
export type CmsCollection = FolderCollection | FileCollection;

/**
 * What the editor adds to each kind of content the site has (src/schemas/collections.ts): its name
 * in the editor's addresses, how an entry is summarised and previewed. Where the files live, their
 * schema and their label come from that list, so a collection added or changed there (another
 * language, a new field) reaches the editor without being written twice; one not named here still
 * appears, with its label from the list.
 */
const FOLDERS: Record<string, Partial<FolderCollection> & { description: string; singular: string }> = {
  campaigns: {
    singular: 'Campaign',
    description: 'Campaign pages, their posters and share images, and their short links. A campaign is public from its start date.',
    summary: '{{title}} (from {{start}})',
    sortable_fields: ['title', 'start'],
    preview_path: 'campaigns/{{slug}}/',
  },
  pages: {
    singular: 'Page',
    description: 'Guides and explainers. The file name is the page address: parents/arrested is /parents/arrested/.',
    preview_path: '{{slug}}/',
  },
  translatedPages: {
    singular: 'Translated page',
    description: 'A page in another language: content/pages/cy/parents.mdx is the Welsh /parents/. A machine draft nobody has reviewed says so on the page, in both languages; a reviewer adds their name and the day under Translation → Review.',
    summary: '{{title}} · {{translation.method}} translation · {{translation.reviewed | ternary(\'reviewed\', \'not reviewed yet\')}}',
    preview_path: '{{slug}}/',
  },
  easyRead: {
    singular: 'Easy Read page',
    description: 'Easy Read pages: a picture beside each idea, at most 15 words a sentence.',
    summary: '{{title}}',
    preview_path: 'easy-read/{{slug}}/',
  },
  services: {
    singular: 'Service',
    description: 'Helplines and local services in Get help, with their opening hours. Every number needs the page you checked it on.',
    identifier_field: 'name',
    preview_path: 'help/{{slug}}/',
  },
  sectors: {
    singular: 'Workplace',
    description: 'A page for each kind of workplace whose staff meet the public (hotels, taxis, shops…): its signs, what to do, who to call, and the one-page briefing printed from it.',
    summary: '{{title}}',
    sortable_fields: ['title', 'order'],
    preview_path: 'businesses/{{slug}}/',
  },
  law: { singular: 'Act', description: 'One page per Act of Parliament.', preview_path: 'law/{{slug}}/' },
  figures: {
    singular: 'Month',
    description: 'One file per month of published figures.',
    identifier_field: 'period',
    slug: '{{fields.period}}',
    summary: '{{period}}',
    delete: false,
  },
};

type FileSourceName = keyof typeof COLLECTIONS | keyof typeof SETTINGS;
type FileSource = Extract<CollectionSource, { file: string }>;

/**
 * Single files, grouped as the editor lists them; each names its source in src/schemas/collections.ts
 * (nextSteps is next-steps in the editor's addresses).
 */
const FILE_GROUPS: { name: string; label: string; description: string; files: { source: FileSourceName; labels?: Record<string, string> }[] }[] = [
  {
    name: 'signs',
    label: 'Warning signs',
    description: 'The one list of warning signs every audience page and the checker are built from.',
    files: [
      { source: 'signs' },
      { source: 'nextSteps', labels: SIGN_CATEGORIES },
      { source: 'checkerAudiences', labels: AUDIENCE_LABELS },
    ],
  },
  {
    name: 'lists',
    label: 'Lists on pages',
    description: 'The words parents may hear (the slang page) and how the Get help page groups its services.',
    files: [{ source: 'glossary' }, { source: 'helpGroups' }],
  },
  {
    name: 'easy-read-lists',
    label: 'Easy Read words and pictures',
    description: 'The hard words the Easy Read pages explain, and the pictures they may use (with where each comes from).',
    files: [{ source: 'easyReadGlossary' }, { source: 'easyReadPictures' }],
  },
  {
    name: 'settings',
    label: 'Settings',
    description: 'The partnership, its phone lines, bank holidays, and what each published figure means.',
    files: [{ source: 'partnership' }, { source: 'metrics' }, { source: 'bankHolidays' }],
  },
];

/** Every single file the editor can open, by its name in src/schemas/collections.ts. */
function fileSources(): Record<string, FileSource> {
  const all: Record<string, CollectionSource> = { ...COLLECTIONS, ...SETTINGS };
  return {
    ...Object.fromEntries(Object.entries(all).filter((e): e is [string, FileSource] => 'file' in e[1])),
    // Where the editor saves is set up once by whoever runs the site, not in the editor.
    partnership: { ...SETTINGS.partnership, schema: PartnershipSchema.omit({ editor: true }) },
  };
}

type FolderSource = Extract<CollectionSource, { folder: string }>;

/** A source's patterns: those it matches, then ("!…") those it leaves out. */
const patternsOf = (source: FolderSource) => (Array.isArray(source.pattern) ? source.pattern : [source.pattern]) as string[];

/** The file extension a folder's first pattern names: "**\/[^_]*.{md,mdx}" → md. */
const extensionOf = (source: FolderSource) => {
  const pattern = patternsOf(source)[0]!;
  return /\.(?:\{)?([a-z]+)/.exec(pattern.slice(pattern.lastIndexOf('.')))![1]!;
};

/** True when a path (relative to the source's folder) is one of its entries. */
function claims(source: FolderSource, path: string): boolean {
  const patterns = patternsOf(source);
  return patterns.some((p) => !p.startsWith('!') && matchesGlob(path, p)) && !patterns.some((p) => p.startsWith('!') && matchesGlob(path, p.slice(1)));
}

/** Every file under a folder of content/, relative to it ("parents/arrested.mdx"). */
const filesUnder = (folderPath: string): string[] => {
  const dir = join(contentDir(), folderPath);
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)) : [];
};

/** "nextSteps" → "next-steps": a name for the editor's addresses. */
export const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The languages partnership.yaml lists, by code, for naming a language's folder: "cy" → "Cymraeg". */
function languageNames(): Record<string, string> {
  const data = yaml.load(readFileSync(join(contentDir(), SETTINGS.partnership.file), 'utf8')) as { languages?: { code: string; name: string }[] } | undefined;
  return Object.fromEntries((data?.languages ?? []).map((l) => [l.code, l.name]));
}

/**
 * A folder of Markdown, MDX or YAML files, each one entry; its schema checks the frontmatter. Decap
 * lists a folder's files by extension only, so where the site reads other files from the same folder
 * the editor is told apart from them: a source whose files sit in subfolders others also use (English
 * pages beside content/pages/cy/) is offered one collection for its top level and one per subfolder
 * (a language's pages: "Translated pages: Cymraeg (cy)"); files beside its own that belong to another
 * source (easy-read/pictures.yaml) are left out by a field only its own entries have.
 */
function folder(name: string, source: FolderSource): FolderCollection[] {
  const { singular, ...options } = FOLDERS[name] ?? { singular: source.label, description: source.label };
  const extension = extensionOf(source);
  const schema = toJsonSchema(source.schema);
  const fields = fieldsFor(schema);
  // Decap names a new entry from its title, or from the field named here.
  const identifier = fields.some((f) => f.name === 'title') ? {} : { identifier_field: fields.find((f) => f.widget === 'string')?.name ?? fields[0]!.name };
  const all = filesUnder(source.folder);
  const own = all.filter((path) => claims(source, path));
  // Files Decap would list with them (the same extension) that are not theirs: another source's.
  // (A set: at 10,000 services a list's includes() made this a second of the build.)
  const owned = new Set(own);
  const theirs = all.filter((path) => !owned.has(path) && path.endsWith(`.${extension}`));
  const depth = (paths: string[]) => Math.max(1, ...paths.map((p) => p.split('/').length));
  const collection = (dir: string, paths: string[], label: string): FolderCollection => {
    const nested = depth(paths) > 1 && !theirs.some((p) => p.startsWith(dir ? `${dir}/` : ''));
    // YAML files of another kind beside these: only entries with a field those lack are listed.
    const beside = theirs.filter((p) => dirname(p) === (dir || '.'));
    const marker = beside.length ? (schema.required ?? []).find((key) => beside.every((p) => !(key in ((yaml.load(readFileSync(join(contentDir(), source.folder, p), 'utf8')) as object | null) ?? {})))) : undefined;
    if (beside.length && (extension !== 'yaml' || !marker)) throw new Error(`The editor cannot tell content/${source.folder}/${dir} apart from ${beside.join(', ')}`);
    return {
      name: dir ? `${kebab(name)}-${dir.replace(/\//g, '-')}` : kebab(name),
      label,
      label_singular: singular,
      folder: join('content', source.folder, dir),
      extension,
      format: extension === 'yaml' ? FORMATS.yaml : FORMATS.frontmatter,
      create: true,
      slug: '{{slug}}',
      ...identifier,
      ...options,
      ...(options.preview_path && dir ? { preview_path: options.preview_path.replace('{{slug}}', `${dir}/{{slug}}`) } : {}),
      ...(nested ? { nested: { depth: depth(paths), subfolders: false, summary: options.summary ?? '{{title}}' } } : {}),
      ...(marker ? { filter: { field: KEYS_KEY, value: marker } } : {}),
      fields: [...fields, ...(extension === 'yaml' ? [] : [BODY])],
    };
  };
  // Its files, by the first folder they are in ("" for the top level).
  const shared = theirs.some((p) => p.includes('/'));
  if (!shared) return [collection('', own, source.label)];
  const names = languageNames();
  const dirs = [...new Set(own.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')))].sort();
  return dirs.map((dir) => collection(dir, own.filter((p) => (dir ? p.startsWith(`${dir}/`) : !p.includes('/'))).map((p) => (dir ? p.slice(dir.length + 1) : p)), dir ? `${source.label}: ${names[dir] ? `${names[dir]} (${dir})` : `${dir}/`}` : source.label));
}

/** What a translated file's `translation:` says of it, for its name in the editor: "machine draft, not reviewed". */
function translationState(data: unknown): string | undefined {
  const t = (data as { translation?: { method?: string; reviewed?: unknown } } | null)?.translation;
  if (!t) return undefined;
  return [t.method === 'machine' ? 'machine draft' : 'translated by a person', t.reviewed ? 'reviewed' : 'not reviewed yet'].join(', ');
}

/**
 * One YAML file as the editor shows it: an object's fields; a list (signs) as one list field; or a
 * map keyed by ids (a category, an audience) as one group per key the file has, named from `labels`.
 * A translated file's name says whether it is a machine draft and whether anyone has reviewed it.
 */
function file(name: string, source: FileSource, labels?: Record<string, string>): FileCollection['files'][number] {
  const path = `content/${source.file}`;
  const schema = toJsonSchema(source.schema);
  const data = yaml.load(readFileSync(join(contentDir(), source.file), 'utf8')) ?? {};
  const state = translationState(data);
  const label = state ? `${source.label} (${state})` : source.label;
  if (Array.isArray(data) || schema.type === 'array') {
    const list = schema.type === 'array' ? schema : { type: 'array', items: schema };
    return { name, label, file: path, fields: [{ ...fieldFor(LIST_FIELD, { ...list, title: source.label }, true, data), label: source.label }] };
  }
  if (labels) return { name, label, file: path, fields: Object.keys(data).map((key) => ({ ...fieldFor(key, schema, true, (data as Record<string, unknown>)[key]), label: labels[key] ?? key, collapsed: true })) };
  // A map whose keys the file chooses, at the top (the Easy Read words): one group per key.
  if (!schema.properties && typeof schema.additionalProperties === 'object') return { name, label, file: path, fields: fieldFor(name, schema, true, data).fields! };
  return { name, label, file: path, fields: fieldsFor(schema, data as Record<string, unknown>) };
}

/** Every translated file there is (TRANSLATIONS: content/i18n/cy.yaml…), by language, with its language in its name. */
function translationFiles(): { name: string; source: FileSource }[] {
  const names = languageNames();
  return Object.entries(TRANSLATIONS as Record<string, FileSource>).flatMap(([key, source]) => {
    const [before, after] = source.file.split('{code}') as [string, string];
    const folderPath = dirname(before.endsWith('/') ? `${before}x` : before);
    return filesUnder(folderPath)
      .map((path) => join(folderPath, path))
      .flatMap((path) => {
        const code = path.startsWith(before) && path.endsWith(after) ? path.slice(before.length, path.length - after.length) : '';
        if (!/^[a-z]{2,3}$/.test(code)) return [];
        const language = code === 'en' ? 'English' : names[code] ? `${names[code]} (${code})` : code;
        return [{ name: `${kebab(key)}-${code}`, source: { ...source, file: path, label: `${language}: ${source.label.charAt(0).toLowerCase()}${source.label.slice(1)}` } }];
      });
  });
}

/** Every collection an editor touches, in the order the editor lists them. */
export function collections(): CmsCollection[] {
  const sources = COLLECTIONS as Record<string, CollectionSource>;
  const folders = Object.keys(sources).filter((name) => 'folder' in sources[name]!);
  const files = fileSources();
  const grouped = new Set(FILE_GROUPS.flatMap((g) => g.files.map((f) => f.source as string)));
  // A single file no group names yet (a new list) is still offered, under "Other lists".
  const others = Object.keys(files).filter((name) => !grouped.has(name));
  const groups = [...FILE_GROUPS, ...(others.length ? [{ name: 'other', label: 'Other lists', description: 'Lists the site reads that have no group of their own yet.', files: others.map((name) => ({ source: name as FileSourceName })) }] : [])];
  const translations = translationFiles();
  return [
    // Those named in FOLDERS first, in that order.
    ...[...Object.keys(FOLDERS).filter((name) => folders.includes(name)), ...folders.filter((name) => !(name in FOLDERS))].flatMap((name) => folder(name, sources[name] as FolderSource)),
    ...groups.map((group) => ({
      name: group.name,
      label: group.label,
      description: group.description,
      format: FORMATS.yaml,
      delete: false as const,
      files: group.files.map((f) => file(kebab(f.source), files[f.source]!, (f as { labels?: Record<string, string> }).labels)),
    })),
    ...(translations.length
      ? [{
          name: 'translations',
          label: 'Translations',
          description: 'The site’s own words and the warning signs in each language. Each says whether it is a machine draft and whether anyone has reviewed it; a reviewer adds their name and the day under Translation → Review.',
          format: FORMATS.yaml,
          delete: false as const,
          files: translations.map((t) => file(t.name, t.source)),
        }]
      : []),
  ];
}

/** Which git host the published site's editors sign in to. */
export function backendFor(partnership: Partnership): Record<string, unknown> {
  const editor = partnership.editor;
  // No repository set: the editor works only beside `npm run cms` on an editor's own computer.
  if (!editor) return { name: 'proxy', proxy_url: LOCAL_BACKEND.url, branch: 'main' };
  const common = { repo: editor.repo, branch: editor.branch, squash_merges: true, cms_label_prefix: 'content/' };
  switch (editor.backend) {
    case 'github':
      // Sign-in goes through this site's own /api/cms/auth (src/cms/oauth.ts), not a third party.
      return { name: 'github', ...common, base_url: partnership.siteUrl, auth_endpoint: 'api/cms/auth', ...(editor.apiRoot ? { api_root: editor.apiRoot } : {}) };
    case 'gitlab':
      return { name: 'gitlab', ...common, auth_type: 'pkce', app_id: editor.appId, ...(editor.baseUrl ? { base_url: editor.baseUrl, api_root: editor.apiRoot ?? `${editor.baseUrl}/api/v4` } : {}) };
    case 'gitea':
      return { name: 'gitea', ...common, app_id: editor.appId, base_url: editor.baseUrl, api_root: editor.apiRoot ?? `${editor.baseUrl}/api/v1` };
  }
}

/** The whole configuration Decap CMS reads. */
export function cmsConfig(partnership: Partnership) {
  return {
    // Written into /admin/config.yml by the build from src/cms/config.ts. Do not edit by hand.
    backend: backendFor(partnership),
    // On this computer, `npm run cms` serves the repository to the editor without signing in.
    local_backend: LOCAL_BACKEND,
    // Every change is a draft on its own branch, reviewed and checked before it is published.
    publish_mode: 'editorial_workflow',
    site_url: partnership.siteUrl,
    display_url: partnership.siteUrl,
    locale: 'en',
    media_folder: 'public/images/uploads',
    public_folder: '/images/uploads',
    show_preview_links: true,
    search: true,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: collections(),
  };
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

/**
 * Every field name path in a list of editor fields, for the drift test; the keys of a map whose keys
 * the file chooses are all "*" ("strings.*").
 */
export function fieldPaths(fields: CmsField[], prefix = ''): string[] {
  return [...new Set(fields.flatMap((f) => {
    const path = `${prefix}${f.name}`;
    const inner = [...(f.fields ?? []), ...(f.field?.fields ?? []), ...(f.types ?? []).flatMap((t) => t.fields)];
    return [path, ...fieldPaths(f.keyed ? inner.map((i) => ({ ...i, name: '*' })) : inner, `${path}.`)];
  }))];
}


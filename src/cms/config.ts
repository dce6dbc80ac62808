// The content editor's configuration (Decap CMS), generated from the content schemas and the
// partnership's `editor` settings. Written to /admin/config.yml at build; never edited by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import yaml from 'js-yaml';
import { contentDir } from '../lib/content-dir.ts';
import { CampaignSchema } from '../schemas/campaign.ts';
import { FigurePeriodSchema, MetricSchema } from '../schemas/figure.ts';
import { LawSchema } from '../schemas/law.ts';
import { PageSchema } from '../schemas/page.ts';
import { PartnershipSchema, type Partnership } from '../schemas/partnership.ts';
import { BankHolidaysSchema } from '../schemas/bank-holidays.ts';
import { ServiceSchema } from '../schemas/service.ts';
import { CheckerAudienceSchema, NextStepSchema, SIGN_CATEGORIES, SignSchema } from '../schemas/sign.ts';
import { AUDIENCE_LABELS } from '../schemas/common.ts';
import { fieldsFor, fieldFor, toJsonSchema, type CmsField } from './fields.ts';
import { EDITOR_COMPONENTS } from './components.ts';
import { LIST_FIELD } from './preserve.ts';
// The formats registered by /admin/cms.js (src/cms/admin.ts) keep files byte-identical.
import { FORMATS, LOCAL_BACKEND_PORT } from './shared.ts';


const LOCAL_BACKEND = { url: `http://127.0.0.1:${LOCAL_BACKEND_PORT}/api/v1`, allowed_hosts: ['127.0.0.1', 'localhost'] };

/** The page body: raw Markdown first, so an edit never rewrites what it did not touch. */
const BODY: CmsField = {
  name: 'body',
  label: 'Page text',
  widget: 'markdown',
  hint: 'Plain text with Markdown: **bold**, [a link](/report/), - a list. Use the buttons below the box for a phone number or a list of signs.',
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
  filter?: { field: string; pattern: string };
  preview_path?: string;
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

/** A folder of Markdown or MDX files, each one entry; `schema` checks the frontmatter. */
function folder(name: string, label: string, singular: string, description: string, path: string, schema: z.ZodType, options: Partial<FolderCollection> & { extension?: string } = {}): FolderCollection {
  const extension = options.extension ?? 'mdx';
  return {
    name,
    label,
    label_singular: singular,
    description,
    folder: path,
    extension,
    format: extension === 'yaml' ? FORMATS.yaml : FORMATS.frontmatter,
    create: true,
    slug: '{{slug}}',
    ...options,
    fields: [...fieldsFor(toJsonSchema(schema)), ...(extension === 'yaml' ? [] : [BODY])],
  };
}

/** A YAML file whose top level is a list: the editor shows it as one list field. */
function listFile(name: string, label: string, file: string, schema: z.ZodType, itemLabel: string): FileCollection['files'][number] {
  const item = toJsonSchema(schema);
  return { name, label, file, fields: [{ ...fieldFor(LIST_FIELD, { type: 'array', items: item, title: itemLabel }, true), label: label }] };
}

/**
 * A YAML file whose keys are ids (a category, an audience), each an entry: the editor shows one
 * group per key the file has, named from `labels`.
 */
function keyedFile(name: string, label: string, file: string, schema: z.ZodType, labels: Record<string, string>): FileCollection['files'][number] {
  const entry = toJsonSchema(schema);
  const keys = Object.keys((yaml.load(readFileSync(join(contentDir(), file.replace(/^content\//, '')), 'utf8')) ?? {}) as object);
  return {
    name,
    label,
    file,
    fields: keys.map((key) => ({ ...fieldFor(key, entry, true), label: labels[key] ?? key, collapsed: true })),
  };
}

/** Every collection an editor touches, in the order the editor lists them. */
export function collections(): CmsCollection[] {
  return [
    folder('campaigns', 'Campaigns', 'Campaign', 'Campaign pages, their posters and share images, and their short links. A campaign is public from its start date.', 'content/campaigns', CampaignSchema, {
      summary: '{{title}} (from {{start}})',
      sortable_fields: ['title', 'start'],
      preview_path: 'campaigns/{{slug}}/',
    }),
    folder('pages', 'Pages', 'Page', 'Guides and explainers. The file name is the page address.', 'content/pages', PageSchema, { preview_path: '{{slug}}/' }),
    folder('services', 'Services', 'Service', 'Helplines and local services in Get help, with their opening hours. Every number needs the page you checked it on.', 'content/services', ServiceSchema, {
      extension: 'md',
      identifier_field: 'name',
      preview_path: 'help/{{slug}}/',
    }),
    folder('law', 'The law', 'Act', 'One page per Act of Parliament.', 'content/law', LawSchema, { preview_path: 'law/{{slug}}/' }),
    folder('figures', 'Local figures', 'Month', 'One file per month of published figures.', 'content/figures', FigurePeriodSchema, {
      extension: 'yaml',
      identifier_field: 'period',
      slug: '{{fields.period}}',
      summary: '{{period}}',
      filter: { field: 'period', pattern: '^\\d{4}-\\d{2}$' },
      delete: false,
    }),
    {
      name: 'signs',
      label: 'Warning signs',
      description: 'The one list of warning signs every audience page and the checker are built from.',
      format: FORMATS.yaml,
      delete: false,
      files: [
        listFile('signs', 'Warning signs', 'content/signs/signs.yaml', SignSchema, 'Sign'),
        keyedFile('next-steps', 'What to do next, by kind of sign', 'content/signs/next-steps.yaml', NextStepSchema, SIGN_CATEGORIES),
        keyedFile('checker-audiences', 'The checker’s advice, by who is asking', 'content/signs/checker-audiences.yaml', CheckerAudienceSchema, AUDIENCE_LABELS),
      ],
    },
    {
      name: 'settings',
      label: 'Settings',
      description: 'The partnership, its phone lines, bank holidays, and what each published figure means.',
      format: FORMATS.yaml,
      delete: false,
      files: [
        { name: 'partnership', label: 'Partnership and phone lines', file: 'content/partnership.yaml', fields: fieldsFor(toJsonSchema(PartnershipSchema.omit({ editor: true }))) },
        listFile('metrics', 'What each figure means', 'content/figures/metrics.yaml', MetricSchema, 'Figure'),
        { name: 'bank-holidays', label: 'Bank holidays', file: 'content/bank-holidays.yaml', fields: fieldsFor(toJsonSchema(BankHolidaysSchema)) },
      ],
    },
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

/** Every field name path in a list of editor fields, for the drift test. */
export function fieldPaths(fields: CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = `${prefix}${f.name}`;
    const inner = [...(f.fields ?? []), ...(f.field?.fields ?? []), ...(f.types ?? []).flatMap((t) => t.fields)];
    return [path, ...fieldPaths(inner, `${path}.`)];
  });
}


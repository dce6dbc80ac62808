// The components an editor can put in a page from the editor's toolbar (src/components/mdx-components.ts
// holds the same ones for the build). Every prop is a plain string, so `<Call contact="police" />` is
// text an editor can read, type and change, and the editor writes it back exactly as it reads it.
//
// THIS FILE RUNS IN THE BROWSER (bundled into /admin/cms.js) and in Node (tests).

export interface ComponentProp {
  name: string;
  label: string;
  hint?: string;
  widget: string;
  required?: boolean;
  [option: string]: unknown;
}

export interface EditorComponent {
  /** Decap's id for it (lower-case). */
  id: string;
  /** The MDX tag. */
  tag: string;
  label: string;
  props: ComponentProp[];
  /** What the editor's preview shows in its place. */
  preview: (props: Record<string, string>) => string;
}

// Contacts live in the partnership settings; services each in their own file.
const CONTACT = { widget: 'relation', collection: 'settings', file: 'partnership', value_field: 'contacts.*.key', search_fields: ['contacts.*.label'], display_fields: ['contacts.*.label'] };
const SERVICE = { widget: 'relation', collection: 'services', value_field: '{{slug}}', search_fields: ['name'], display_fields: ['name'] };

/** A component with no props that stands for words from the settings; the preview names them. */
function words(id: string, tag: string, label: string, shown: string): EditorComponent {
  return { id, tag, label, props: [], preview: () => `[${shown}]` };
}

export const EDITOR_COMPONENTS: EditorComponent[] = [
  {
    id: 'call',
    tag: 'Call',
    label: 'Phone number',
    props: [
      { name: 'contact', label: 'One of the partnership’s lines', hint: 'Choose this, or a service below: not both.', ...CONTACT, required: false },
      { name: 'service', label: 'Or a service’s line', ...SERVICE, required: false },
      { name: 'channel', label: 'For a service: call or text', widget: 'select', options: ['phone', 'text'], required: false },
    ],
    preview: (p) => `☎ ${p.contact ?? p.service ?? '?'}${p.channel === 'text' ? ' (text)' : ''}`,
  },
  {
    id: 'sign-list',
    tag: 'SignList',
    label: 'Warning signs for one audience',
    props: [{ name: 'audience', label: 'Whose signs', widget: 'select', options: ['parent', 'young-person', 'community', 'professional', 'business'] }],
    preview: (p) => `[The warning signs for: ${p.audience ?? '?'}]`,
  },
  {
    id: 'contact-list',
    tag: 'ContactList',
    label: 'A list of the partnership’s phone lines',
    props: [{ name: 'keys', label: 'Which lines, in order', ...CONTACT, multiple: true }],
    preview: (p) => `[Phone lines: ${p.keys ?? ''}]`,
  },
  {
    id: 'services',
    tag: 'Services',
    label: 'Services, as cards',
    props: [{ name: 'ids', label: 'Which services, in order', ...SERVICE, multiple: true }],
    preview: (p) => `[Services: ${p.ids ?? ''}]`,
  },
  words('report-hours', 'ReportHours', 'When reports are read', 'When the team reads reports, and who to call at other times'),
  words('partnership', 'Partnership', 'The partnership’s name', 'The partnership’s name'),
  words('area', 'Area', 'The area the partnership serves', 'The area'),
  words('site-email', 'SiteEmail', 'The website’s email address', 'The website’s email address'),
  words('glossary', 'Glossary', 'The words parents may hear', 'The words parents may hear, from Lists on pages'),
  words('sector-list', 'SectorList', 'The list of workplaces', 'Every workplace page, with a link to each'),
];

const ATTRIBUTE = /([A-Za-z]+)="([^"]*)"/g;

/** Matches the whole component as it stands in a file: `<Call contact="emergency" />`. */
export function patternFor(component: EditorComponent): RegExp {
  return new RegExp(`^<${component.tag}((?:\\s+[A-Za-z]+="[^"]*")*)\\s*/>$`);
}

/** The component's props, from its text. A list prop ("a, b") becomes a list. */
export function fromBlock(component: EditorComponent, text: string): Record<string, string | string[]> {
  const match = patternFor(component).exec(text.trim());
  const props: Record<string, string | string[]> = {};
  for (const [, name, value] of (match?.[1] ?? '').matchAll(ATTRIBUTE)) {
    const prop = component.props.find((p) => p.name === name);
    props[name!] = prop?.multiple ? value!.split(',').map((v) => v.trim()).filter(Boolean) : value!;
  }
  return props;
}

/** The component's text, props in their declared order, empty ones left out. */
export function toBlock(component: EditorComponent, props: Record<string, unknown>): string {
  const attributes = component.props
    .map((p) => {
      const value = props[p.name];
      const text = Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value);
      return text ? ` ${p.name}="${text.replace(/"/g, '')}"` : '';
    })
    .join('');
  return `<${component.tag}${attributes} />`;
}

/**
 * The page text with each component written as what it stands for ("☎ emergency"), for the
 * editor's preview: the preview's Markdown renderer drops tags it does not know, so
 * `call <Call contact="emergency" />` would read "call ." there.
 */
export function componentsAsText(body: string): string {
  return body.replace(/<([A-Z][A-Za-z]*)((?:\s+[A-Za-z]+="[^"]*")*)\s*\/>/g, (whole, tag: string) => {
    const component = EDITOR_COMPONENTS.find((c) => c.tag === tag);
    if (!component) return whole;
    const props = fromBlock(component, whole);
    return component.preview(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])));
  });
}

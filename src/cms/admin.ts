// The content editor's own script, /admin/cms.js, loaded before Decap CMS (/admin/decap-cms.js).
// It registers the file formats that keep files byte-identical, the editor buttons for the
// components pages use, and the previews; then starts the editor with /admin/config.yml.
import { EDITOR_COMPONENTS, fromBlock, patternFor, toBlock } from './components.ts';
import { readFrontmatter, readYaml, writeFrontmatter, writeYaml } from './preserve.ts';
import { CHOICE_OR_LIST, FORMATS } from './shared.ts';
import { campaignPreview, choiceOrListWidget, pagePreview } from './widgets.ts';
import { campaignStatus, ukDay } from '../lib/campaign-schedule.ts';
import { campaignDates, dayText } from '../lib/campaign-dates-text.ts';

/** The campaign's status today, in words, for the editor's preview. */
function campaignStatusText(start: string, end: string | undefined): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return 'Choose the first day: the campaign is public from then.';
  const window = { start: new Date(`${start}T00:00:00Z`), end: end && /^\d{4}-\d{2}-\d{2}$/.test(end) ? new Date(`${end}T00:00:00Z`) : undefined };
  const dates = campaignDates(window);
  switch (campaignStatus(window, ukDay(new Date()))) {
    case 'upcoming':
      return `Preview: this campaign is not public until ${dayText(window.start)}${window.end ? `, and runs to ${dayText(window.end)}` : ''}.`;
    case 'ended':
      return `Preview: this campaign is over (${dates}); it is listed under past campaigns.`;
    default:
      return `Preview: this campaign is running (${dates}).`;
  }
}

interface DecapCms {
  registerPreviewTemplate(collection: string, template: unknown): void;
  registerWidget(name: string, control: unknown): void;
  registerCustomFormat(name: string, extension: string, formatter: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>, order?: string[]): string }): void;
  registerEditorComponent(component: Record<string, unknown>): void;
  registerPreviewStyle(href: string): void;
  init(options?: Record<string, unknown>): void;
}
declare global {
  interface Window {
    CMS?: DecapCms;
    CMS_MANUAL_INIT?: boolean;
  }
}

// Decap must not start on its own before the formats below exist.
window.CMS_MANUAL_INIT = true;

// Page text opens as plain Markdown, which is saved exactly as typed. Decap's rich-text mode
// re-writes the whole body when it saves; an editor can still switch to it (and the choice is kept).
const MARKDOWN_MODE = 'cms.md-mode';
if (!localStorage.getItem(MARKDOWN_MODE)) localStorage.setItem(MARKDOWN_MODE, 'raw');

document.addEventListener('DOMContentLoaded', () => {
  const cms = window.CMS;
  if (!cms) {
    document.body.textContent = 'The content editor could not load. Reload the page; if it still fails, tell whoever runs the website.';
    return;
  }
  cms.registerCustomFormat(FORMATS.frontmatter, 'mdx', { fromFile: readFrontmatter, toFile: writeFrontmatter });
  cms.registerCustomFormat(FORMATS.yaml, 'yaml', { fromFile: readYaml, toFile: writeYaml });
  if (window.h && window.createClass) {
    cms.registerWidget(CHOICE_OR_LIST, choiceOrListWidget(window.h, window.createClass));
    cms.registerPreviewTemplate('campaigns', campaignPreview(window.h, window.createClass, campaignStatusText));
    for (const collection of ['pages', 'law', 'services', 'sectors']) cms.registerPreviewTemplate(collection, pagePreview(window.h, window.createClass));
  }
  for (const component of EDITOR_COMPONENTS) {
    cms.registerEditorComponent({
      id: component.id,
      label: component.label,
      fields: component.props,
      pattern: patternFor(component),
      fromBlock: (match: RegExpMatchArray) => fromBlock(component, match[0]),
      toBlock: (props: Record<string, unknown>) => toBlock(component, props),
      toPreview: (props: Record<string, string>) => component.preview(props),
    });
  }
  // The preview looks like the site: its own stylesheet, named in the page by the build.
  const style = document.querySelector<HTMLMetaElement>('meta[name="site-stylesheet"]')?.content;
  if (style) cms.registerPreviewStyle(style);
  // GitHub sign-in goes through this site's own /api/cms/auth, wherever the site is served from.
  const sameOrigin = document.querySelector('meta[name="cms-sign-in"]')?.getAttribute('content') === 'this-site';
  cms.init(sameOrigin ? { config: { backend: { base_url: window.location.origin } } } : undefined);
});

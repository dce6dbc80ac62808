import { z } from 'astro/zod';
import { audiences, DemoSchema, SearchTermsSchema } from './common.ts';

/** The kinds of page search results can be filtered by. */
export const PAGE_KINDS = {
  guide: 'Guides and explainers',
  signs: 'Warning signs',
  campaign: 'Campaigns',
  service: 'Get help',
  law: 'The law',
  about: 'About the partnership',
} as const;
export type PageKind = keyof typeof PAGE_KINDS;
export const PageKindSchema = z.enum(Object.keys(PAGE_KINDS) as [PageKind]);

/** A prose page: an MDX file in `content/pages/`; its path under that folder is its address. */
export const PageSchema = z.strictObject({
  /** The page heading and title. */
  title: z.string().min(3).meta({ label: 'Title', hint: 'The page heading.' }),
  /** A sentence for search results and link previews (160 characters at most). */
  description: z.string().min(20).max(160).meta({ label: 'Summary', hint: 'One sentence for search results and link previews, 160 characters at most.' }),
  /** Who the page is mainly for; empty means everyone. */
  audiences: audiences('Who the page is mainly for; leave it out for everyone.').default([]),
  /** What kind of page it is, for search filters. */
    kind: PageKindSchema.default('guide').meta({ label: 'Kind of page', hint: `For the search filters: ${Object.keys(PAGE_KINDS).join(', ')}.` }),
  searchTerms: SearchTermsSchema,
  /** True for a page only the demo partnership has. */
  demo: DemoSchema,
});
export type Page = z.infer<typeof PageSchema>;

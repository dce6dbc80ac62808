import { z } from 'astro/zod';
import { audiences, DemoSchema, SearchTermsSchema } from './common.ts';
import { TranslationSchema } from './translation.ts';

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

/**
 * A translated page: content/pages/<code>/<slug>.mdx translates content/pages/<slug>.mdx. Who the
 * page is for and its kind come from the English page; only words are translated.
 */
export const TranslatedPageSchema = z.strictObject({
  /** The page heading and title, in the translation's language. */
  title: z.string().min(3).meta({ label: 'Title', hint: 'The page heading, in the translation’s language.' }),
  /** A sentence for search results and link previews (160 characters at most). */
  description: z.string().min(20).max(160).meta({ label: 'Summary', hint: 'One sentence for search results and link previews, 160 characters at most, in the translation’s language.' }),
  /** Words people type for this page in the translation's language (not the English page's). */
  searchTerms: SearchTermsSchema,
  /** How it was translated, which English it follows, and who reviewed it. */
  translation: TranslationSchema,
});

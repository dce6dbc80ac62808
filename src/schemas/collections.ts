// Every kind of file an editor changes, in one list: where it lives and the schema it must match.
// content.config.ts builds Astro's collections from it; scripts, tests and the content editor's
// configuration read the same list, so a new collection added here is checked everywhere.
// Free of `astro:*` modules, so plain Node scripts can import it.
import type { z } from 'astro/zod';
import { BankHolidaysSchema } from './bank-holidays.ts';
import { CampaignSchema } from './campaign.ts';
import { EasyReadPageSchema, GlossarySchema, PicturesSchema } from './easy-read.ts';
import { FigurePeriodSchema, MetricSchema } from './figure.ts';
import { GlossaryTermSchema } from './glossary.ts';
import { HelpGroupSchema } from './help-group.ts';
import { LawSchema } from './law.ts';
import { PageSchema, TranslatedPageSchema } from './page.ts';
import { PartnershipSchema } from './partnership.ts';
import { SectorSchema } from './sector.ts';
import { ServiceSchema } from './service.ts';
import { CheckerAudienceSchema, NextStepSchema, SignSchema } from './sign.ts';
import { CatalogueSchema, CheckerTranslationSchema, NextStepsTranslationSchema, SignsTranslationSchema } from './translation.ts';

/** A folder of Markdown/MDX files (one entry each) or one YAML file (one entry per item). */
export type CollectionSource<S extends z.ZodType = z.ZodType> =
  | { label: string; schema: S; folder: string; pattern: string | string[] }
  | { label: string; schema: S; file: string };

const entries = <S extends z.ZodType>(label: string, schema: S, folder: string, pattern: string | string[]) => ({ label, schema, folder, pattern });

/**
 * A folder named by a language code (two or three lowercase letters: cy, pl, ur) holds that
 * language's translations: content/pages/cy/parents.mdx translates content/pages/parents.mdx. Only
 * the languages listed in partnership.yaml are published; the others are checked but not built.
 */
const LANGUAGE_FOLDER = '{[a-z][a-z],[a-z][a-z][a-z]}';
const items = <S extends z.ZodType>(label: string, schema: S, file: string) => ({ label, schema, file });

/** Astro's content collections, by name. Paths are relative to the content folder. */
export const COLLECTIONS = {
  campaigns: entries('Campaigns', CampaignSchema, 'campaigns', '**/[^_]*.mdx'),
  signs: items('Warning signs', SignSchema, 'signs/signs.yaml'),
  nextSteps: items('What to do next, by kind of sign', NextStepSchema, 'signs/next-steps.yaml'),
  checkerAudiences: items('Signs checker advice', CheckerAudienceSchema, 'signs/checker-audiences.yaml'),
  glossary: items('Words parents may hear', GlossaryTermSchema, 'glossary.yaml'),
  law: entries('The law', LawSchema, 'law', '**/[^_]*.mdx'),
  // Services are Markdown: plain .md bodies are rendered once into the content store, not compiled
  // into a JavaScript module each as .mdx is (see docs/performance.md: at 10,000 services that is
  // half the build). An editor who needs a component in a service can still use .mdx.
  services: entries('Services', ServiceSchema, 'services', '**/[^_]*.{md,mdx}'),
  pages: entries('Pages', PageSchema, 'pages', ['**/[^_]*.mdx', `!${LANGUAGE_FOLDER}/**`]),
  translatedPages: entries('Translated pages', TranslatedPageSchema, 'pages', `${LANGUAGE_FOLDER}/**/[^_]*.mdx`),
  easyRead: entries('Easy Read pages', EasyReadPageSchema, 'easy-read', ['*.yaml', '!pictures.yaml', '!glossary.yaml']),
  sectors: entries('Workplaces (staff who meet the public)', SectorSchema, 'sectors', '**/[^_]*.mdx'),
  figures: entries('Local figures, one file a month', FigurePeriodSchema, 'figures', '[0-9][0-9][0-9][0-9]-[0-9][0-9].yaml'),
  metrics: items('What each local figure counts', MetricSchema, 'figures/metrics.yaml'),
} satisfies Record<string, CollectionSource>;

/** Single settings files that are not collections, read when Astro loads its configuration. */
export const SETTINGS = {
  partnership: { label: 'The partnership', schema: PartnershipSchema, file: 'partnership.yaml' },
  bankHolidays: { label: 'Bank holiday changes', schema: BankHolidaysSchema, file: 'bank-holidays.yaml' },
  easyReadGlossary: { label: 'Easy Read words we use', schema: GlossarySchema, file: 'easy-read/glossary.yaml' },
  easyReadPictures: { label: 'Easy Read pictures', schema: PicturesSchema, file: 'easy-read/pictures.yaml' },
  // A list in the order written, so not a collection (Astro's file loader keeps no order).
  helpGroups: { label: 'How /help/ groups its services', schema: HelpGroupSchema.array(), file: 'help-groups.yaml' },
} satisfies Record<string, { label: string; schema: z.ZodType; file: string }>;

/**
 * The files each language other than English has, read when Astro loads its configuration, for
 * each language listed in partnership.yaml: "{code}" is the language's code.
 */
export const TRANSLATIONS = {
  catalogue: { label: 'The site’s own words', schema: CatalogueSchema, file: 'i18n/{code}.yaml' },
  signs: { label: 'Warning signs, translated', schema: SignsTranslationSchema, file: 'signs/{code}/signs.yaml' },
  nextSteps: { label: 'What to do next, translated', schema: NextStepsTranslationSchema, file: 'signs/{code}/next-steps.yaml' },
  checkerAudiences: { label: 'Signs checker advice, translated', schema: CheckerTranslationSchema, file: 'signs/{code}/checker-audiences.yaml' },
} satisfies Record<string, { label: string; schema: z.ZodType; file: string }>;

// Every kind of content the kit holds. Editors change files under `content/`; a field that does not
// match its schema stops the build with the file's path and the field's name.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { join } from 'node:path';
import { loadPartnership } from './integrations/partnership.ts';
import { contentDir } from './lib/content-dir.ts';
import { CampaignSchema } from './schemas/campaign.ts';
import { EasyReadPageSchema } from './schemas/easy-read.ts';
import { FigurePeriodSchema, MetricSchema } from './schemas/figure.ts';
import { LawSchema } from './schemas/law.ts';
import { PageSchema, TranslatedPageSchema } from './schemas/page.ts';
import { ServiceSchema } from './schemas/service.ts';
import { CheckerAudienceSchema, NextStepSchema, SignSchema } from './schemas/sign.ts';

const root = contentDir();
// Translated pages live in content/pages/<code>/ for each language in partnership.yaml; the English
// pages are everything else in content/pages/.
const languages = loadPartnership(join(root, 'partnership.yaml')).languages.map((l) => l.code);
const mdx = (folder: string) => glob({ base: `${root}/${folder}`, pattern: '**/[^_]*.mdx' });
// Services are Markdown: plain .md bodies are rendered once into the content store, not compiled
// into a JavaScript module each as .mdx is (see docs/performance.md: at 10,000 services that is
// half the build). An editor who needs a component in a service can still use .mdx.
const markdown = (folder: string) => glob({ base: `${root}/${folder}`, pattern: '**/[^_]*.{md,mdx}' });

export const collections = {
  campaigns: defineCollection({ loader: mdx('campaigns'), schema: CampaignSchema }),
  signs: defineCollection({ loader: file(`${root}/signs/signs.yaml`), schema: SignSchema }),
  nextSteps: defineCollection({ loader: file(`${root}/signs/next-steps.yaml`), schema: NextStepSchema }),
  checkerAudiences: defineCollection({ loader: file(`${root}/signs/checker-audiences.yaml`), schema: CheckerAudienceSchema }),
  law: defineCollection({ loader: mdx('law'), schema: LawSchema }),
  services: defineCollection({ loader: markdown('services'), schema: ServiceSchema }),
  pages: defineCollection({
    loader: glob({ base: `${root}/pages`, pattern: ['**/[^_]*.mdx', ...languages.map((code) => `!${code}/**`)] }),
    schema: PageSchema,
  }),
  /** Translations of pages: content/pages/<code>/<slug>.mdx, with the id "<code>/<slug>". */
  translatedPages: defineCollection({
    loader: languages.length ? glob({ base: `${root}/pages`, pattern: languages.map((code) => `${code}/**/[^_]*.mdx`) }) : () => [],
    schema: TranslatedPageSchema,
  }),
  figures: defineCollection({ loader: glob({ base: `${root}/figures`, pattern: '[0-9][0-9][0-9][0-9]-[0-9][0-9].yaml' }), schema: FigurePeriodSchema }),
  /** Easy Read pages: content/easy-read/<slug>.yaml (the picture list and glossary are read apart). */
  easyRead: defineCollection({
    loader: glob({ base: `${root}/easy-read`, pattern: ['*.yaml', '!pictures.yaml', '!glossary.yaml'] }),
    schema: EasyReadPageSchema,
  }),
  metrics: defineCollection({ loader: file(`${root}/figures/metrics.yaml`), schema: MetricSchema }),
};

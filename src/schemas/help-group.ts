import { z } from 'astro/zod';
import { slug } from './common.ts';

/**
 * A group of services on the /help/ page, from `content/help-groups.yaml`, in the order shown.
 * Grouping lets someone on a phone see five headings instead of twenty cards. A service in no
 * group is still listed, under "More services", so a new service is never hidden.
 */
export const HelpGroupSchema = z.strictObject({
  /** A short, stable slug, used for the group's anchor: "talk". */
  id: slug('must be lowercase letters, digits and hyphens, e.g. talk')
    .meta({ label: 'Id', hint: 'A short name for the group, lowercase with hyphens; its place on the page uses it.' }),
  /** The heading, as the reader would put their need: "Talk to someone now". */
  title: z.string().min(3, { error: 'needs a few words' }).meta({ label: 'Heading', hint: 'The group’s heading, as the reader would put their need: "Talk to someone now".' }),
  /** One sentence under the heading: who these services are for. */
  intro: z.string().min(10, { error: 'needs a sentence' }).meta({ label: 'Introduction', hint: 'One sentence under the heading: who these services are for.' }),
  /** File names in content/services/, without .md, in the order to show them. */
  services: z
    .array(slug('each service must be a file name from content/services/, e.g. childline'))
    .min(1, { error: 'needs at least one service' })
    .meta({ label: 'Services', hint: 'File names in content/services/, without .md, in the order to show them: [childline, samaritans].' }),
});
export type HelpGroup = z.infer<typeof HelpGroupSchema>;

/** The group of services that no group lists; other languages translate it as helpGroup.other.*. */
export const OTHER_GROUP = { id: 'other', title: 'More services', intro: 'Other services that can help.' } as const;

import { z } from 'astro/zod';

/**
 * A group of services on the /help/ page, from `content/help-groups.yaml`, in the order shown.
 * Grouping lets someone on a phone see five headings instead of twenty cards. A service in no
 * group is still listed, under "More services", so a new service is never hidden.
 */
export const HelpGroupSchema = z.strictObject({
  /** A short, stable slug, used for the group's anchor: "talk". */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id must be lowercase letters, digits and hyphens' }),
  /** The heading, as the reader would put their need: "Talk to someone now". */
  title: z.string().min(3, { error: 'title needs a few words' }),
  /** One sentence under the heading: who these services are for. */
  intro: z.string().min(10, { error: 'intro needs a sentence' }),
  /** File names in content/services/, without .md, in the order to show them. */
  services: z.array(z.string().regex(/^[a-z0-9-]+$/, { error: 'each service must be a file name from content/services/, e.g. childline' })).min(1, { error: 'a group needs at least one service' }),
});
export type HelpGroup = z.infer<typeof HelpGroupSchema>;

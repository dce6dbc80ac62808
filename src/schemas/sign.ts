import { z } from 'astro/zod';
import { AudienceSchema } from './common.ts';

/** The groups warning signs are sorted into, in the order pages show them. */
export const SIGN_CATEGORIES = {
  money: 'Money and possessions',
  phones: 'Phones and online',
  missing: 'Going missing',
  school: 'School',
  health: 'Body and health',
  friends: 'Friends and relationships',
  safety: 'Fear, threats and weapons',
  home: 'Home and neighbourhood',
} as const;
export const SignCategorySchema = z.enum(Object.keys(SIGN_CATEGORIES) as [keyof typeof SIGN_CATEGORIES]);

/** One warning sign, from `content/signs/signs.yaml`. Pages for each audience are built from this list. */
export const SignSchema = z.object({
  /** A short, stable slug, used for anchors and the checker. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id must be lowercase letters, digits and hyphens' }),
  /** What someone might notice, in plain words: "New clothes or trainers they can't explain". */
  noticed: z.string().min(5),
  /** Why it can matter, without blaming the child. */
  why: z.string().min(10),
  /** Who is likely to notice it. */
  audiences: z.array(AudienceSchema).min(1),
  /** Which group it is listed under. */
  category: SignCategorySchema,
  /** The published guidance this sign is drawn from. */
  source: z.url(),
});
export type Sign = z.infer<typeof SignSchema>;

/** What to do next for one category of sign: `content/signs/next-steps.yaml`, keyed by category. */
export const NextStepSchema = z.object({
  /** One or two sentences: what to do, kindly and safely. */
  step: z.string().min(20),
});

/** The checker's advice for one kind of person: `content/signs/checker-audiences.yaml`. */
export const CheckerAudienceSchema = z.object({
  /** The choice as the person says it: "I'm a parent or carer". */
  label: z.string().min(5),
  /** What to do, most urgent first. */
  steps: z.array(z.string().min(10)).min(1),
  /** What not to do. */
  avoid: z.array(z.string().min(10)).default([]),
});

import { z } from 'astro/zod';
import { audiences, slug } from './common.ts';

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
export const SignSchema = z.strictObject({
  /** A short, stable slug, used for anchors and the checker. */
  id: slug('is lowercase letters, digits and hyphens').meta({ label: 'Id', hint: 'A short name, lowercase with hyphens, that never changes: links and the checker use it.' }),
  /** What someone might notice, in plain words: "New clothes or trainers they can't explain". */
  noticed: z.string().min(5).meta({ label: 'What you might notice', hint: 'In plain words: "New clothes or trainers they can’t explain".' }),
  /** Why it can matter, without blaming the child. */
  why: z.string().min(10).meta({ label: 'Why it can matter', hint: 'Why it can matter, without blaming the child.' }),
  /** Who is likely to notice it. */
  audiences: audiences('Who is likely to notice it.').min(1),
  /** Which group it is listed under. */
  category: SignCategorySchema.meta({ label: 'Group', hint: `Which group it is listed under: ${Object.keys(SIGN_CATEGORIES).join(', ')}.` }),
  /** The published guidance this sign is drawn from. */
  source: z.url({ error: 'must be the full web address (https://…) of the guidance' }).meta({ label: 'Source', hint: 'The full web address of the published guidance it is drawn from.' }),
});
export type Sign = z.infer<typeof SignSchema>;

/** What to do next for one category of sign: `content/signs/next-steps.yaml`, keyed by category. */
export const NextStepSchema = z.strictObject({
  /** One or two sentences: what to do, kindly and safely. */
  step: z.string().min(20).meta({ label: 'What to do', hint: 'One or two sentences: what to do next, kindly and safely.' }),
});

/** The checker's advice for one kind of person: `content/signs/checker-audiences.yaml`. */
export const CheckerAudienceSchema = z.strictObject({
  /** The choice as the person says it: "I'm a parent or carer". */
  label: z.string().min(5).meta({ label: 'Choice', hint: 'The choice as the person would say it: "I’m a parent or carer".' }),
  /** What to do, most urgent first. */
  steps: z.array(z.string().min(10)).min(1).meta({ label: 'What to do', hint: 'What to do, most urgent first, one line each.' }),
  /** What not to do. */
  avoid: z.array(z.string().min(10)).default([]).meta({ label: 'What not to do', hint: 'What not to do, one line each.' }),
});

import { z } from 'astro/zod';

/** What a published figure means: one entry in `content/figures/metrics.yaml`. */
export const MetricSchema = z.object({
  /** The slug used in monthly files and in the metric's address. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id must be lowercase letters, digits and hyphens' }),
  /** The plain-English name shown on the page. */
  title: z.string().min(5),
  /** Exactly what is counted, so that readers and next year's editors count the same thing. */
  definition: z.string().min(20),
  /** The agency that provides the number. */
  source: z.string().min(3),
  /** True for counts of children: values under 5 are never shown exactly, to protect identities. */
  sensitive: z.boolean(),
});
export type Metric = z.infer<typeof MetricSchema>;

/** One part of a figure, e.g. the lines run from one city. */
const BreakdownSchema = z.object({
  /** What this part is: "London". */
  label: z.string().min(1),
  /** A heading parts are grouped under: "From other areas". */
  group: z.string().optional(),
  /** The count for this part. */
  value: z.number().int().nonnegative(),
  /**
   * For county lines: how many separate criminal groups run the lines counted in this part (one
   * group often runs several lines).
   */
  crimeGroups: z.number({ error: 'crimeGroups must be a whole number: how many criminal groups run these lines' }).int({ error: 'crimeGroups must be a whole number' }).nonnegative({ error: 'crimeGroups cannot be negative' }).optional(),
});

const ActionListSchema = z.array(z.string().min(10, { error: 'each action needs a sentence saying what was done' })).default([]);

/** What the partnership did in the month, under the four Ps of its plan. Shown under the figures. */
export const ActionsSchema = z.strictObject({
  /** Disrupting and prosecuting the people who exploit children. */
  pursue: ActionListSchema,
  /** Stopping children being drawn in. */
  prevent: ActionListSchema,
  /** Protecting children, vulnerable adults and places, and supporting victims. */
  protect: ActionListSchema,
  /** Being ready to respond, and reducing the harm when it happens. */
  prepare: ActionListSchema,
}, { error: 'actions must list what was done under pursue:, prevent:, protect: and prepare:' });
export type Actions = z.infer<typeof ActionsSchema>;

/** One month of published local figures: a YAML file in `content/figures/`, named YYYY-MM.yaml. */
export const FigurePeriodSchema = z.object({
  /** The month the figures cover (YYYY-MM). */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'period must be written as YYYY-MM' }),
  /** True for the demo partnership's invented figures. */
  demo: z.boolean().default(false),
  /** The figures for that month, one row per metric. */
  values: z
    .array(z.object({
      /** The metric's id from metrics.yaml, e.g. "county-lines-active". */
      metric: z.string().regex(/^[a-z0-9-]+$/, { error: 'metric must be an id from content/figures/metrics.yaml' }),
      /** The count for the month. */
      value: z.number({ error: 'value must be a whole number' }).int({ error: 'value must be a whole number' }).nonnegative({ error: 'value cannot be negative' }),
      /** Optional parts that add up to the value. */
      breakdown: z.array(BreakdownSchema).optional(),
    }))
    .min(1),
  /** What the partnership did this month under Pursue, Prevent, Protect and Prepare. */
  actions: ActionsSchema.optional(),
});
export type FigurePeriod = z.infer<typeof FigurePeriodSchema>;

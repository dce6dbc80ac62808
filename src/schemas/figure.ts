import { z } from 'astro/zod';
import { DemoSchema, slug } from './common.ts';

const measure = (what: string) => slug(`${what} is lowercase letters, digits and hyphens, e.g. county-lines-active`);

/** What a published figure means: one entry in `content/figures/metrics.yaml`. */
export const MetricSchema = z.strictObject({
  /** The slug used in monthly files and in the metric's address. */
  id: measure('an id').meta({ label: 'Id', hint: 'A short name for the measure, lowercase with hyphens; monthly files and its web address use it.' }),
  /** The plain-English name shown on the page. */
  title: z.string().min(5).meta({ label: 'Name', hint: 'The plain-English name shown on the page.' }),
  /** Exactly what is counted, so that readers and next year's editors count the same thing. */
  definition: z.string().min(20).meta({ label: 'What is counted', hint: 'Exactly what is counted, so that next year’s editor counts the same thing.' }),
  /** The agency that provides the number. */
  source: z.string().min(3).meta({ label: 'Who provides it', hint: 'The agency that provides the number each month.' }),
  /** True for counts of children: values under 5 are never shown exactly, to protect identities. */
  sensitive: z.boolean({ error: 'must be true or false' }).meta({ label: 'Counts children', hint: 'true for counts of children: numbers under 5 are then shown as "fewer than 5".' }),
});
export type Metric = z.infer<typeof MetricSchema>;

/** One part of a figure, e.g. the lines run from one city. */
const BreakdownSchema = z.strictObject({
  /** What this part is: "London". */
  label: z.string().min(1).meta({ label: 'Part', hint: 'What this part is: "London".' }),
  /** A heading parts are grouped under: "From other areas". */
  group: z.string().optional().meta({ label: 'Group', hint: 'A heading parts are grouped under: "From other areas".' }),
  /** The count for this part. */
  value: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).nonnegative({ error: 'cannot be negative' }).meta({ label: 'Count', hint: 'The count for this part.' }),
  /**
   * For county lines: how many separate criminal groups run the lines counted in this part (one
   * group often runs several lines).
   */
  crimeGroups: z
    .number({ error: 'must be a whole number: how many criminal groups run these lines' })
    .int({ error: 'must be a whole number' })
    .nonnegative({ error: 'cannot be negative' })
    .optional()
    .meta({ label: 'Criminal groups', hint: 'For county lines: how many separate criminal groups run the lines counted in this part.' }),
});

const actionList = (label: string, hint: string) =>
  z.array(z.string().min(10, { error: 'each action needs a sentence saying what was done' })).default([]).meta({ label, hint });

/** What the partnership did in the month, under the four Ps of its plan. Shown under the figures. */
export const ActionsSchema = z.strictObject({
  /** Disrupting and prosecuting the people who exploit children. */
  pursue: actionList('Pursue', 'What was done to disrupt and prosecute the people who exploit children, one sentence a line.'),
  /** Stopping children being drawn in. */
  prevent: actionList('Prevent', 'What was done to stop children being drawn in, one sentence a line.'),
  /** Protecting children, vulnerable adults and places, and supporting victims. */
  protect: actionList('Protect', 'What was done to protect children, vulnerable adults and places, and to support victims, one sentence a line.'),
  /** Being ready to respond, and reducing the harm when it happens. */
  prepare: actionList('Prepare', 'What was done to be ready to respond and to reduce harm, one sentence a line.'),
}, { error: 'must list what was done under pursue:, prevent:, protect: and prepare:' });
export type Actions = z.infer<typeof ActionsSchema>;

/** One month of published local figures: a YAML file in `content/figures/`, named YYYY-MM.yaml. */
export const FigurePeriodSchema = z.strictObject({
  /** The month the figures cover (YYYY-MM). */
  period: z.string({ error: 'must be the month in quotes, written as "YYYY-MM"' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be written as YYYY-MM, e.g. 2026-11' }).meta({ label: 'Month', hint: 'The month the figures cover, as YYYY-MM; the same as the file name.' }),
  /** True for the demo partnership's invented figures. */
  demo: DemoSchema,
  /** The figures for that month, one row per metric. */
  values: z
    .array(z.strictObject({
      /** The metric's id from metrics.yaml, e.g. "county-lines-active". */
      metric: measure('metric').meta({ label: 'Measure', hint: 'The id of a measure in content/figures/metrics.yaml.' }),
      /** The count for the month. */
      value: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).nonnegative({ error: 'cannot be negative' }).meta({ label: 'Count', hint: 'The exact count for the month; small numbers of children are hidden for you.' }),
      /** Optional parts that add up to the value. */
      breakdown: z.array(BreakdownSchema).optional().meta({ label: 'Parts', hint: 'Optional parts that add up to the count.' }),
    }))
    .min(1)
    .meta({ label: 'Figures', hint: 'One line per measure: { metric: arrests, value: 6 }.' }),
  /** What the partnership did this month under Pursue, Prevent, Protect and Prepare. */
  actions: ActionsSchema.optional().meta({ label: 'What the partnership did', hint: 'What was done this month, one sentence a line, under pursue:, prevent:, protect: and prepare:.' }),
});
export type FigurePeriod = z.infer<typeof FigurePeriodSchema>;

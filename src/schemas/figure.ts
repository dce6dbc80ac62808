import { z } from 'astro/zod';

/** One month of published local figures: a YAML file in `content/figures/`, named YYYY-MM.yaml. */
export const FigurePeriodSchema = z.object({
  /** The month the figures cover (YYYY-MM). */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'period must be written as YYYY-MM' }),
  /** True for the demo partnership's invented figures. */
  demo: z.boolean().default(false),
  /** The figures for that month. */
  values: z
    .array(z.object({
      /** The metric's slug, e.g. "county-lines-active". */
      metric: z.string().regex(/^[a-z0-9-]+$/),
      /** The count for the month. */
      value: z.number().int().nonnegative(),
    }))
    .min(1),
});
export type FigurePeriod = z.infer<typeof FigurePeriodSchema>;

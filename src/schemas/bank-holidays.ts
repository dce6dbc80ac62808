import { z } from 'astro/zod';
import { DateSchema, SourcedSchema } from './common.ts';

const day = DateSchema.transform((d) => d.toISOString().slice(0, 10));

/**
 * Changes to the usual bank holidays in England and Wales: `content/bank-holidays.yaml`.
 * The usual ones are worked out for every year (src/lib/bank-holidays.ts), so the list never runs out;
 * an editor adds only what the government announces as different.
 */
export const BankHolidaysSchema = z
  .strictObject({
    /** One-off bank holidays (a coronation, a state funeral). */
    extra: z.array(day).default([]).meta({ label: 'Extra bank holidays', hint: 'One-off bank holidays the government announces, as YYYY-MM-DD: [2023-05-08].' }),
    /** Usual bank holidays moved to another day. */
    moved: z
      .array(z.strictObject({
        from: day.meta({ label: 'Usual day', hint: 'The day it would usually fall, as YYYY-MM-DD.' }),
        to: day.meta({ label: 'Moved to', hint: 'The day it falls instead, as YYYY-MM-DD.' }),
      }))
      .default([])
      .meta({ label: 'Moved bank holidays', hint: 'A usual bank holiday moved to another day: { from: 2020-05-04, to: 2020-05-08 }.' }),
  })
  .extend(SourcedSchema.shape);
export type BankHolidayChanges = z.infer<typeof BankHolidaysSchema>;

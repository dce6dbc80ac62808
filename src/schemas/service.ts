import { z } from 'astro/zod';
import { AudienceSchema, PhoneNumberSchema, SearchTermsSchema, SourcedSchema } from './common.ts';

/** What a service helps with; the finder filters by these. */
export const NEEDS = {
  exploitation: 'Exploitation and county lines',
  missing: 'Someone missing or running away',
  drugs: 'Drugs and alcohol',
  'mental-health': 'Feelings and mental health',
  violence: 'Violence and weapons',
  housing: 'Housing and cuckooing',
  family: 'Family support',
  'reporting-crime': 'Reporting a crime',
} as const;
export const NeedSchema = z.enum(Object.keys(NEEDS) as [keyof typeof NEEDS]);

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'write times as HH:MM, 24-hour, e.g. 09:00 or 22:00' });

/** When a channel is answered, in UK time (Europe/London). */
export const OpeningHoursSchema = z.object({
  /** True when it is answered every hour of every day, bank holidays included. */
  alwaysOpen: z.boolean().default(false),
  /** Weekly opening times: the days, and from when to when. */
  weekly: z
    .array(z.object({
      /** The days these times apply to. */
      days: z.array(z.enum(DAYS)).min(1),
      /** Opening time, HH:MM. */
      opens: TimeSchema,
      /** Closing time, HH:MM (24:00 for midnight). */
      closes: TimeSchema,
    }))
    .default([]),
  /** On bank holidays in England: the usual hours for that weekday, or closed. */
  bankHolidays: z.enum(['usual', 'closed']).default('usual'),
  /** Anything the structure cannot say, in words. */
  note: z.string().optional(),
});

/** One way to reach a service. */
export const ChannelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('phone'), /** The number to call. */ value: PhoneNumberSchema, hours: OpeningHoursSchema, /** Extra words shown beside it. */ note: z.string().optional() }),
  z.object({ type: z.literal('text'), /** The number to text. */ value: PhoneNumberSchema, hours: OpeningHoursSchema, note: z.string().optional() }),
  z.object({ type: z.literal('webchat'), /** The chat page. */ value: z.url(), hours: OpeningHoursSchema, note: z.string().optional() }),
  z.object({ type: z.literal('email'), /** The address to write to. */ value: z.email(), hours: OpeningHoursSchema.optional(), note: z.string().optional() }),
  z.object({ type: z.literal('website'), /** The page to visit. */ value: z.url(), hours: OpeningHoursSchema.optional(), note: z.string().optional() }),
]);

/** A service: an MDX file in `content/services/`, its description being the body. */
export const ServiceSchema = z
  .object({
    /** The service's name, as people know it. */
    name: z.string().min(2),
    /** The organisation that runs it. */
    organisation: z.string().min(2),
    /** One sentence for the directory list (160 characters at most). */
    description: z.string().min(20).max(160),
    /** Who it is for. */
    audiences: z.array(AudienceSchema).min(1),
    /** What it helps with. */
    needs: z.array(NeedSchema).min(1),
    /** How to reach it, most direct first. */
    channels: z.array(ChannelSchema).min(1),
    /** "national", or the local areas it serves. */
    area: z.union([z.literal('national'), z.array(z.string().min(2)).min(1)]),
    /** Languages offered besides English. */
    languages: z.array(z.string()).default([]),
    /** What it costs, in words. */
    cost: z.string().default('Free'),
    /** True when you do not have to give your name. */
    anonymous: z.boolean(),
    /** True when what you say is kept private, except to keep someone safe. */
    confidential: z.boolean(),
    /** True for the demo partnership's invented services. */
    demo: z.boolean().default(false),
    searchTerms: SearchTermsSchema,
  })
  .extend(SourcedSchema.shape);
export type Service = z.infer<typeof ServiceSchema>;

/** Bank holidays in England and Wales: `content/bank-holidays.yaml`. */
export const BankHolidaysSchema = z
  .object({
    /** Every bank holiday date, YYYY-MM-DD. */
    dates: z.array(z.coerce.date().transform((d) => d.toISOString().slice(0, 10))).min(1),
  })
  .extend(SourcedSchema.shape);

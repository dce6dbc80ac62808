import { z } from 'astro/zod';
import { AudienceSchema, PhoneNumberSchema, SourcedSchema } from './common.ts';

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

/**
 * Where what someone tells a service can go, as every card says it in one line. Anonymous is not
 * confidential: Crimestoppers never asks your name, and its whole job is passing what you say on.
 */
export const SHARING = {
  police: 'You are talking to the police.',
  'passed-to-police': 'What you tell them is passed on to the police, without your name.',
  'may-be-passed-on': "They may pass on what you tell them to children's services or the police, to keep someone safe.",
  'private-unless-danger': 'Kept between you and them, unless they think someone is in serious danger.',
  'not-confirmed': 'We could not confirm what they do with what you tell them: ask them first.',
} as const;
export type Sharing = keyof typeof SHARING;
const SHARING_KEYS = Object.keys(SHARING) as [Sharing];

/** What happens to what you tell a service, in its own terms, with where that was checked. */
export const PrivacySchema = z
  .object({
    /** True when you can use the service without giving your name. */
    anonymous: z.boolean({ error: 'privacy.anonymous must be true (you need not give your name) or false (you may be asked it)' }),
    /** Where what you say can go; each card shows the matching line of SHARING. */
    sharing: z.enum(SHARING_KEYS, { error: `privacy.sharing must be one of: ${SHARING_KEYS.join(', ')}` }),
    /** The service's own rule in plain words, shown on its page: who may be told what, and when. */
    statement: z.string({ error: 'privacy.statement must say, in plain words, what the service does with what you tell it' })
      .min(40, { error: 'privacy.statement is too short to say what the service does with what you tell it' })
      .max(500, { error: 'privacy.statement must be 500 characters or fewer: link to the service for the rest' }),
  })
  .extend(SourcedSchema.shape);
export type Privacy = z.infer<typeof PrivacySchema>;

/** A service: a Markdown file in `content/services/`, its description being the body. */
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
    /**
     * Who can use it, when that is narrower than everyone in its area, in a reader's words:
     * "Children and young people under 19." Leave it out only when anyone can.
     */
    eligibility: z.string({ error: 'eligibility must say who can use the service, in a sentence' }).min(5).max(300).optional(),
    /**
     * A line in content/partnership.yaml (its key, e.g. "out-of-hours") to call when this service is
     * closed, so a closed local service is never a dead end.
     */
    outOfHours: z.string().regex(/^[a-z-]+$/, { error: 'outOfHours must be the key of a contact in content/partnership.yaml, e.g. out-of-hours' }).optional(),
    /** Languages offered besides English. */
    languages: z.array(z.string()).default([]),
    /** What it costs, in words. */
    cost: z.string().default('Free'),
    /** What happens to what you tell it: anonymous or not, and who may be told. */
    privacy: PrivacySchema,
    /** True for the demo partnership's invented services. */
    demo: z.boolean().default(false),
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

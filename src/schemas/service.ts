import { z } from 'astro/zod';
import { audiences, DemoSchema, PhoneNumberSchema, SourcedSchema } from './common.ts';

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
const TimeSchema = z.string({ error: 'write the time in quotes, as HH:MM, 24-hour: "09:00"' }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'write times as HH:MM, 24-hour, in quotes: "09:00" or "22:00"' });

/** When a channel is answered, in UK time (Europe/London). */
export const OpeningHoursSchema = z.strictObject({
  /** True when it is answered every hour of every day, bank holidays included. */
  alwaysOpen: z.boolean().default(false).meta({ label: 'Always open', hint: 'true when it is answered every hour of every day, bank holidays included.' }),
  /** Weekly opening times: the days, and from when to when. */
  weekly: z
    .array(z.strictObject({
      /** The days these times apply to. */
      days: z.array(z.enum(DAYS)).min(1).meta({ label: 'Days', hint: `The days these times apply to: [${DAYS.join(', ')}].` }),
      /** Opening time, HH:MM. */
      opens: TimeSchema.meta({ label: 'Opens', hint: 'Opening time, "HH:MM", 24-hour, UK time.' }),
      /** Closing time, HH:MM (24:00 for midnight). */
      closes: TimeSchema.meta({ label: 'Closes', hint: 'Closing time, "HH:MM", 24-hour; "24:00" for midnight.' }),
    }))
    .default([])
    .meta({ label: 'Weekly hours', hint: 'The days and times it is answered: { days: [mon, tue], opens: "09:00", closes: "17:00" }.' }),
  /** On bank holidays in England and Wales: the usual hours for that weekday, or closed. */
  bankHolidays: z.enum(['usual', 'closed']).default('usual').meta({ label: 'Bank holidays', hint: 'usual (the hours for that weekday) or closed.' }),
  /** Anything the structure cannot say, in words. */
  note: z.string().optional().meta({ label: 'Note on hours', hint: 'Anything the times cannot say, in words.' }),
});

const hours = OpeningHoursSchema.meta({ label: 'Hours', hint: 'When it is answered, in UK time.' });
const note = z.string().optional().meta({ label: 'Note', hint: 'A few words shown beside it: "Ask for the duty worker".' });
const kind = <T extends string>(type: T) => z.literal(type).meta({ label: 'Kind', hint: 'phone, text, webchat, email or website.' });
const phone = (what: string) => PhoneNumberSchema.meta({ label: 'Number', hint: `The number to ${what}, in quotes: "0800 1111".` });

/** One way to reach a service. */
export const ChannelSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: kind('phone'), value: phone('call'), hours, note }),
    z.strictObject({ type: kind('text'), value: phone('text'), hours, note }),
    z.strictObject({ type: kind('webchat'), value: z.url({ error: 'must be the chat page’s full address, starting https://' }).meta({ label: 'Chat page', hint: 'The chat page’s full address.' }), hours, note }),
    z.strictObject({ type: kind('email'), value: z.email({ error: 'must be an email address' }).meta({ label: 'Email address', hint: 'The address to write to.' }), hours: hours.optional(), note }),
    z.strictObject({ type: kind('website'), value: z.url({ error: 'must be a full web address, starting https://' }).meta({ label: 'Web page', hint: 'The page to visit.' }), hours: hours.optional(), note }),
  ],
  { error: 'type must be one of: phone, text, webchat, email, website' },
);

/** A service: a Markdown file in `content/services/`, its description being the body. */
export const ServiceSchema = z
  .strictObject({
    /** The service's name, as people know it. */
    name: z.string().min(2).meta({ label: 'Name', hint: 'The service’s name, as people know it.' }),
    /** The organisation that runs it. */
    organisation: z.string().min(2).meta({ label: 'Run by', hint: 'The organisation that runs it.' }),
    /** One sentence for the directory list (160 characters at most). */
    description: z.string().min(20).max(160).meta({ label: 'Summary', hint: 'One sentence for the directory list, 160 characters at most.' }),
    /** Who it is for. */
    audiences: audiences('Who it is for.').min(1),
    /** What it helps with. */
    needs: z.array(NeedSchema).min(1).meta({ label: 'Helps with', hint: `What it helps with: ${Object.keys(NEEDS).join(', ')}.` }),
    /** How to reach it, most direct first. */
    channels: z.array(ChannelSchema).min(1).meta({ label: 'Ways to reach it', hint: 'Phone, text, webchat, email or website, most direct first; each with type and value.' }),
    /** "national", or the local areas it serves. */
    area: z
      .union([z.literal('national'), z.array(z.string().min(2)).min(1)], { error: 'write national, or a list of the places it serves: [Riverbridge]' })
      .meta({ label: 'Area', hint: 'national, or a list of the places it serves: [Riverbridge].' }),
    /** Languages offered besides English. */
    languages: z.array(z.string()).default([]).meta({ label: 'Languages', hint: 'Languages offered besides English: [Polish, Urdu].' }),
    /** What it costs, in words. */
    cost: z.string().default('Free').meta({ label: 'Cost', hint: 'What it costs, in words; "Free" if left out.' }),
    /** True when you do not have to give your name. */
    anonymous: z.boolean({ error: 'must be true or false' }).meta({ label: 'Anonymous', hint: 'true when people do not have to give their name.' }),
    /** True when what you say is kept private, except to keep someone safe. */
    confidential: z.boolean({ error: 'must be true or false' }).meta({ label: 'Confidential', hint: 'true when what people say is kept private, except to keep someone safe.' }),
    /** True for the demo partnership's invented services. */
    demo: DemoSchema,
  })
  .extend(SourcedSchema.shape);
export type Service = z.infer<typeof ServiceSchema>;

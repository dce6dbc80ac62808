import { z } from 'astro/zod';
import { audiences, DemoSchema, PhoneNumberSchema, SearchTermsSchema, SourcedSchema } from './common.ts';

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
  .strictObject({
    /** True when you can use the service without giving your name. */
    anonymous: z
      .boolean({ error: 'must be true (you need not give your name) or false (you may be asked it)' })
      .meta({ label: 'Anonymous', hint: 'true when people can use it without giving their name.' }),
    /** Where what you say can go; each card shows the matching line of SHARING. */
    sharing: z.enum(SHARING_KEYS).meta({ label: 'Where what you say can go', hint: `One of: ${SHARING_KEYS.join(', ')}.` }),
    /** The service's own rule in plain words, shown on its page: who may be told what, and when. */
    statement: z.string({ error: 'must say, in plain words, what the service does with what you tell it' })
      .min(40, { error: 'is too short to say what the service does with what you tell it' })
      .max(500, { error: 'must be 500 characters or fewer: link to the service for the rest' })
      .meta({ label: 'What happens to what you say', hint: 'The service’s own rule in plain words: who may be told what, and when.' }),
  })
  .extend(SourcedSchema.shape);
export type Privacy = z.infer<typeof PrivacySchema>;

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
    /**
     * Who can use it, when that is narrower than everyone in its area, in a reader's words:
     * "Children and young people under 19." Leave it out only when anyone can.
     */
    eligibility: z
      .string({ error: 'must say who can use the service, in a sentence' })
      .min(5)
      .max(300)
      .optional()
      .meta({ label: 'Who can use it', hint: 'When narrower than everyone in its area, in a reader’s words, e.g. "Children and young people under 19".' }),
    /**
     * A line in content/partnership.yaml (its key, e.g. "out-of-hours") to call when this service is
     * closed, so a closed local service is never a dead end.
     */
    outOfHours: z
      .string()
      .regex(/^[a-z-]+$/, { error: 'must be the key of a contact in content/partnership.yaml, e.g. out-of-hours' })
      .optional()
      .meta({ label: 'When it is closed, call', hint: 'The key of a line in content/partnership.yaml to call when it is closed, e.g. out-of-hours.' }),
    /** Languages offered besides English. */
    languages: z.array(z.string()).default([]).meta({ label: 'Languages', hint: 'Languages offered besides English: [Polish, Urdu].' }),
    /** What it costs, in words. */
    cost: z.string().default('Free').meta({ label: 'Cost', hint: 'What it costs, in words; "Free" if left out.' }),
    /** What happens to what you tell it: anonymous or not, and who may be told. */
    privacy: PrivacySchema.meta({ label: 'Privacy', hint: 'Whether people must give their name, where what they say can go, and the service’s own rule, with where you checked it.' }),
    /** True for the demo partnership's invented services. */
    demo: DemoSchema,
    searchTerms: SearchTermsSchema,
  })
  .extend(SourcedSchema.shape);
export type Service = z.infer<typeof ServiceSchema>;

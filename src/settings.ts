// Every environment variable the kit reads, in one zod schema: its check, its default and what it
// does. Each target reads the environment once, at start, through readSettings(); a wrong value stops
// start-up with a message naming the variable. The README's settings table is checked against
// SETTINGS by tests/unit/settings.test.ts, so the two cannot drift apart.
// THIS FILE IS SHARED by the build, the Node server and the Worker: nothing platform-specific.
import proxyAddr from 'proxy-addr';
import * as z from 'zod';
import { parseSecret } from './report/crypto.ts';
import { plainTextProblem } from './report/transport-security.ts';
import type { GitHubOAuth } from './cms/oauth.ts';

interface About {
  /** What it does, as the README says it. */
  doc: string;
  /** The default as the README shows it; none when unset means off or not needed. */
  fallback?: string;
  /** Never echoed back in an error message. */
  secret?: boolean;
}

/** An unset variable and an empty one mean the same: use the default. Spaces around a value are dropped. */
const blank = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);

function whole(fallback: number, min: number, doc: string) {
  const message = `must be a whole number of at least ${min}`;
  const schema = z.string().regex(/^\d+$/, message).transform(Number).refine((n) => n >= min, message).default(fallback);
  return { schema: z.preprocess(blank, schema), about: { doc, fallback: String(fallback) } };
}
function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number], doc: string) {
  const error = `must be ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  return { schema: z.preprocess(blank, z.enum(values, { error }).default(fallback as never)), about: { doc, fallback } };
}
type Check = [(value: string) => boolean, string];
const checked = (check?: Check) => (check ? z.string().refine(check[0], check[1]) : z.string());
/** Free text with a default. */
function text(fallback: string, doc: string) {
  return { schema: z.preprocess(blank, z.string().default(fallback)), about: { doc, fallback } };
}
/** Free text that may be unset; `secret` keeps it out of error messages. */
function optional(doc: string, options: { secret?: boolean; check?: Check } = {}) {
  return { schema: z.preprocess(blank, checked(options.check).optional()), about: { doc, ...(options.secret ? { secret: true } : {}) } };
}
function address(protocols: RegExp, example: string, doc: string, secret = false) {
  const schema = z.url({ protocol: protocols, error: `must be a full address, like ${example}` }).optional();
  return { schema: z.preprocess(blank, schema), about: { doc, ...(secret ? { secret: true } : {}) } };
}
const isEmail = (v: string) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v);
const isProxyList = (v: string) => {
  if (/^\d+$/.test(v)) return true;
  try {
    proxyAddr.compile(v.split(',').map((s) => s.trim()));
    return true;
  } catch {
    return false;
  }
};
const isSecret = (v: string) => {
  try {
    parseSecret(v);
    return true;
  } catch {
    return false;
  }
};

/** Every variable, in the order the README lists them. */
const DEFINITIONS = {
  PORT: whole(4321, 1, 'the port the server listens on'),
  HOST: text('localhost', 'the address it listens on (`0.0.0.0` for every interface)'),
  TRUST_PROXY: optional(
    'the proxies in front of the server whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: a number of hops (`1` for one proxy) or addresses, subnets and names (`10.0.0.0/8, loopback`). Unset: none',
    { check: [isProxyList, 'must be a number of proxy hops, or addresses, subnets or names (loopback, linklocal, uniquelocal) separated by commas'] },
  ),
  SERVER_CERT_PATH: optional('serve HTTPS directly with this certificate (and `SERVER_KEY_PATH`)'),
  SERVER_KEY_PATH: optional('the private key for `SERVER_CERT_PATH`'),
  OUT_DIR: text('dist', 'where the build is written, and served from'),
  CONTENT_DIR: text('content', 'where the content lives (tests and benchmarks point it elsewhere)'),
  DEPLOY_TARGET: oneOf(['node', 'cloudflare'], 'node', 'the target a build is for'),
  REPORT_DB_PATH: text('data/reports.sqlite', 'the report store (SQLite, created with mode 0600)'),
  REPORT_SECRET: optional('32 bytes of base64 (`openssl rand -base64 32`) that encrypt reports and sign form tokens; required on Cloudflare', {
    secret: true,
    check: [isSecret, 'must be 32 bytes of base64: create one with `openssl rand -base64 32`'],
  }),
  REPORT_KEY_FILE: text(
    'data/report.key',
    'used when `REPORT_SECRET` is unset; made with mode 0600 for a new store. Back it up: without it, stored reports cannot be read and the server will not start',
  ),
  REPORT_RATE_LIMIT: whole(10, 0, 'reports per client per hour; `0` turns the limit off'),
  REPORT_FOLLOW_UP_RATE_LIMIT: whole(10, 0, 'attempts to add to a report (right or wrong) per client per hour; `0` turns the limit off'),
  REPORT_MIN_FILL_SECONDS: whole(3, 0, 'the least time between loading a form and sending it'),
  REPORT_TOKEN_MAX_AGE_SECONDS: whole(86400, 60, 'how long a form stays valid'),
  REPORT_MAX_BODY_BYTES: whole(65536, 1024, 'the largest report accepted'),
  REPORT_RETENTION_DAYS: whole(7, 0, "days a delivered report's content, or an addition's, is kept; after that nothing more can be added to it"),
  REPORT_DELIVERY: oneOf(['none', 'webhook', 'smtp', 'notify'], 'none', '`none`, `webhook`, `smtp` or `notify` (Cloudflare: `none` or `webhook`): see [the report API](docs/report-api.md)'),
  REPORT_DELIVERY_INTERVAL_SECONDS: whole(30, 1, 'how often delivery and retention run (Node; Cloudflare runs them from its cron trigger)'),
  REPORT_DELIVERY_TIMEOUT_SECONDS: whole(30, 1, 'each delivery is given up after this long and tried again later'),
  REPORT_DELIVERY_CONCURRENCY: whole(4, 1, 'deliveries in flight at once'),
  REPORT_WEBHOOK_URL: address(/^https?$/, 'https://cases.example.org/reports', 'for `webhook`: an `https://` address'),
  REPORT_WEBHOOK_SECRET: optional('for `webhook`: the key that signs each delivery', { secret: true }),
  REPORT_SMTP_URL: address(/^smtps?$/, 'smtps://user:pass@mail.example.org:465', 'for `smtp`: `smtps://user:pass@host:465`, or `smtp://…:587`, which must upgrade with STARTTLS', true),
  REPORT_EMAIL_FROM: optional('for `smtp`: the sender', { check: [isEmail, 'must be an email address, like site@example.org'] }),
  REPORT_EMAIL_TO: optional("for `smtp` and `notify`: the team's address", { check: [isEmail, 'must be an email address, like team@example.org'] }),
  NOTIFY_API_KEY: optional('for `notify`: the GOV.UK Notify API key', { secret: true }),
  NOTIFY_TEMPLATE_ID: optional('for `notify`: a template with `((reference))` and `((report))`'),
  NOTIFY_BASE_URL: address(/^https?$/, 'https://api.notifications.service.gov.uk', "for `notify`: Notify's API address, if not the usual one"),
  REPORT_ALLOW_PLAINTEXT_LOOPBACK: oneOf(['0', '1'], '0', '`1` lets delivery use `http://` or `smtp://` without TLS to a loopback address only (for tests); everything else needs TLS'),
  CMS_GITHUB_CLIENT_ID: optional('the content editor at `/admin`: the Client ID of your GitHub OAuth app, for signing in with GitHub (see [editing](docs/editing.md))'),
  CMS_GITHUB_CLIENT_SECRET: optional('that OAuth app\'s client secret', { secret: true }),
  SITE_DATE: optional('pretend today is this day (`YYYY-MM-DD`, UK time) for campaign dates: to see a campaign\'s first day on a preview copy of the site, and for tests. Unset: the real date', {
    check: [(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a day written as YYYY-MM-DD, e.g. 2027-07-15'],
  }),
  CAMPAIGN_PREVIEW_KEY: optional('a long random word (`openssl rand -hex 16`): editors who add `?preview=` and it to `/campaigns/` see campaigns that have not started yet. Unset: nobody can', {
    secret: true,
    check: [(v) => /^[A-Za-z0-9_-]{16,}$/.test(v), 'must be at least 16 letters, digits, - or _: create one with `openssl rand -hex 16`'],
  }),
  CMS_GITHUB_URL: address(/^https?$/, 'https://github.example.org', 'GitHub Enterprise: its address, if editors sign in there rather than at `https://github.com`'),
  REACH_COUNTING: oneOf(['on', 'off'], 'on', '`off` stops counting page views and short-link arrivals (see [reach](docs/reach.md)); short links still work, reports are still counted'),
  REACH_WRITE_SECONDS: whole(10, 1, 'how often the counts held in memory are written to the store'),
} as const;

export type SettingName = keyof typeof DEFINITIONS;

/** What each variable does and its default, for the README and its test. */
export const SETTINGS = Object.fromEntries(Object.entries(DEFINITIONS).map(([name, d]) => [name, d.about])) as Record<SettingName, About>;

/** Which deliveries each target can make: the Worker has no SMTP client or Notify library. */
const DELIVERIES = { node: ['none', 'webhook', 'smtp', 'notify'], cloudflare: ['none', 'webhook'] } as const;
export type Target = keyof typeof DELIVERIES;

const shape = Object.fromEntries(Object.entries(DEFINITIONS).map(([name, d]) => [name, d.schema])) as { [K in SettingName]: (typeof DEFINITIONS)[K]['schema'] };

/** The schema over the whole environment, for one target: each variable, then the rules between them. */
function environmentSchema(target: Target) {
  return z.object(shape).superRefine((s, ctx) => {
    const problem = (name: SettingName, message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
    const needed = (names: SettingName[], why: string) => {
      for (const name of names) if (s[name] === undefined) problem(name, `must be set ${why}`);
    };
    const encrypted = (name: 'REPORT_WEBHOOK_URL' | 'NOTIFY_BASE_URL' | 'CMS_GITHUB_URL') => {
      const value = s[name];
      const message = value && plainTextProblem(new URL(value), 'https:', s.REPORT_ALLOW_PLAINTEXT_LOOPBACK === '1');
      if (message) problem(name, `${message}; plain HTTP is allowed only to a loopback address, with REPORT_ALLOW_PLAINTEXT_LOOPBACK=1`);
    };
    if ((s.CMS_GITHUB_CLIENT_ID === undefined) !== (s.CMS_GITHUB_CLIENT_SECRET === undefined)) {
      problem(s.CMS_GITHUB_CLIENT_ID === undefined ? 'CMS_GITHUB_CLIENT_ID' : 'CMS_GITHUB_CLIENT_SECRET', 'must be set too, for editors to sign in with GitHub (or unset both)');
    }
    encrypted('CMS_GITHUB_URL');
    if (target === 'cloudflare' && s.REPORT_SECRET === undefined) problem('REPORT_SECRET', 'must be set as a Worker secret (wrangler secret put REPORT_SECRET)');
    if ((s.SERVER_CERT_PATH === undefined) !== (s.SERVER_KEY_PATH === undefined)) {
      problem(s.SERVER_CERT_PATH === undefined ? 'SERVER_CERT_PATH' : 'SERVER_KEY_PATH', 'must be set too, to serve HTTPS (or unset both)');
    }
    if (!(DELIVERIES[target] as readonly string[]).includes(s.REPORT_DELIVERY)) {
      problem('REPORT_DELIVERY', `must be ${DELIVERIES[target].join(' or ')} on ${target === 'cloudflare' ? 'Cloudflare' : 'this target'}`);
      return;
    }
    if (s.REPORT_DELIVERY === 'webhook') {
      needed(['REPORT_WEBHOOK_URL', 'REPORT_WEBHOOK_SECRET'], 'for webhook delivery');
      encrypted('REPORT_WEBHOOK_URL');
    }
    // smtp:// is allowed anywhere: the deliverer insists on STARTTLS unless plain loopback is allowed.
    if (s.REPORT_DELIVERY === 'smtp') needed(['REPORT_SMTP_URL', 'REPORT_EMAIL_FROM', 'REPORT_EMAIL_TO'], 'for SMTP delivery');
    if (s.REPORT_DELIVERY === 'notify') {
      needed(['NOTIFY_API_KEY', 'NOTIFY_TEMPLATE_ID', 'REPORT_EMAIL_TO'], 'for GOV.UK Notify delivery');
      encrypted('NOTIFY_BASE_URL');
    }
  });
}
type Environment = z.output<ReturnType<typeof environmentSchema>>;

export interface ReportLimits {
  /** Reports a client may send per hour; 0 turns the limit off. */
  rateLimit: number;
  /** Attempts to add to a report a client may make per hour, right or wrong; 0 turns the limit off. */
  followUpRateLimit: number;
  /** The least time, in seconds, between loading the form and sending it. */
  minFillSeconds: number;
  /** How long a form token stays valid, in seconds. */
  tokenMaxAgeSeconds: number;
  /** The largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Days the content of a delivered report is kept before it is deleted. */
  retentionDays: number;
  /** True when a deliverer is configured, so new reports are queued for delivery. */
  delivering: boolean;
}

export type DeliveryTarget =
  | { kind: 'none' }
  | { kind: 'webhook'; url: string; secret: string }
  | { kind: 'smtp'; url: string; from: string; to: string }
  | { kind: 'notify'; apiKey: string; templateId: string; to: string; baseUrl: string | undefined };

export interface DeliverySettings {
  target: DeliveryTarget;
  intervalSeconds: number;
  timeoutMs: number;
  concurrency: number;
  /** Plain text allowed to a loopback receiver (tests only). */
  allowPlainLoopback: boolean;
}

export interface Settings {
  build: { outDir: string; contentDir: string; deployTarget: Target };
  server: { port: number; host: string; trustProxy: string | undefined; tls: { certPath: string; keyPath: string } | undefined };
  store: { dbPath: string; keyFile: string; secret: string | undefined };
  report: ReportLimits;
  delivery: DeliverySettings;
  /** The content editor's GitHub sign-in (src/cms/oauth.ts); undefined when no OAuth app is set up. */
  cms: { github: GitHubOAuth | undefined };
  /** Campaign dates (src/lib/campaign-schedule.ts): the day to pretend it is, and the editors' preview key. */
  campaigns: { date: string | undefined; previewKey: string | undefined };
  /** Counting page views and short-link arrivals (src/reach/). */
  reach: { counting: boolean; writeMs: number };
}

/** A wrong setting; the message names each variable and says what to change. */
export class SettingsError extends Error {}

/** One line per wrong variable, each saying what to change and what it was (never a secret's value). */
function settingsError(error: z.ZodError, env: Record<string, string | undefined>): SettingsError {
  const lines = error.issues.map((issue) => {
    const name = String(issue.path[0]) as SettingName;
    const value = blank(env[name]);
    const shown = value === undefined ? '' : SETTINGS[name]?.secret ? ' (its value is not shown)' : ` (it is "${String(value)}")`;
    return `${name} ${issue.message}${shown}`;
  });
  return new SettingsError(`Change ${lines.length === 1 ? 'this setting' : 'these settings'}:\n  ${lines.join('\n  ')}`);
}

/** The variables a build reads (astro.config.ts, the content folder), checked alone: a build needs no report settings. */
export function readBuildSettings(env: Record<string, string | undefined>): Settings['build'] {
  const result = z.object({ OUT_DIR: shape.OUT_DIR, CONTENT_DIR: shape.CONTENT_DIR, DEPLOY_TARGET: shape.DEPLOY_TARGET }).safeParse(env);
  if (!result.success) throw settingsError(result.error, env);
  return { outDir: result.data.OUT_DIR, contentDir: result.data.CONTENT_DIR, deployTarget: result.data.DEPLOY_TARGET };
}

function deliveryTarget(s: Environment): DeliveryTarget {
  switch (s.REPORT_DELIVERY) {
    case 'none':
      return { kind: 'none' };
    case 'webhook':
      return { kind: 'webhook', url: s.REPORT_WEBHOOK_URL!, secret: s.REPORT_WEBHOOK_SECRET! };
    case 'smtp':
      return { kind: 'smtp', url: s.REPORT_SMTP_URL!, from: s.REPORT_EMAIL_FROM!, to: s.REPORT_EMAIL_TO! };
    case 'notify':
      return { kind: 'notify', apiKey: s.NOTIFY_API_KEY!, templateId: s.NOTIFY_TEMPLATE_ID!, to: s.REPORT_EMAIL_TO!, baseUrl: s.NOTIFY_BASE_URL };
  }
}

/**
 * Reads and checks every setting for `target`. Throws SettingsError listing every wrong variable at
 * once (never a secret's value), so one start-up shows everything there is to fix.
 */
export function readSettings(env: Record<string, string | undefined>, target: Target = 'node'): Settings {
  const result = environmentSchema(target).safeParse(env);
  if (!result.success) throw settingsError(result.error, env);
  const s = result.data;
  const delivery = deliveryTarget(s);
  return {
    build: readBuildSettings(env),
    server: { port: s.PORT, host: s.HOST, trustProxy: s.TRUST_PROXY, tls: s.SERVER_CERT_PATH && s.SERVER_KEY_PATH ? { certPath: s.SERVER_CERT_PATH, keyPath: s.SERVER_KEY_PATH } : undefined },
    store: { dbPath: s.REPORT_DB_PATH, keyFile: s.REPORT_KEY_FILE, secret: s.REPORT_SECRET },
    report: {
      rateLimit: s.REPORT_RATE_LIMIT,
      followUpRateLimit: s.REPORT_FOLLOW_UP_RATE_LIMIT,
      minFillSeconds: s.REPORT_MIN_FILL_SECONDS,
      tokenMaxAgeSeconds: s.REPORT_TOKEN_MAX_AGE_SECONDS,
      maxBodyBytes: s.REPORT_MAX_BODY_BYTES,
      retentionDays: s.REPORT_RETENTION_DAYS,
      delivering: delivery.kind !== 'none',
    },
    delivery: {
      target: delivery,
      intervalSeconds: s.REPORT_DELIVERY_INTERVAL_SECONDS,
      timeoutMs: s.REPORT_DELIVERY_TIMEOUT_SECONDS * 1000,
      concurrency: s.REPORT_DELIVERY_CONCURRENCY,
      allowPlainLoopback: s.REPORT_ALLOW_PLAINTEXT_LOOPBACK === '1',
    },
    campaigns: { date: s.SITE_DATE, previewKey: s.CAMPAIGN_PREVIEW_KEY },
    cms: {
      github: s.CMS_GITHUB_CLIENT_ID && s.CMS_GITHUB_CLIENT_SECRET ? { clientId: s.CMS_GITHUB_CLIENT_ID, clientSecret: s.CMS_GITHUB_CLIENT_SECRET, url: s.CMS_GITHUB_URL ?? 'https://github.com' } : undefined,
    },
    reach: { counting: s.REACH_COUNTING === 'on', writeMs: s.REACH_WRITE_SECONDS * 1000 },
  };
}

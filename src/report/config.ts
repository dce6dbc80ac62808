// Every limit of the report pipeline, from the environment, with the defaults the README lists.

export interface ReportConfig {
  /** Reports a client may send per hour; 0 turns the limit off. */
  rateLimit: number;
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

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min} (it is "${raw}")`);
  return value;
}

export function readReportConfig(env: Env): ReportConfig {
  return {
    rateLimit: int(env, 'REPORT_RATE_LIMIT', 10),
    minFillSeconds: int(env, 'REPORT_MIN_FILL_SECONDS', 3),
    tokenMaxAgeSeconds: int(env, 'REPORT_TOKEN_MAX_AGE_SECONDS', 24 * 60 * 60, 60),
    maxBodyBytes: int(env, 'REPORT_MAX_BODY_BYTES', 64 * 1024, 1024),
    retentionDays: int(env, 'REPORT_RETENTION_DAYS', 7),
    delivering: (env.REPORT_DELIVERY ?? 'none') !== 'none',
  };
}

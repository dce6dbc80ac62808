// The pipeline on the Cloudflare target: D1 for the store, Worker secrets for the key.
// WORKER-ONLY: selected in place of node-runtime.ts by the build (see astro.config.ts).
import { env as workerEnv } from 'cloudflare:workers';
import { deriveKeys, parseSecret } from './crypto.ts';
import { D1Store, type D1Like } from './d1-store.ts';
import { confirmKey } from './key-check.ts';
import { deliverDue, purgeDelivered } from './delivery.ts';
import { webhookDeliverer } from './deliver-webhook.ts';
import type { Pipeline } from './pipeline.ts';
import { readSettings } from '../settings.ts';

/** The Worker's bindings and variables this target uses. */
export interface ReportEnv {
  DB: D1Like;
  REPORT_SECRET?: string;
  [name: string]: unknown;
}

const strings = (env: ReportEnv) =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

export async function openCloudflarePipeline(env: ReportEnv): Promise<Pipeline> {
  const settings = readSettings(strings(env), 'cloudflare');
  const store = new D1Store(env.DB);
  const keys = await deriveKeys(parseSecret(settings.store.secret!));
  await confirmKey(store, keys, 'REPORT_SECRET', 'the D1 database');
  return { store, keys, config: settings.report, now: Date.now };
}

let shared: Promise<Pipeline> | undefined;
export function getPipeline(): Promise<Pipeline> {
  shared ??= openCloudflarePipeline(workerEnv as unknown as ReportEnv).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** Every setting, from the Worker's variables and secrets. */
export function currentSettings() {
  return readSettings(strings(workerEnv as unknown as ReportEnv), 'cloudflare');
}

/** Cloudflare puts the client's address in CF-Connecting-IP. */
export function clientAddressOf(request: Request, socketAddress: string): string {
  return request.headers.get('cf-connecting-ip') ?? socketAddress;
}

/** The cron trigger: deliver what is due (webhook on this target), then apply retention. */
export async function runScheduled(env: ReportEnv): Promise<{ delivered: number; failed: number; purged: number }> {
  const pipeline = await openCloudflarePipeline(env);
  const { delivery } = readSettings(strings(env), 'cloudflare');
  const now = Date.now();
  let run = { delivered: 0, failed: 0 };
  if (delivery.target.kind === 'webhook') {
    const deliverer = webhookDeliverer({ ...delivery.target, allowPlainLoopback: delivery.allowPlainLoopback }, delivery.timeoutMs);
    run = await deliverDue(pipeline.store, pipeline.keys, deliverer, now, delivery);
  }
  const purged = await purgeDelivered(pipeline.store, now, pipeline.config.retentionDays);
  await pipeline.store.forgetClients(now - 2 * 60 * 60 * 1000);
  return { ...run, purged };
}

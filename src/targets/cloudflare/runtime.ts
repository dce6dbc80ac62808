// The report runtime on the Cloudflare target: settings from the Worker's variables and secrets, the
// D1 binding for the store. This is what `#report-runtime` means in workerd (package.json `imports`,
// the `workerd` condition), so the Worker bundle never sees Node's SQLite and the Node bundle never
// sees this. Each isolate reads its settings once and opens its pipeline once.
import { env as workerEnv } from 'cloudflare:workers';
import { deriveKeys, parseSecret } from '../../report/crypto.ts';
import { runDeliveryAndRetention, type MaintenanceRun } from '../../report/delivery.ts';
import { webhookDeliverer } from '../../report/deliver-webhook.ts';
import { confirmKey } from '../../report/key-check.ts';
import type { Pipeline } from '../../report/pipeline.ts';
import { ReportRouter } from '../../report/router.ts';
import { ReportStore } from '../../report/store.ts';
import { readSettings, type Settings } from '../../settings.ts';
import { D1Driver, type D1Like } from './d1-driver.ts';
import schedule from 'virtual:see-the-signs/campaign-schedule';
import { failures } from '../../report/failure-log.ts';
import { ReachCounter } from '../../reach/counter.ts';
import { ReachCounts } from '../../reach/counts.ts';
import { ReachFront } from '../../reach/front.ts';

/** The Worker's bindings and variables this target uses. */
export interface ReportEnv {
  DB: D1Like;
  [name: string]: unknown;
}

const strings = (env: ReportEnv) => Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** Opens the pipeline on the D1 binding, with the settings read from the same environment. */
export async function openCloudflarePipeline(env: ReportEnv, settings: Settings): Promise<Pipeline> {
  const store = new ReportStore(new D1Driver(env.DB));
  const keys = await deriveKeys(parseSecret(settings.store.secret!));
  await confirmKey(store, keys, 'REPORT_SECRET', 'the D1 database');
  return { store, keys, config: settings.report, now: Date.now };
}

let settings: Settings | undefined;
let opening: Promise<Pipeline> | undefined;
let router: ReportRouter | undefined;

const settingsOf = (env: ReportEnv) => (settings ??= readSettings(strings(env), 'cloudflare'));

/** The isolate's one pipeline; a failure (a wrong setting or key) is not kept, so the next request tries again. */
function pipelineOf(env: ReportEnv): Promise<Pipeline> {
  opening ??= Promise.resolve()
    .then(() => openCloudflarePipeline(env, settingsOf(env)))
    .catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
  return opening;
}

/** Every setting, from the Worker's variables and secrets, read once per isolate. */
export function currentSettings(): Settings {
  return settingsOf(workerEnv as unknown as ReportEnv);
}

/** The report surface's router for this isolate. */
export function reportRouter(): ReportRouter {
  const env = workerEnv as unknown as ReportEnv;
  router ??= new ReportRouter({
    pipeline: () => pipelineOf(env),
    // Cloudflare puts the client's address in CF-Connecting-IP; nothing else is believed.
    clientAddress: (request, socketAddress) => request.headers.get('cf-connecting-ip') ?? socketAddress,
  });
  return router;
}

/**
 * The cron trigger: the core's one delivery and retention run, with the webhook (the only deliverer
 * on this target), on the clock of the trigger's scheduled time.
 */
export async function runScheduled(env: ReportEnv, scheduledTime = Date.now()): Promise<MaintenanceRun> {
  const pipeline = await pipelineOf(env);
  const { target, allowPlainLoopback, timeoutMs } = settingsOf(env).delivery;
  const deliverer = target.kind === 'webhook' ? webhookDeliverer({ ...target, allowPlainLoopback }, timeoutMs) : undefined;
  return runDeliveryAndRetention(pipeline, deliverer, settingsOf(env).delivery, scheduledTime);
}

/** The reach counts, in the same D1 database as the reports, for the pages that show them. */
export function reachCounts(): Promise<ReachCounts> {
  return Promise.resolve(new ReachCounts(new D1Driver((workerEnv as unknown as ReportEnv).DB)));
}

// Each isolate counts in memory; a write is planned when the first count arrives and kept alive
// past the response by waitUntil, so every count is written within REACH_WRITE_SECONDS.
let front: ReachFront | undefined;
let counter: ReachCounter | undefined;
let writePlanned = false;

/**
 * The isolate's reach front: short links, and counting the pages people open. It runs in front of
 * every page, so it never throws: with a wrong setting the Worker still serves pages, uncounted.
 */
export function reachFront(env: ReportEnv): ReachFront {
  if (!front) {
    let counting = false;
    try {
      counting = settingsOf(env).reach.counting;
    } catch (error) {
      failures.record('reach', error);
    }
    counter = counting ? new ReachCounter() : undefined;
    front = new ReachFront(schedule.links, counter);
  }
  return front;
}

/** After a response: plans a write of the waiting counts, unless one is planned already. */
export function planReachWrite(env: ReportEnv, waitUntil: (promise: Promise<unknown>) => void): void {
  if (!counter?.size || writePlanned) return;
  writePlanned = true;
  const write = async () => {
    await new Promise((resolve) => setTimeout(resolve, settingsOf(env).reach.writeMs));
    writePlanned = false;
    await counter!.flush(new ReachCounts(new D1Driver(env.DB)));
  };
  waitUntil(write().catch((error: unknown) => failures.record('reach', error)));
}

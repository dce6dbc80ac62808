// The report runtime on Node: settings from the environment, a SQLite file, and the secret from
// REPORT_SECRET or a local key file. This is what `#report-runtime` means outside workerd.
// The server (node src/targets/node/start.ts) and Astro's bundle each load their own copy of this
// module, so the runtime is kept on globalThis: one settings read, one pipeline, one SQLite
// connection and one group-commit queue per process, whichever copy asks first.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { base64url, deriveKeys, parseSecret } from '../../report/crypto.ts';
import { confirmKey } from '../../report/key-check.ts';
import type { Pipeline } from '../../report/pipeline.ts';
import { ReportRouter, type ReportRuntime } from '../../report/router.ts';
import { ReportStore } from '../../report/store.ts';
import { ReachCounts } from '../../reach/counts.ts';
import { readSettings, type Settings } from '../../settings.ts';
import { clientAddresses, type ClientAddresses } from './client-address.ts';
import { SqliteDriver } from './sqlite-driver.ts';

/** The pipeline on Node, with its driver for the server's own housekeeping and the tests. */
export type NodePipeline = Pipeline & { driver: SqliteDriver };

/** The migrations, in the project the server runs from (npm runs every script there). */
const MIGRATIONS = resolve('migrations');

/**
 * The secret: REPORT_SECRET, or the key file, made on first run and readable only by its owner. A key
 * is made only for a store that has never had one: for any other, a missing file is an error.
 */
async function loadSecret(settings: Settings['store'], store: ReportStore): Promise<Uint8Array<ArrayBuffer>> {
  if (settings.secret) return parseSecret(settings.secret);
  const file = resolve(settings.keyFile);
  if (!existsSync(file)) {
    if ((await store.readMeta('key_check')) !== undefined || (await store.anyWithContent())) {
      throw new Error(
        `The report key file ${file} is missing, but ${resolve(settings.dbPath)} holds reports encrypted with a key. Restore ${file} from your backup (or set REPORT_SECRET to the same key), then start again. No new key was made: it could not read those reports.`,
      );
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${base64url.encode(crypto.getRandomValues(new Uint8Array(32)))}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseSecret(readFileSync(file, 'utf8'));
}

/** Opens the store and key the settings name, and confirms the key is the store's. */
export async function openNodePipeline(settings: Settings): Promise<NodePipeline> {
  const path = resolve(settings.store.dbPath);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Ciphertext or not, the file is for the server's user alone; SQLite gives its -wal file the same mode.
  writeFileSync(path, '', { flag: 'a', mode: 0o600 });
  chmodSync(path, 0o600);
  const driver = new SqliteDriver(path, MIGRATIONS);
  const store = new ReportStore(driver);
  try {
    const keys = await deriveKeys(await loadSecret(settings.store, store));
    await confirmKey(store, keys, settings.store.secret ? 'REPORT_SECRET' : `The key in ${resolve(settings.store.keyFile)}`, path);
    return { store, driver, keys, config: settings.report, now: Date.now };
  } catch (error) {
    driver.close();
    throw error;
  }
}

export interface NodeRuntime extends ReportRuntime {
  settings: Settings;
  /** Which peers are trusted proxies (TRUST_PROXY), for client addresses and X-Forwarded-Proto. */
  proxies: ClientAddresses;
  router: ReportRouter;
  pipeline(): Promise<NodePipeline>;
  /** The reach counts, in the same SQLite file (and on the same connection) as the reports. */
  reachCounts(): Promise<ReachCounts>;
}

const KEY = Symbol.for('see-the-signs.report-runtime.node');
type Holder = { [KEY]?: NodeRuntime };

/** The process's runtime; the first call reads the settings (and throws SettingsError if one is wrong). */
export function nodeRuntime(): NodeRuntime {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const settings = readSettings(process.env);
  const proxies = clientAddresses(settings.server.trustProxy);
  let opening: Promise<NodePipeline> | undefined;
  const base = {
    settings,
    proxies,
    // A failure is not kept: the next request tries again (the disk may have been freed).
    pipeline: () =>
      (opening ??= openNodePipeline(settings).catch((error: unknown) => {
        opening = undefined;
        throw error;
      })),
    clientAddress: (request: Request, socketAddress: string) => proxies.of(request.headers, socketAddress),
  };
  let counts: ReachCounts | undefined;
  const reachCounts = async () => (counts ??= new ReachCounts((await base.pipeline()).driver));
  holder[KEY] = { ...base, router: new ReportRouter(base), reachCounts };
  return holder[KEY];
}

/** The report surface's router: what every route and page on this target hands its requests to. */
export function reportRouter(): ReportRouter {
  return nodeRuntime().router;
}

/** Every setting, read once (the content editor's sign-in reads its GitHub app from here). */
export function currentSettings(): Settings {
  return nodeRuntime().settings;
}

/** The reach counts, for the pages that show them. */
export function reachCounts(): Promise<ReachCounts> {
  return nodeRuntime().reachCounts();
}

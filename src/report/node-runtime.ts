// The pipeline on the Node target: a SQLite file and a secret from the environment or a local key
// file. NODE-ONLY. Opened once per process, on the first report request.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { base64url, deriveKeys, parseSecret } from './crypto.ts';
import { clientAddresses, type ClientAddresses } from './client-address.ts';
import { confirmKey } from './key-check.ts';
import type { Pipeline } from './pipeline.ts';
import { SqliteStore } from './sqlite-store.ts';
import { readSettings, type Settings } from '../settings.ts';

/**
 * The secret: REPORT_SECRET, or the key file, made on first run and readable only by its owner. A key
 * is made only for a store that has never had one: for any other, a missing file is an error.
 */
export async function loadSecret(settings: Settings['store'], store: SqliteStore): Promise<Uint8Array<ArrayBuffer>> {
  if (settings.secret) return parseSecret(settings.secret);
  const file = resolve(settings.keyFile);
  const dbPath = resolve(settings.dbPath);
  if (!existsSync(file)) {
    if ((await store.readMeta('key_check')) !== undefined || (await store.anyWithContent())) {
      throw new Error(
        `The report key file ${file} is missing, but ${dbPath} holds reports encrypted with a key. Restore ${file} from your backup (or set REPORT_SECRET to the same key), then start again. No new key was made: it could not read those reports.`,
      );
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${base64url.encode(crypto.getRandomValues(new Uint8Array(32)))}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseSecret(readFileSync(file, 'utf8'));
}

/** The migrations, in the project the server runs from (npm runs every script there). */
const MIGRATIONS = resolve('migrations');

export async function openNodePipeline(settings: Settings): Promise<Pipeline & { store: SqliteStore }> {
  const path = resolve(settings.store.dbPath);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Ciphertext or not, the file is for the server's user alone; SQLite gives its -wal file the same mode.
  writeFileSync(path, '', { flag: 'a', mode: 0o600 });
  chmodSync(path, 0o600);
  const store = new SqliteStore(path, MIGRATIONS);
  try {
    const keys = await deriveKeys(await loadSecret(settings.store, store));
    const source = settings.store.secret ? 'REPORT_SECRET' : `The key in ${resolve(settings.store.keyFile)}`;
    await confirmKey(store, keys, source, path);
    return { store, keys, config: settings.report, now: Date.now };
  } catch (error) {
    store.close();
    throw error;
  }
}

let settings: Settings | undefined;
/** The process's settings, read from the environment once. */
export function nodeSettings(): Settings {
  settings ??= readSettings(process.env);
  return settings;
}

let shared: Promise<Pipeline> | undefined;
/** The process's one pipeline. A failure is not cached: the next request tries again. */
export function getPipeline(): Promise<Pipeline> {
  shared ??= Promise.resolve()
    .then(() => openNodePipeline(nodeSettings()))
    .catch((error: unknown) => {
      shared = undefined;
      throw error;
    });
  return shared;
}

let addresses: ClientAddresses | undefined;
/** The address to rate-limit: the socket's, or the one the trusted proxies saw (TRUST_PROXY). */
export function clientAddressOf(request: Request, socketAddress: string): string {
  addresses ??= clientAddresses(nodeSettings().server.trustProxy);
  return addresses.of(request.headers, socketAddress);
}

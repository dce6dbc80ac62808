// The pipeline on the Node target: a SQLite file and a secret from the environment or a local key
// file. NODE-ONLY. Opened once per process, on the first report request.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readReportConfig } from './config.ts';
import { base64url, deriveKeys, parseSecret } from './crypto.ts';
import type { Pipeline } from './pipeline.ts';
import { SqliteStore } from './sqlite-store.ts';

/** The secret: REPORT_SECRET, or a key file made on first run, readable only by its owner. */
export function loadSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array<ArrayBuffer> {
  if (env.REPORT_SECRET) return parseSecret(env.REPORT_SECRET);
  const file = resolve(env.REPORT_KEY_FILE ?? 'data/report.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${base64url.encode(crypto.getRandomValues(new Uint8Array(32)))}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseSecret(readFileSync(file, 'utf8'));
}

export async function openNodePipeline(env: NodeJS.ProcessEnv = process.env): Promise<Pipeline & { store: SqliteStore }> {
  const path = resolve(env.REPORT_DB_PATH ?? 'data/reports.sqlite');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Ciphertext or not, the file is for the server's user alone; SQLite gives its -wal file the same mode.
  writeFileSync(path, '', { flag: 'a', mode: 0o600 });
  chmodSync(path, 0o600);
  const store = new SqliteStore(path, resolve(env.REPORT_MIGRATIONS_DIR ?? 'migrations'));
  return { store, keys: await deriveKeys(loadSecret(env)), config: readReportConfig(env), now: Date.now };
}

let shared: Promise<Pipeline> | undefined;
/** The process's one pipeline. A failure is not cached: the next request tries again. */
export function getPipeline(): Promise<Pipeline> {
  shared ??= openNodePipeline().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** The address to rate-limit: the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY=1. */
export function clientAddressOf(request: Request, socketAddress: string): string {
  if (process.env.TRUST_PROXY === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress;
}

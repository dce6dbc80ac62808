// The key that encrypts reports is checked against the store before anything is accepted: a missing
// key file or a different REPORT_SECRET must stop the server and the team's command line with a
// message that says what to restore — never a fresh key that makes every stored report unreadable.
import { execFile } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { submit } from '../../src/report/pipeline.ts';
import { CLI, openPipeline, tempPipeline, tokenFrom } from '../support/pipeline.ts';

const run = promisify(execFile);

async function storeWithOneReport() {
  const { dir, pipeline } = await tempPipeline();
  const outcome = await submit(pipeline, { input: { concern: 'Someone new is staying at number 4.' }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
  if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
  const env = { REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key') };
  return { dir, env, reference: outcome.reference };
}

test('a missing key file stops start-up, says what to restore, and makes no new key', async () => {
  const { env } = await storeWithOneReport();
  renameSync(env.REPORT_KEY_FILE, `${env.REPORT_KEY_FILE}.backup`);
  await expect(openPipeline(env)).rejects.toThrow(/report\.key.*(missing|not found)[\s\S]*Restore/i);
  expect(existsSync(env.REPORT_KEY_FILE)).toBe(false);

  // Once the file is back, everything reads again.
  renameSync(`${env.REPORT_KEY_FILE}.backup`, env.REPORT_KEY_FILE);
  const pipeline = await openPipeline(env);
  expect(await pipeline.store.list()).toHaveLength(1);
});

test('a different REPORT_SECRET is refused', async () => {
  const { env } = await storeWithOneReport();
  const other = Buffer.alloc(32, 7).toString('base64');
  await expect(openPipeline({ ...env, REPORT_SECRET: other })).rejects.toThrow(/REPORT_SECRET[\s\S]*not the key/i);
});

test('`reports -- show` without the key says what to restore instead of crashing', async () => {
  const { env, reference } = await storeWithOneReport();
  renameSync(env.REPORT_KEY_FILE, `${env.REPORT_KEY_FILE}.backup`);
  const shown = run(process.execPath, [CLI, 'show', reference], { env: { ...process.env, ...env } });
  await expect(shown).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/Restore/) });
  await expect(shown).rejects.not.toMatchObject({ stderr: expect.stringMatching(/DOMException|at .*\.ts:\d+/) });
  expect(existsSync(env.REPORT_KEY_FILE)).toBe(false);
});

test('a new, empty store makes its key and remembers it', async () => {
  const { dir } = await tempPipeline();
  expect(existsSync(join(dir, 'report.key'))).toBe(true);
  // Opening again with the same key file works, and with another secret does not.
  const env = { REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key') };
  await expect(openPipeline(env)).resolves.toBeTruthy();
  await expect(openPipeline({ ...env, REPORT_SECRET: Buffer.alloc(32, 9).toString('base64') })).rejects.toThrow(/not the key/);
});

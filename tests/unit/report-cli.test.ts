// The team's command line on a real store: list, show, and marking a report received so that
// retention applies in store-only mode.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { purgeDelivered } from '../../src/report/delivery.ts';
import { submit } from '../../src/report/pipeline.ts';
import { CLI, tempPipeline, tokenFrom } from '../support/pipeline.ts';

const run = promisify(execFile);

test('list, show and received', async () => {
  const { dir, pipeline } = await tempPipeline();
  const outcome = await submit(pipeline, { input: { concern: 'Boys go in and out of flat 9 all night.' }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
  const ref = outcome.kind === 'accepted' ? outcome.reference : '';
  const env = { ...process.env, REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key') };
  const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env });

  expect((await cli('list')).stdout).toMatch(new RegExp(`${ref}\\s+\\S+ \\S+\\s+stored`));
  expect((await cli('show', ref.toLowerCase())).stdout).toContain('What they saw or heard: Boys go in and out of flat 9 all night.');
  expect((await cli('received', ref)).stdout).toContain(`${ref} and its additions are marked as received`);
  expect((await pipeline.store.get(ref))?.status).toBe('delivered');
  // The retention period now applies to it.
  expect(await purgeDelivered(pipeline.store, Date.now() + 8 * 24 * 60 * 60 * 1000, 7)).toBe(1);
  await expect(cli('show', 'ZZZZ-2222')).rejects.toMatchObject({ code: 1 });
});

test('`received` refuses a report a deliverer has not delivered yet, so its deletion does not start early', async () => {
  const delivery = { REPORT_DELIVERY: 'webhook', REPORT_WEBHOOK_URL: 'https://cases.example.org/reports', REPORT_WEBHOOK_SECRET: 's' };
  const { dir, pipeline } = await tempPipeline(delivery);
  const outcome = await submit(pipeline, { input: { concern: 'Waiting for the webhook.' }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
  const ref = outcome.kind === 'accepted' ? outcome.reference : '';
  const env = { ...process.env, ...delivery, REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key') };
  const received = run(process.execPath, [CLI, 'received', ref], { env });
  await expect(received).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('has not been delivered yet') });
  expect((await pipeline.store.get(ref))?.status).toBe('stored');
  expect(await purgeDelivered(pipeline.store, Date.now() + 8 * 24 * 60 * 60 * 1000, 7)).toBe(0);
});

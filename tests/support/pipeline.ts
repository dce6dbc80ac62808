// A real pipeline on a real SQLite file in a temporary folder, for tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodePipeline } from '../../src/targets/node/runtime.ts';
import { issueToken } from '../../src/report/crypto.ts';
import type { Pipeline } from '../../src/report/pipeline.ts';
import { ReportRouter } from '../../src/report/router.ts';
import { readSettings } from '../../src/settings.ts';

/** The Node pipeline for these environment variables, as the server would open it. */
export function openPipeline(env: Record<string, string>) {
  return openNodePipeline(readSettings(env));
}

/**
 * Settings a delivery mode needs, pointing at loopback: the tests hand their deliverers the real
 * peer's address themselves; these only make REPORT_DELIVERY valid, so reports are queued.
 */
const DELIVERY_PLACEHOLDERS = {
  REPORT_ALLOW_PLAINTEXT_LOOPBACK: '1',
  REPORT_WEBHOOK_URL: 'http://127.0.0.1:9/unused',
  REPORT_WEBHOOK_SECRET: 'unused',
  REPORT_SMTP_URL: 'smtp://127.0.0.1:9',
  REPORT_EMAIL_FROM: 'site@safeguarding.example.org',
  REPORT_EMAIL_TO: 'team@safeguarding.example.org',
  NOTIFY_API_KEY: 'unused',
  NOTIFY_TEMPLATE_ID: 'unused',
};

export async function tempPipeline(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'reports-'));
  const pipeline = await openPipeline({
    ...(env.REPORT_DELIVERY ? DELIVERY_PLACEHOLDERS : {}),
    REPORT_DB_PATH: join(dir, 'reports.sqlite'),
    REPORT_KEY_FILE: join(dir, 'report.key'),
    REPORT_MIN_FILL_SECONDS: '0',
    ...env,
  });
  return { dir, pipeline };
}

/** The team's command line, as `npm run reports` runs it. */
export const CLI = 'src/targets/node/cli.ts';

/** The report router over a test's pipeline; the client's address is the socket address given. */
export function routerFor(pipeline: Pipeline): ReportRouter {
  return new ReportRouter({ pipeline: async () => pipeline, clientAddress: (_request, socketAddress) => socketAddress });
}

/** A token issued `secondsAgo` seconds before the pipeline's now. */
export function tokenFrom(p: Pipeline, secondsAgo = 10): Promise<string> {
  return issueToken(p.keys, p.now() - secondsAgo * 1000);
}

// A real pipeline on a real SQLite file in a temporary folder, for tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodePipeline } from '../../src/report/node-runtime.ts';
import { issueToken } from '../../src/report/crypto.ts';
import type { Pipeline } from '../../src/report/pipeline.ts';

export async function tempPipeline(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'reports-'));
  const pipeline = await openNodePipeline({
    REPORT_DB_PATH: join(dir, 'reports.sqlite'),
    REPORT_KEY_FILE: join(dir, 'report.key'),
    REPORT_MIN_FILL_SECONDS: '0',
    ...env,
  });
  return { dir, pipeline };
}

/** A token issued `secondsAgo` seconds before the pipeline's now. */
export function tokenFrom(p: Pipeline, secondsAgo = 10): Promise<string> {
  return issueToken(p.keys, p.now() - secondsAgo * 1000);
}

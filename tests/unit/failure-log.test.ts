// A report that cannot be stored must leave a trace for the people running the server — the part
// that failed, the error's class and code, a count and an id the person was shown — and never any
// of the report's words.
import { afterEach, expect, test, vi } from 'vitest';
import { failureLog } from '../../src/report/failure-log.ts';
import { routerFor, tempPipeline, tokenFrom } from '../support/pipeline.ts';

afterEach(() => vi.restoreAllMocks());

const post = (body: unknown) => new Request('http://localhost/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a store that refuses writes: 503 with a fault code, and a log line with the same code and no content', async () => {
  const { pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
  pipeline.driver.db.exec('PRAGMA query_only = 1');
  const logged: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)));

  const response = (await routerFor(pipeline).handle(post({ token: await tokenFrom(pipeline), concern: 'Secret words about flat 7.' }), 'x')) as Response;
  expect(response.status).toBe(503);
  const message = (await response.json()).errors[0].message as string;
  const id = message.match(/Fault code ([A-Z2-9]{8})/)?.[1];
  expect(id).toBeTruthy();
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatch(new RegExp(`part=store class=\\w+ .*id=${id} count=1`));
  expect(logged[0]).toMatch(/code=ERR_SQLITE_ERROR/);
  expect(logged.join('\n')).not.toContain('flat 7');
});

test('a burst of failures is one line a minute, with the count', () => {
  const lines: string[] = [];
  let clock = 0;
  const log = failureLog((l) => lines.push(l), 60_000, () => clock);
  const full = Object.assign(new Error('disk full while writing "Secret words"'), { code: 'ERR_SQLITE_ERROR', errcode: 13, errstr: 'database or disk is full' });
  for (let i = 0; i < 4700; i++) {
    log.record('store', full);
    clock += 10;
  }
  clock += 60_000;
  log.record('store', full);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^report failure: part=store class=Error code=ERR_SQLITE_ERROR sqlite=13 "database or disk is full" id=\w{8} count=1$/);
  expect(lines[1]).toMatch(/count=4701 \(4699 more like it since the last line\)$/);
  expect(lines.join('\n')).not.toContain('Secret');
});

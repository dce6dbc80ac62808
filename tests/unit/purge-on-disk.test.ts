// Retention deletes a report's words. "Deleted" must mean gone from the disk: not left in the
// write-ahead log or in free pages, where the key file would still decrypt them.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { purgeDelivered } from '../../src/report/delivery.ts';
import { hashWaitingCodes, submit } from '../../src/report/pipeline.ts';
import { tempPipeline, tokenFrom } from '../support/pipeline.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Every file SQLite keeps for the store, as one buffer. */
function onDisk(dir: string): Buffer {
  return Buffer.concat(['reports.sqlite', 'reports.sqlite-wal', 'reports.sqlite-shm'].map((f) => join(dir, f)).filter(existsSync).map((f) => readFileSync(f)));
}

/** 16-byte pieces from across a blob: finding any one of them on disk means the blob is still there. */
function pieces(blob: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at + 16 <= blob.length; at += Math.max(16, Math.floor(blob.length / 20))) out.push(Buffer.from(blob.subarray(at, at + 16)));
  return out;
}

test('after purge, nothing on disk holds the sealed content (or its key)', async () => {
  const { dir, pipeline } = await tempPipeline({ REPORT_RATE_LIMIT: '0' });
  const sealed: Uint8Array[] = [];
  const refs: string[] = [];
  // One long report (its content spills into overflow pages) and a few short ones.
  for (const concern of ['Long account. '.repeat(300), 'A short one.', 'Another short one.', 'A third.']) {
    const outcome = await submit(pipeline, { input: { concern }, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
    if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
    refs.push(outcome.reference);
    const row = (await pipeline.store.get(outcome.reference))!;
    sealed.push(row.content!);
    const key = (row as { contentKey?: Uint8Array | null }).contentKey;
    if (key) sealed.push(key);
  }
  const before = onDisk(dir);
  expect(pieces(sealed[0]!).some((p) => before.includes(p))).toBe(true);
  // Hashing the follow-up codes seals each report again without its code: those copies must go too.
  expect(await hashWaitingCodes(pipeline)).toBe(refs.length);
  for (const ref of refs) sealed.push((await pipeline.store.get(ref))!.content!);

  for (const ref of refs) await pipeline.store.markReceived(ref, Date.now());
  expect(await purgeDelivered(pipeline.store, Date.now() + 8 * DAY, 7)).toBe(refs.length);

  const after = onDisk(dir);
  for (const blob of sealed) expect(pieces(blob).filter((p) => after.includes(p))).toEqual([]);
  // The metadata stays.
  expect((await pipeline.store.get(refs[0]!))?.status).toBe('purged');
});

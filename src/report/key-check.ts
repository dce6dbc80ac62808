// Is this the key the stored reports were encrypted with? Checked whenever a pipeline opens, on both
// targets: a server that silently ran with a new key would answer 201 to new reports while every
// report already stored became unreadable and undeliverable.
import { keyCheck, openReport, type ReportKeys } from './crypto.ts';
import type { ReportStore } from './store.ts';

/** The key given is not the one the store's reports were encrypted with. */
export class WrongKey extends Error {}

/**
 * Confirms `keys` against the check value the store recorded, recording it on first use.
 * `source` names where the key came from ("REPORT_SECRET"), `where` names the store, for the message.
 */
export async function confirmKey(store: ReportStore, keys: ReportKeys, source: string, where: string): Promise<void> {
  const expected = await keyCheck(keys);
  const recorded = await store.readMeta('key_check');
  const wrong = () =>
    new WrongKey(`${source} is not the key the reports in ${where} were encrypted with. Restore the key used before (from your backup), then start again. Nothing has been changed.`);
  if (recorded !== undefined) {
    if (recorded !== expected) throw wrong();
    return;
  }
  // A store from before the check was recorded: try the key on a report that still has content.
  const sample = await store.anyWithContent();
  if (sample?.content) {
    try {
      await openReport(keys, sample.reference, sample.content, sample.contentKey);
    } catch {
      throw wrong();
    }
  }
  await store.writeMeta('key_check', expected);
}

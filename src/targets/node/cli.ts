// npm run reports -- list | show REF | received REF | export: the safeguarding team's command line on
// the Node target. It reads the same settings, database and key as the server, and prints decrypted
// content to this terminal only, every answer made inert (no escape sequence a reporter typed acts).
import { openItem, openReport, REFERENCE_PATTERN } from '../../report/crypto.ts';
import { followUpLines, reportLines } from '../../report/email.ts';
import { inert, inertJson } from '../../report/inert.ts';
import { followUpContext } from '../../report/pipeline.ts';
import type { Report } from '../../report/schema.ts';
import type { QueuedItem, ReportRow } from '../../report/store.ts';
import { nodeRuntime } from './runtime.ts';

const USAGE = 'Usage: npm run reports -- list | show ABCD-2345 | received ABCD-2345 | export';
const [command, arg] = process.argv.slice(2);

const { settings, pipeline } = await Promise.resolve()
  .then(async () => {
    const runtime = nodeRuntime();
    return { settings: runtime.settings, pipeline: await runtime.pipeline() };
  })
  .catch((error: unknown) => {
    // A wrong setting, or a missing or different key: say what to change, with no stack trace.
    console.error((error as Error).message);
    process.exit(1);
  });
const rows = await pipeline.store.list();
const when = (ms: number | null) => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 16) : '-');

async function contentOf(row: ReportRow): Promise<Report | null> {
  return row.content ? openReport<Report>(pipeline.keys, row.reference, row.content, row.contentKey) : null;
}

/** A report's additions, each with its words (null once purged). */
async function additionsOf(reference: string): Promise<{ item: QueuedItem; details: string | null }[]> {
  const items = await pipeline.store.followUpsOf(reference);
  return Promise.all(
    items.map(async (item) => ({ item, details: item.content ? (await openItem<{ details: string }>(pipeline.keys, followUpContext(item), item.content, item.contentKey)).details : null })),
  );
}
const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);

/** The row for the reference given, or a message and exit. */
function rowFor(given: string | undefined): ReportRow {
  const ref = (given ?? '').toUpperCase();
  if (!REFERENCE_PATTERN.test(ref)) {
    console.error(`Give a reference like ABCD-2345. ${USAGE}`);
    process.exit(2);
  }
  const row = rows.find((r) => r.reference === ref);
  if (!row) {
    console.error(`There is no report ${ref}.`);
    process.exit(1);
  }
  return row;
}

switch (command) {
  case 'list': {
    console.log('reference  received          status     attempts  delivered         additions');
    for (const r of rows) {
      const additions = (await pipeline.store.followUpsOf(r.reference)).length;
      console.log(`${r.reference}  ${when(r.receivedAt)}  ${r.status.padEnd(9)}  ${String(r.attempts).padStart(8)}  ${when(r.deliveredAt).padEnd(16)}  ${additions}`);
    }
    console.log(`${rows.length} reports.`);
    break;
  }
  case 'show': {
    const row = rowFor(arg);
    const report = await contentOf(row);
    console.log(`Status: ${row.status}; attempts: ${row.attempts}; last error: ${inert(row.lastError ?? 'none')}`);
    if (!report) console.log('The content was deleted after delivery, as the retention period requires.');
    else for (const [label, value] of reportLines({ reference: row.reference, receivedAt: iso(row.receivedAt)!, report })) console.log(`${label}: ${value}`);
    for (const { item, details } of await additionsOf(row.reference)) {
      console.log(`\nAddition ${item.number} (${item.status}; attempts: ${item.attempts}; last error: ${inert(item.lastError ?? 'none')})`);
      if (details === null) console.log('The content was deleted after delivery, as the retention period requires.');
      else for (const [label, value] of followUpLines({ reference: row.reference, addition: item.number!, receivedAt: iso(item.receivedAt)!, details }).slice(2)) console.log(`${label}: ${value}`);
    }
    break;
  }
  case 'received': {
    // Store-only mode (REPORT_DELIVERY=none) has no deliverer to confirm receipt: the team does,
    // so that the retention period starts and the words are not kept for ever.
    const row = rowFor(arg);
    if (row.status === 'stored' && settings.delivery.target.kind !== 'none') {
      // A deliverer will confirm it; marking it by hand would start its deletion before the team's system has it.
      console.error(
        `${row.reference} has not been delivered yet. REPORT_DELIVERY=${settings.delivery.target.kind} will deliver it and mark it delivered, and the retention period starts then. Mark reports received by hand only when REPORT_DELIVERY=none.`,
      );
      process.exit(1);
    }
    await pipeline.store.markReceived(row.reference, Date.now());
    console.log(`${row.reference} and its additions are marked as received. Their content will be deleted ${settings.report.retentionDays} days from now; the reference and dates stay.`);
    break;
  }
  case 'export': {
    // JSON lines: one report a line, with its additions, for the team's own case system.
    for (const r of rows) {
      const report = await contentOf(r);
      const additions = (await additionsOf(r.reference)).map(({ item, details }) => ({ addition: item.number, receivedAt: iso(item.receivedAt), status: item.status, deliveredAt: iso(item.deliveredAt), details }));
      console.log(inertJson({ reference: r.reference, receivedAt: iso(r.receivedAt), status: r.status, attempts: r.attempts, deliveredAt: iso(r.deliveredAt), report, additions }));
    }
    break;
  }
  default:
    console.error(USAGE);
    process.exit(2);
}

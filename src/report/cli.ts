// For the safeguarding team on the Node target: npm run reports -- list | show REF | received REF | export
// Reads the same database and key as the server. Prints decrypted content to this terminal only.
import { openReport, REFERENCE_PATTERN } from './crypto.ts';
import { reportLines } from './email.ts';
import { inert, inertJson } from './inert.ts';
import { openNodePipeline } from './node-runtime.ts';
import { readSettings } from '../settings.ts';
import type { Report } from './schema.ts';
import type { ReportRow } from './store.ts';

const [command, arg] = process.argv.slice(2);
const { settings, pipeline } = await Promise.resolve()
  .then(async () => {
    const settings = readSettings(process.env);
    return { settings, pipeline: await openNodePipeline(settings) };
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

switch (command) {
  case 'list': {
    console.log('reference  received          status     attempts  delivered');
    for (const r of rows) console.log(`${r.reference}  ${when(r.receivedAt)}  ${r.status.padEnd(9)}  ${String(r.attempts).padStart(8)}  ${when(r.deliveredAt)}`);
    console.log(`${rows.length} reports.`);
    break;
  }
  case 'show': {
    const ref = (arg ?? '').toUpperCase();
    if (!REFERENCE_PATTERN.test(ref)) {
      console.error('Give a reference like ABCD-2345: npm run reports -- show ABCD-2345');
      process.exit(2);
    }
    const row = rows.find((r) => r.reference === ref);
    if (!row) {
      console.error(`There is no report ${ref}.`);
      process.exit(1);
    }
    const report = await contentOf(row);
    console.log(`Status: ${row.status}; attempts: ${row.attempts}; last error: ${inert(row.lastError ?? 'none')}`);
    if (!report) console.log('The content was deleted after delivery, as the retention period requires.');
    else for (const [label, value] of reportLines({ reference: row.reference, receivedAt: new Date(row.receivedAt).toISOString(), report })) console.log(`${label}: ${value}`);
    break;
  }
  case 'received': {
    // Store-only mode (REPORT_DELIVERY=none) has no deliverer to confirm receipt: the team does,
    // so that the retention period starts and the words are not kept for ever.
    const ref = (arg ?? '').toUpperCase();
    const row = rows.find((r) => r.reference === ref);
    if (!row) {
      console.error(`There is no report ${ref || '(give a reference, like ABCD-2345)'}.`);
      process.exit(1);
    }
    if (row.status === 'stored' && settings.delivery.target.kind !== 'none') {
      // A deliverer will confirm it; marking it by hand would start its deletion before the team's system has it.
      console.error(`${row.reference} has not been delivered yet. REPORT_DELIVERY=${settings.delivery.target.kind} will deliver it and mark it delivered, and the retention period starts then. Mark reports received by hand only when REPORT_DELIVERY=none.`);
      process.exit(1);
    }
    if (row.status === 'stored') await pipeline.store.markDelivered(row.reference, Date.now());
    console.log(`${row.reference} is marked as received. Its content will be deleted ${pipeline.config.retentionDays} days from now; the reference and dates stay.`);
    break;
  }
  case 'export': {
    // JSON lines: one report a line, for the team's own case system.
    for (const r of rows) {
      const report = await contentOf(r);
      console.log(inertJson({ reference: r.reference, receivedAt: new Date(r.receivedAt).toISOString(), status: r.status, attempts: r.attempts, deliveredAt: r.deliveredAt ? new Date(r.deliveredAt).toISOString() : null, report }));
    }
    break;
  }
  default:
    console.error('Usage: npm run reports -- list | show ABCD-2345 | received ABCD-2345 | export');
    process.exit(2);
}

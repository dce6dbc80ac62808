// The search index's worker thread (started by ./pagefind.ts for each build). Pagefind's Node API
// talks to Pagefind's own process in base64 JSON: encoding 400 MiB of pages that way at 10,000
// services is work kept off the build's main thread. Messages: `{ url, body }` for each rendered
// page, acknowledged with `{ indexed }` (how many so far, every few pages) so the build can wait
// when Pagefind falls behind; then `{ finish: outputPath, records }` (the pages filed under other
// addresses, ./search-easy-read.ts), answered with `{ pages, errors }` once the index is written.
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';

export type ToWorker = { url: string; body: Uint8Array } | { finish: string; records: { url: string; content: string }[] };
export type FromWorker = { indexed: number } | Finished;
export interface Finished {
  /** Pages indexed from the build (not counting the records filed again for other languages). */
  pages: number;
  errors: string[];
}

const decoder = new TextDecoder();
const ready = pagefind.createIndex({}).then(({ index, errors }) => {
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
});
/** How often the worker says how far it has got. */
const ACK_EVERY = 8;
const added: Promise<string[]>[] = [];
let indexed = 0;
const acknowledge = () => {
  if (++indexed % ACK_EVERY === 0) parentPort!.postMessage({ indexed } satisfies FromWorker);
};

async function finish(outputPath: string, records: { url: string; content: string }[]): Promise<Finished> {
  const errors = (await Promise.all(added)).flat();
  try {
    const index = await ready;
    // After every page, as when Pagefind read the whole folder and these were added after it.
    for (const record of records) {
      if (errors.length) break;
      const filed = await index.addHTMLFile(record);
      errors.push(...filed.errors.map((e) => `${record.url} (filed for another language): ${e}`));
    }
    if (!errors.length) errors.push(...(await index.writeFiles({ outputPath })).errors);
  } catch (error) {
    errors.push((error as Error).message);
  } finally {
    await pagefind.close();
  }
  return { pages: added.length, errors };
}

parentPort!.on('message', (message: ToWorker) => {
  if ('url' in message) {
    const content = decoder.decode(message.body);
    added.push(ready.then((index) => index.addHTMLFile({ url: message.url, content })).then((r) => r.errors, (e: Error) => [e.message]).finally(acknowledge));
  } else void finish(message.finish, message.records).then((finished) => parentPort!.postMessage(finished satisfies FromWorker));
});

// Delivery when the receiver misbehaves: one hung receiver must not hold up the rest, every
// transport gives up after its timeout, and a report saying someone is in danger goes first.
import { expect, test } from 'vitest';
import { deliverDue } from '../../src/report/delivery.ts';
import { notifyDeliverer } from '../../src/targets/node/deliver-notify.ts';
import { smtpDeliverer } from '../../src/targets/node/deliver-smtp.ts';
import { webhookDeliverer } from '../../src/report/deliver-webhook.ts';
import { submit, type Pipeline } from '../../src/report/pipeline.ts';
import { silentPeer, webhookReceiver } from '../support/peers.ts';
import { tempPipeline, tokenFrom } from '../support/pipeline.ts';

async function report(p: Pipeline, input: Record<string, unknown>): Promise<string> {
  const outcome = await submit(p, { input, token: await tokenFrom(p), honeypot: '', clientAddress: 'x' });
  if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
  return outcome.reference;
}

test('a hung receiver holds up nothing else, and danger-now reports go first', async () => {
  const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'webhook', REPORT_RATE_LIMIT: '0' });
  const peer = await webhookReceiver('s');
  try {
    const hung = await report(pipeline, { concern: 'The first report, whose delivery hangs.' });
    peer.hang.add(hung);
    const ordinary: string[] = [];
    for (let i = 0; i < 6; i++) ordinary.push(await report(pipeline, { concern: `Ordinary report ${i}` }));
    const urgent = await report(pipeline, { concern: 'Someone is in danger now.', danger: 'yes' });

    const started = Date.now();
    const run = await deliverDue(pipeline.store, pipeline.keys, webhookDeliverer({ url: peer.url, secret: 's', allowPlainLoopback: true }, 60_000), Date.now(), { concurrency: 3, timeoutMs: 1000 });
    expect(run).toEqual({ delivered: 7, failed: 1 });
    // Received last, sent in the first batch: three requests go at once, so which of the three
    // reaches the receiver first is the network's choice (it was not the urgent one once in a full
    // run); sent in turn after the ordinary ones, it would arrive seventh.
    expect(peer.arrivals.slice(0, 3)).toContain(urgent);
    expect(new Set(peer.received.keys())).toEqual(new Set([urgent, ...ordinary]));
    // The hung request was given up after the timeout, not the deliverer's own 60 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await pipeline.store.get(hung))?.lastError).toBe('webhook: timed out after 1 s');
  } finally {
    await peer.close();
  }
}, 20_000);

test('a mail server that never answers is given up after the timeout', async () => {
  const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'smtp' });
  const peer = await silentPeer();
  try {
    const ref = await report(pipeline, { concern: 'Waiting on a silent mail server.' });
    const deliverer = smtpDeliverer({ url: `smtp://127.0.0.1:${peer.port}`, from: 'site@safeguarding.example.org', to: 'team@safeguarding.example.org', allowPlainLoopback: true }, 1000);
    expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, Date.now(), { timeoutMs: 1000 })).toEqual({ delivered: 0, failed: 1 });
    expect((await pipeline.store.get(ref))?.lastError).toMatch(/^smtp: /);
  } finally {
    await peer.close();
  }
}, 20_000);

test('a Notify API that never answers is given up after the timeout', async () => {
  const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'notify' });
  const peer = await silentPeer();
  try {
    const ref = await report(pipeline, { concern: 'Waiting on a silent Notify.' });
    const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
    const deliverer = notifyDeliverer(
      { apiKey: `k-${serviceId}-3d844edf-8d35-48ac-975b-e847b4f122b0`, templateId: 't', to: 'team@safeguarding.example.org', baseUrl: `http://127.0.0.1:${peer.port}`, allowPlainLoopback: true },
      1000,
    );
    expect(await deliverDue(pipeline.store, pipeline.keys, deliverer, Date.now(), { timeoutMs: 1000 })).toEqual({ delivered: 0, failed: 1 });
    expect((await pipeline.store.get(ref))?.lastError).toMatch(/^notify: /);
  } finally {
    await peer.close();
  }
}, 20_000);

test('reports claimed by a process that died are released when the next one starts', async () => {
  const { pipeline } = await tempPipeline({ REPORT_DELIVERY: 'webhook' });
  const ref = await report(pipeline, { concern: 'Claimed, then the server was killed.' });
  expect(await pipeline.store.claimDue('reports', Date.now(), Date.now() + 60_000, 10)).toHaveLength(1);
  expect(await pipeline.store.claimDue('reports', Date.now(), Date.now() + 60_000, 10)).toHaveLength(0);
  await pipeline.store.releaseLeases();
  expect((await pipeline.store.claimDue('reports', Date.now(), Date.now() + 60_000, 10)).map((r) => r.reference)).toEqual([ref]);
});

// Chooses the deliverer from the settings and runs delivery and retention on a timer. NODE-ONLY.
import { deliverDue, purgeDelivered, type Deliverer } from './delivery.ts';
import { notifyDeliverer } from './deliver-notify.ts';
import { smtpDeliverer } from './deliver-smtp.ts';
import { webhookDeliverer } from './deliver-webhook.ts';
import { failures } from './failure-log.ts';
import type { Pipeline } from './pipeline.ts';
import type { DeliverySettings } from '../settings.ts';

/** The configured deliverer, or undefined for REPORT_DELIVERY=none (store only). */
export function delivererFor(delivery: DeliverySettings): Deliverer | undefined {
  const { target, timeoutMs, allowPlainLoopback } = delivery;
  switch (target.kind) {
    case 'none':
      return undefined;
    case 'webhook':
      return webhookDeliverer({ ...target, allowPlainLoopback }, timeoutMs);
    case 'smtp':
      return smtpDeliverer({ ...target, allowPlainLoopback }, timeoutMs);
    case 'notify':
      return notifyDeliverer({ ...target, allowPlainLoopback }, timeoutMs);
  }
}

/** Delivers due reports and purges old content every interval; returns a stop function. */
export function startDeliveryLoop(pipeline: Pipeline, deliverer: Deliverer | undefined, delivery: DeliverySettings): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = Date.now();
      if (deliverer) {
        const run = await deliverDue(pipeline.store, pipeline.keys, deliverer, now, delivery);
        if (run.delivered || run.failed) console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry.`);
      }
      await purgeDelivered(pipeline.store, now, pipeline.config.retentionDays);
      await pipeline.store.forgetClients(now - 2 * 60 * 60 * 1000);
    } catch (error) {
      failures.record('delivery-run', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, delivery.intervalSeconds * 1000);
  void tick();
  return () => clearInterval(timer);
}

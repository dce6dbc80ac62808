// Delivery and retention on the Node target: the deliverer the settings choose, and the core's one
// routine run on a timer.
import { runDeliveryAndRetention, type Deliverer } from '../../report/delivery.ts';
import { webhookDeliverer } from '../../report/deliver-webhook.ts';
import { failures } from '../../report/failure-log.ts';
import type { Pipeline } from '../../report/pipeline.ts';
import type { DeliverySettings } from '../../settings.ts';
import { notifyDeliverer } from './deliver-notify.ts';
import { smtpDeliverer } from './deliver-smtp.ts';

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

/** Runs delivery and retention now and then every interval; returns a stop function. */
export function startDeliveryLoop(pipeline: Pipeline, deliverer: Deliverer | undefined, delivery: DeliverySettings): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runDeliveryAndRetention(pipeline, deliverer, delivery);
      if (run.delivered || run.failed) console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry.`);
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

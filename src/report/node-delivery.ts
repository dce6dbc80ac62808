// Chooses the deliverer from the environment and runs delivery and retention on a timer. NODE-ONLY.
import { deliverDue, purgeDelivered, type Deliverer } from './delivery.ts';
import { notifyDeliverer } from './deliver-notify.ts';
import { smtpDeliverer } from './deliver-smtp.ts';
import { webhookDeliverer } from './deliver-webhook.ts';
import type { Pipeline } from './pipeline.ts';

function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set ${why}`);
  return value;
}

/** The configured deliverer, or undefined for REPORT_DELIVERY=none (store only). */
export function delivererFromEnv(env: NodeJS.ProcessEnv = process.env): Deliverer | undefined {
  const kind = env.REPORT_DELIVERY ?? 'none';
  switch (kind) {
    case 'none':
      return undefined;
    case 'webhook':
      return webhookDeliverer(required(env, 'REPORT_WEBHOOK_URL', 'for webhook delivery'), required(env, 'REPORT_WEBHOOK_SECRET', 'to sign webhook deliveries'));
    case 'smtp':
      return smtpDeliverer({
        url: required(env, 'REPORT_SMTP_URL', 'for SMTP delivery (smtp://user:pass@host:587)'),
        from: required(env, 'REPORT_EMAIL_FROM', 'for SMTP delivery'),
        to: required(env, 'REPORT_EMAIL_TO', 'for SMTP delivery'),
      });
    case 'notify':
      return notifyDeliverer({
        apiKey: required(env, 'NOTIFY_API_KEY', 'for GOV.UK Notify delivery'),
        templateId: required(env, 'NOTIFY_TEMPLATE_ID', 'for GOV.UK Notify delivery'),
        to: required(env, 'REPORT_EMAIL_TO', 'for GOV.UK Notify delivery'),
        baseUrl: env.NOTIFY_BASE_URL,
      });
    default:
      throw new Error(`REPORT_DELIVERY must be none, webhook, smtp or notify (it is "${kind}")`);
  }
}

/** Delivers due reports and purges old content every `intervalSeconds`; returns a stop function. */
export function startDeliveryLoop(pipeline: Pipeline, deliverer: Deliverer | undefined, intervalSeconds: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = Date.now();
      if (deliverer) {
        const run = await deliverDue(pipeline.store, pipeline.keys, deliverer, now);
        if (run.delivered || run.failed) console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry.`);
      }
      await purgeDelivered(pipeline.store, now, pipeline.config.retentionDays);
      await pipeline.store.forgetClients(now - 2 * 60 * 60 * 1000);
    } catch (error) {
      console.error(`Report delivery run failed: ${(error as Error).name}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  void tick();
  return () => clearInterval(timer);
}

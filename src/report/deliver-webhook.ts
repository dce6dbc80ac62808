// Delivery by HTTPS POST to the team's system, signed with HMAC-SHA256 over the timestamp and body.
// Works on both targets (fetch and Web Crypto only).
import { deliveryKey, DeliveryError, type Deliverer, type Delivery } from './delivery.ts';
import { inertJson } from './inert.ts';
import { plainTextProblem } from './transport-security.ts';

const enc = new TextEncoder();

export async function signWebhook(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(`${timestamp}.${body}`)));
  return `sha256=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface WebhookSettings {
  /** https://… (http:// only to a loopback address, with allowPlainLoopback) */
  url: string;
  secret: string;
  allowPlainLoopback?: boolean;
}

export function webhookDeliverer(settings: WebhookSettings, timeoutMs = 30_000): Deliverer {
  const problem = plainTextProblem(new URL(settings.url), 'https:', settings.allowPlainLoopback === true);
  if (problem) throw new Error(`REPORT_WEBHOOK_URL ${problem}`);
  return {
    name: 'webhook',
    async deliver(message: Delivery, signal: AbortSignal) {
      // The same data as JSON.stringify gives, with every control escaped: safe in the receiver's logs.
      const body = inertJson(message);
      const timestamp = String(Math.floor(Date.now() / 1000));
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // The receiver keeps this key: a retry of a report (or addition) it already has is the same one.
            'idempotency-key': deliveryKey(message),
            'x-signature-timestamp': timestamp,
            'x-signature': await signWebhook(settings.secret, timestamp, body),
          },
          body,
          // Never follow a redirect: it could lead the report somewhere unencrypted or elsewhere.
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        });
      } catch (error) {
        throw new DeliveryError(`no answer (${(error as Error).name})`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new DeliveryError(`HTTP ${response.status}`);
    },
  };
}

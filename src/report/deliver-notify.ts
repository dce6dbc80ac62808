// Delivery by GOV.UK Notify email, with the official client. NODE-ONLY.
// The Notify template needs two placeholders: ((reference)) and ((report)).
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { DeliveryError, type DeliveredReport, type Deliverer } from './delivery.ts';
import { reportLines } from './email.ts';
import { plainTextProblem } from './transport-security.ts';

export interface NotifySettings {
  apiKey: string;
  templateId: string;
  to: string;
  /** Only for tests and Notify's own environments; the client's default is Notify's API. */
  baseUrl?: string | undefined;
  /** Plain HTTP to a loopback base URL only (tests). */
  allowPlainLoopback?: boolean;
}

export function notifyDeliverer(settings: NotifySettings, timeoutMs = 30_000): Deliverer {
  if (settings.baseUrl) {
    const problem = plainTextProblem(new URL(settings.baseUrl), 'https:', settings.allowPlainLoopback === true);
    if (problem) throw new Error(`NOTIFY_BASE_URL ${problem}`);
  }
  const client = settings.baseUrl ? new NotifyClient(settings.baseUrl, settings.apiKey) : new NotifyClient(settings.apiKey);
  // The client's own HTTP client has no timeout: a Notify that never answers would hold delivery for ever.
  client.setClient(axios.create({ timeout: timeoutMs }));
  return {
    name: 'notify',
    async deliver(message: DeliveredReport) {
      const report = reportLines(message).map(([label, value]) => `${label}: ${value}`).join('\n\n');
      try {
        await client.sendEmail(settings.templateId, settings.to, {
          personalisation: { reference: message.reference, report },
          // Notify stores this with the notification: the team can find a report by its reference.
          reference: message.reference,
        });
      } catch (error) {
        const e = error as { response?: { status?: number }; code?: string };
        throw new DeliveryError(`Notify ${e.response?.status ?? e.code ?? 'no answer'}`);
      }
    },
  };
}

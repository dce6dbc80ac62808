// Delivery by GOV.UK Notify email, with the official client, on the Node target.
// The Notify template needs two placeholders: ((reference)) and ((report)).
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { deliveryKey, DeliveryError, isFollowUp, type Deliverer, type Delivery } from '../../report/delivery.ts';
import { messageLines, subjectOf } from '../../report/email.ts';
import { plainTextProblem } from '../../report/transport-security.ts';

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
    async deliver(message: Delivery) {
      const report = messageLines(message).map(([label, value]) => `${label}: ${value}`).join('\n\n');
      try {
        await client.sendEmail(settings.templateId, settings.to, {
          // ((reference)) reads "ABCD-2345", or "Addition 2 to concern report ABCD-2345".
          personalisation: { reference: isFollowUp(message) ? subjectOf(message) : message.reference, report },
          // Notify stores this with the notification: the team can find a report by its reference.
          reference: deliveryKey(message),
        });
      } catch (error) {
        const e = error as { response?: { status?: number }; code?: string };
        throw new DeliveryError(`Notify ${e.response?.status ?? e.code ?? 'no answer'}`);
      }
    },
  };
}

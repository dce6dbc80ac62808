// Delivery by GOV.UK Notify email, with the official client. NODE-ONLY.
// The Notify template needs two placeholders: ((reference)) and ((report)).
import { NotifyClient } from 'notifications-node-client';
import { DeliveryError, type DeliveredReport, type Deliverer } from './delivery.ts';
import { reportLines } from './email.ts';

export interface NotifySettings {
  apiKey: string;
  templateId: string;
  to: string;
  /** Only for tests and Notify's own environments; the client's default is Notify's API. */
  baseUrl?: string | undefined;
}

export function notifyDeliverer(settings: NotifySettings): Deliverer {
  const client = settings.baseUrl ? new NotifyClient(settings.baseUrl, settings.apiKey) : new NotifyClient(settings.apiKey);
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
        const status = (error as { response?: { status?: number } }).response?.status;
        throw new DeliveryError(`Notify ${status ?? 'no answer'}`);
      }
    },
  };
}

// Delivery by SMTP email (nodemailer). NODE-ONLY.
import nodemailer from 'nodemailer';
import { DeliveryError, type DeliveredReport, type Deliverer } from './delivery.ts';
import { renderEmail } from './email.ts';

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
  to: string;
}

export function smtpDeliverer(settings: SmtpSettings): Deliverer {
  const transport = nodemailer.createTransport(settings.url);
  return {
    name: 'smtp',
    async deliver(message: DeliveredReport) {
      const { subject, text, html } = renderEmail(message);
      const domain = settings.from.split('@')[1] ?? 'localhost';
      try {
        await transport.sendMail({
          from: settings.from,
          to: settings.to,
          subject,
          text,
          html,
          // The same Message-ID on every retry lets the team's mail system drop a duplicate.
          messageId: `<report-${message.reference}@${domain}>`,
          headers: { 'X-Report-Reference': message.reference },
        });
      } catch (error) {
        const e = error as { responseCode?: number; code?: string };
        throw new DeliveryError(`SMTP ${e.responseCode ?? e.code ?? 'error'}`);
      }
    },
  };
}

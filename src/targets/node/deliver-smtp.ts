// Delivery by SMTP email (nodemailer), on the Node target.
// smtps:// is TLS from the first byte; smtp:// must upgrade with STARTTLS, and the message is not
// sent if the server does not offer it (requireTLS), so an attacker cannot strip the upgrade.
import nodemailer from 'nodemailer';
import { deliveryKey, DeliveryError, isFollowUp, type Deliverer, type Delivery } from '../../report/delivery.ts';
import { renderEmail } from '../../report/email.ts';
import { isLoopbackHost } from '../../report/transport-security.ts';

export interface SmtpSettings {
  /** smtp://user:pass@host:port (STARTTLS required) or smtps://… */
  url: string;
  from: string;
  to: string;
  /** Plain text to a loopback address only (tests). */
  allowPlainLoopback?: boolean;
}

export function smtpDeliverer(settings: SmtpSettings, timeoutMs = 30_000): Deliverer {
  const url = new URL(settings.url);
  const secure = url.protocol === 'smtps:';
  const plain = !secure && settings.allowPlainLoopback === true && isLoopbackHost(url.hostname);
  // Built from the URL's parts, so nothing in it (such as ?requireTLS=false) can turn TLS off.
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !plain,
    ignoreTLS: plain,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    name: 'smtp',
    async deliver(message: Delivery) {
      const { subject, text, html } = renderEmail(message);
      const domain = settings.from.split('@')[1] ?? 'localhost';
      try {
        await transport.sendMail({
          from: settings.from,
          to: settings.to,
          subject,
          text,
          html,
          // The same Message-ID on every retry lets the team's mail system drop a duplicate; an
          // addition names its report's message, so mail programs show the two together.
          messageId: `<report-${deliveryKey(message).replace('/', '-')}@${domain}>`,
          ...(isFollowUp(message) ? { inReplyTo: `<report-${message.reference}@${domain}>`, references: [`<report-${message.reference}@${domain}>`] } : {}),
          headers: { 'X-Report-Reference': deliveryKey(message) },
        });
      } catch (error) {
        const e = error as { responseCode?: number; code?: string };
        throw new DeliveryError(`SMTP ${e.responseCode ?? e.code ?? 'error'}`);
      }
    },
  };
}

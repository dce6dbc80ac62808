// Real peers on loopback for delivery tests: a webhook receiver that dedupes by Idempotency-Key,
// an SMTP server (smtp-server), and a server that speaks GOV.UK Notify's HTTP API, including its
// JWT authentication (HS256, iss = service id, signed with the key's secret).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Peer {
  url: string;
  close(): Promise<void>;
}

function listen(server: net.Server | SMTPServer['server'], port = 0): Promise<number> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function webhookReceiver(secret: string, port = 0) {
  const received = new Map<string, unknown>();
  /** Idempotency keys in the order their requests arrived, repeats included. */
  const arrivals: string[] = [];
  /** Requests for these keys are read and never answered, like a receiver that has hung. */
  const hang = new Set<string>();
  let requests = 0;
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      const expected = `sha256=${createHmac('sha256', secret).update(`${req.headers['x-signature-timestamp']}.${body}`).digest('hex')}`;
      if (req.headers['x-signature'] !== expected) {
        res.writeHead(401).end();
        return;
      }
      const key = String(req.headers['idempotency-key']);
      arrivals.push(key);
      if (hang.has(key)) return;
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end();
        return;
      }
      // 201 the first time a report arrives, 200 for a repeat the receiver already has.
      const repeat = received.has(key);
      if (!repeat) received.set(key, JSON.parse(body));
      res.writeHead(repeat ? 200 : 201).end();
    });
  });
  const actualPort = await listen(server, port);
  return {
    url: `http://127.0.0.1:${actualPort}/reports`,
    port: actualPort,
    received,
    arrivals,
    hang,
    get requests() { return requests; },
    failTimes(n: number) { failNext = n; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A TCP peer that accepts connections and never says a word: a hung mail server or API. */
export async function silentPeer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  const port = await listen(server);
  return {
    port,
    get connections() { return sockets.size; },
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

export async function smtpPeer() {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        messages.push(data);
        callback();
      });
    },
  });
  const port = await listen(server.server);
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const b64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export async function notifyPeer(serviceId: string, secret: string) {
  const emails: Record<string, unknown>[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const [header, payload, signature] = token.split('.');
      const valid = header && payload && signature === b64url(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
      const claims = valid ? JSON.parse(Buffer.from(payload!, 'base64url').toString()) : {};
      if (!valid || claims.iss !== serviceId || Math.abs(Date.now() / 1000 - claims.iat) > 30) {
        json(403, { status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token: signature, api token not found' }] });
        return;
      }
      if (req.method !== 'POST' || req.url !== '/v2/notifications/email') {
        json(404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
        return;
      }
      const request = JSON.parse(body);
      if (!request.email_address || !request.template_id) {
        json(400, { status_code: 400, errors: [{ error: 'ValidationError', message: 'email_address is a required property' }] });
        return;
      }
      emails.push(request);
      json(201, {
        id: '740e5834-3a29-46b4-9a6f-16142fde533a',
        reference: request.reference ?? null,
        content: { subject: 'Concern report', body: String(request.personalisation?.report ?? ''), from_email: 'safeguarding@notifications.service.gov.uk' },
        uri: 'https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a',
        template: { id: request.template_id, version: 1, uri: `https://api.notifications.service.gov.uk/v2/templates/${request.template_id}` },
      });
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, emails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

// The production server: the Node adapter's standalone handler, wrapped so that every response —
// static files included, which the adapter serves before any Astro middleware runs — carries the
// security headers and the right Content-Security-Policy.
import { existsSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleReportPost, handleTokenRequest, problem, unavailable } from '../report/http.ts';
import { delivererFor, startDeliveryLoop } from '../report/node-delivery.ts';
import { clientAddressOf, nodeSettings, openNodePipeline } from '../report/node-runtime.ts';
import { clientAddresses } from '../report/client-address.ts';
import { isSameOriginPost } from '../lib/same-origin.ts';
import type { Settings } from '../settings.ts';
import { pageKey, readPageCsp } from './page-csp.ts';
import { readBody, refusalFor, refuse, tooLarge } from './request-guard.ts';
import { assetCsp, HSTS, securityHeadersFor } from './security-headers.ts';

// Every setting is read and checked once, here: a wrong one stops the server before it listens.
let settings: Settings;
try {
  settings = nodeSettings();
} catch (error) {
  console.error(`See the Signs did not start. ${(error as Error).message}`);
  process.exit(1);
}

const dist = `${resolve(fileURLToPath(new URL('../../', import.meta.url)), settings.build.outDir)}/`;
if (!existsSync(`${dist}server/entry.mjs`)) {
  console.error('There is no build to serve. Run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}

// Astro's own preview server starts the adapter this way: load the handler without its listener.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(`${dist}server/entry.mjs`)) as {
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
};
const pageCsp = readPageCsp(`${dist}_headers.json`);
const notFoundCsp = pageCsp.get('/404');
const proxies = clientAddresses(settings.server.trustProxy);

function isHttps(req: IncomingMessage): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  return proxies.fromTrustedProxy(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-proto'] === 'https';
}

function secure(req: IncomingMessage, res: ServerResponse): void {
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    // A target no URL parser accepts: the adapter answers it with 400; it must not stop the server.
  }
  for (const [name, value] of Object.entries(securityHeadersFor(pathname))) res.setHeader(name, value);
  if (isHttps(req)) res.setHeader('Strict-Transport-Security', HSTS);
  const exact = pageCsp.get(pageKey(pathname));

  // The policy is settled when the status is known. The adapter matches prerendered pages to
  // policies by substring ("/" matches every page), so our exact match always wins.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const given = rest.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null);
    const givenKey = given && Object.keys(given).find((k) => k.toLowerCase() === 'content-security-policy');
    const chosen = exact ?? (status === 404 ? notFoundCsp : undefined);
    if (chosen) {
      if (givenKey) delete given[givenKey];
      res.setHeader('Content-Security-Policy', chosen);
    } else if (!givenKey && !res.hasHeader('Content-Security-Policy')) {
      res.setHeader('Content-Security-Policy', assetCsp(pathname));
    }
    // No cookie is ever needed; refuse to send one even if a dependency tries.
    res.removeHeader('Set-Cookie');
    if (given) for (const k of Object.keys(given)) if (k.toLowerCase() === 'set-cookie') delete given[k];
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
}

// Delivery settings are checked before the server accepts anything, so a mistake stops it here.
let deliverer: ReturnType<typeof delivererFor>;
let background: Awaited<ReturnType<typeof openNodePipeline>>;
try {
  deliverer = delivererFor(settings.delivery);
  background = await openNodePipeline(settings);
  // Reports a killed process had claimed are free to deliver again (their receivers drop repeats).
  await background.store.releaseLeases();
} catch (error) {
  // A setting to change or a key to restore: say which, and do not start.
  console.error(`See the Signs did not start. ${(error as Error).message}`);
  process.exit(1);
}
const stopDelivery = startDeliveryLoop(background, deliverer, settings.delivery);

/** A Node request, its body already read, as a web-standard Request for the report handler every target shares. */
function toRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/**
 * The report API answered here, with the same web-standard handler the Astro route and the Worker
 * use: measured on loopback, Astro's on-demand pipeline alone puts p99 near 80 ms at 50 concurrent
 * requests (even for /api/health), and a report must be acknowledged faster than that.
 */
async function reportApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/api/reports/token' && req.method === 'GET') {
    await send(res, await handleTokenRequest(background));
    return true;
  }
  if (path === '/api/reports' && req.method === 'POST') {
    const body = await readBody(req, settings.report.maxBodyBytes);
    if (body === null) {
      refuse(req, res, tooLarge(settings.report.maxBodyBytes));
      return true;
    }
    let request: Request;
    try {
      request = toRequest(req, body);
    } catch {
      // A Host header or target that makes no URL: nothing of the report was read.
      await send(res, problem(400, 'body', 'The request could not be read'));
      return true;
    }
    if (!isSameOriginPost(request)) {
      await send(res, new Response('Reports can only be sent from this website.', { status: 403 }));
      return true;
    }
    await send(res, await handleReportPost(background, request, clientAddressOf(request, req.socket.remoteAddress ?? '')));
    return true;
  }
  return false;
}

const listener = (req: IncomingMessage, res: ServerResponse) => {
  secure(req, res);
  const refusal = refusalFor(req, settings.report.maxBodyBytes);
  if (refusal) {
    refuse(req, res, refusal);
    return;
  }
  reportApi(req, res).then(
    async (handled) => {
      if (!handled) await handler(req, res);
    },
    (error: unknown) => {
      // Logged by class and code only: an error here could carry a report's content in its message.
      if (res.headersSent) res.destroy();
      else void send(res, unavailable('handler', error));
    },
  );
};

const { port, host, tls } = settings.server;
const server = tls ? https.createServer({ cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) }, listener) : http.createServer(listener);


server.listen(port, host, () => {
  const scheme = server instanceof https.Server ? 'https' : 'http';
  console.log(`See the Signs is running at ${scheme}://${host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopDelivery();
    server.close(() => process.exit(0));
  });
}

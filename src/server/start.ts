// The production server: the Node adapter's standalone handler, wrapped so that every response —
// static files included, which the adapter serves before any Astro middleware runs — carries the
// security headers and the right Content-Security-Policy.
import { existsSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleReportPost, handleTokenRequest, problem, unavailable } from '../report/http.ts';
import { delivererFromEnv, startDeliveryLoop } from '../report/node-delivery.ts';
import { clientAddressOf, openNodePipeline } from '../report/node-runtime.ts';
import { isSameOriginPost } from '../lib/same-origin.ts';
import { pageKey, readPageCsp } from './page-csp.ts';
import { assetCsp, HSTS, securityHeadersFor } from './security-headers.ts';

const dist = process.env.OUT_DIR ? `${resolve(process.env.OUT_DIR)}/` : fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(`${dist}server/entry.mjs`)) {
  console.error('There is no build to serve. Run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}

// Astro's own preview server starts the adapter this way: load the handler without its listener.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(`${dist}server/entry.mjs`)) as {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
};
const pageCsp = readPageCsp(`${dist}_headers.json`);
const notFoundCsp = pageCsp.get('/404');
const trustProxy = process.env.TRUST_PROXY === '1';

function isHttps(req: IncomingMessage): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  return trustProxy && req.headers['x-forwarded-proto'] === 'https';
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
const deliverer = delivererFromEnv();
const background = await openNodePipeline();
const stopDelivery = startDeliveryLoop(background, deliverer, Number(process.env.REPORT_DELIVERY_INTERVAL_SECONDS ?? 30));

/** A Node request as a web-standard Request, for the report handler every target shares. */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
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
    let request: Request;
    try {
      request = toRequest(req);
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
  reportApi(req, res).then(
    (handled) => {
      if (!handled) handler(req, res);
    },
    () => {
      // Nothing is logged: an error here could carry a report's content.
      if (res.headersSent) res.end();
      else void send(res, unavailable());
    },
  );
};

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const server =
  process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
    ? https.createServer({ cert: readFileSync(process.env.SERVER_CERT_PATH), key: readFileSync(process.env.SERVER_KEY_PATH) }, listener)
    : http.createServer(listener);


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

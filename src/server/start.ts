// The production server: the Node adapter's standalone handler, wrapped so that every response —
// static files included, which the adapter serves before any Astro middleware runs — carries the
// security headers and the right Content-Security-Policy.
import { existsSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { delivererFromEnv, startDeliveryLoop } from '../report/node-delivery.ts';
import { openNodePipeline } from '../report/node-runtime.ts';
import { pageKey, readPageCsp } from './page-csp.ts';
import { assetCsp, HSTS, SECURITY_HEADERS } from './security-headers.ts';

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
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (isHttps(req)) res.setHeader('Strict-Transport-Security', HSTS);
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
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

const listener = (req: IncomingMessage, res: ServerResponse) => {
  secure(req, res);
  handler(req, res);
};

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const server =
  process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
    ? https.createServer({ cert: readFileSync(process.env.SERVER_CERT_PATH), key: readFileSync(process.env.SERVER_KEY_PATH) }, listener)
    : http.createServer(listener);

// Delivery settings are checked before the server accepts anything, so a mistake stops it here.
const deliverer = delivererFromEnv();
const background = await openNodePipeline();
const stopDelivery = startDeliveryLoop(background, deliverer, Number(process.env.REPORT_DELIVERY_INTERVAL_SECONDS ?? 30));

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

// The security headers on every response of the Node server — static files included, which the
// Astro adapter serves before any middleware runs — and the right Content-Security-Policy for each:
// a page's own (with its scripts' hashes, from Astro's build output), else one that allows nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { assetCsp, HSTS, securityHeadersFor } from '../../lib/security-headers.ts';
import type { ClientAddresses } from './client-address.ts';
import { pageKey, readPageCsp } from './page-csp.ts';

/** Returns the function that sets a response's headers, given the build folder and the trusted proxies. */
export function securityHeaders(dist: string, proxies: ClientAddresses): (req: IncomingMessage, res: ServerResponse) => void {
  const pageCsp = readPageCsp(`${dist}_headers.json`);
  const notFoundCsp = pageCsp.get('/404');

  const isHttps = (req: IncomingMessage) =>
    (req.socket as TLSSocket).encrypted === true || (proxies.fromTrustedProxy(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-proto'] === 'https');

  return (req, res) => {
    let pathname = '/';
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      // A target no URL parser accepts: it is answered with 400; it must not stop the server.
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
  };
}

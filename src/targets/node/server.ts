// The Node server's request listener: refuse what cannot be served, set the security headers, answer
// campaign short links, hand the report API straight to the report router, and everything else
// (pages, static files, the report form) to Astro's adapter, counting the pages people open.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { failures } from '../../report/failure-log.ts';
import { PAGE_BODY_FACTOR, reportPath, unavailable, type ReportRouter } from '../../report/router.ts';
import { NOT_PUBLIC_PATH, PREVIEW_HEADERS, type Gate } from '../../lib/campaign-schedule.ts';
import type { ReachFront } from '../../reach/front.ts';
import { shortLinkHeaders } from '../../reach/links.ts';
import { compressOnTheFly } from './compression.ts';
import { readBody, refusalFor, refuse, tooLarge } from './request-guard.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface ListenerParts {
  /** Astro's adapter: pages, static files and on-demand routes. */
  astro: Handler;
  /** Sets the security headers on a response before anything is written. */
  secure: (req: IncomingMessage, res: ServerResponse) => void;
  router: ReportRouter;
  maxBodyBytes: number;
  /**
   * Campaign dates (src/lib/campaign-schedule.ts), decided before anything is served, the build's
   * compressed copies and short links included.
   */
  gate: (url: URL) => Gate;
  /** Short links, and counting the pages people open (src/reach/front.ts). */
  reach: ReachFront;
  /** Answers from the build's compressed copies of static files; false to let the request go on. */
  precompressed: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** A Node request, its body already read, as a web-standard Request. */
function toRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) } : {}) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/** A request header by its lower-case name; the first, if it was sent more than once. */
const headerOf = (req: IncomingMessage) => (name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function createListener({ astro, secure, router, maxBodyBytes, gate, reach, precompressed }: ListenerParts) {
  /**
   * The report API, answered here rather than through Astro: measured on loopback, Astro's on-demand
   * pipeline alone put p99 near 80 ms at 50 concurrent requests (even for /api/health), and a report
   * must be acknowledged faster than that. The router is the one every target uses.
   */
  const reportApi = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: Buffer | undefined;
    if (req.method === 'POST') {
      const read = await readBody(req, maxBodyBytes);
      if (read === null) return refuse(req, res, tooLarge(maxBodyBytes));
      body = read;
    }
    const answer = await router.handle(toRequest(req, body), req.socket.remoteAddress ?? '');
    // The API's paths always answer with a Response; a form view here would be a routing mistake.
    await send(res, answer instanceof Response ? answer : unavailable('handler', new Error('form view on an API path')));
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    let decision: Gate = { kind: 'pass' };
    try {
      decision = gate(new URL(req.url ?? '/', 'http://localhost'));
    } catch {
      // A target no URL parser accepts: the adapter answers it with 400 below.
    }
    // A campaign before its first day: the site's own 404, with the 404 page's policy.
    if (decision.kind === 'not-public') req.url = NOT_PUBLIC_PATH;
    secure(req, res);
    if (decision.kind === 'preview-link') {
      res.writeHead(302, { location: decision.location, ...PREVIEW_HEADERS }).end();
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0]!;
    const route = reportPath(pathname);
    // A form page refuses an over-long post itself, in its own language, with the words kept.
    const refusal = refusalFor(req, route && !route.startsWith('/api/') ? maxBodyBytes * PAGE_BODY_FACTOR : maxBodyBytes);
    if (refusal) return refuse(req, res, refusal);
    const method = req.method ?? 'GET';
    const header = headerOf(req);
    const link = reach.shortLink(method, pathname, header);
    if (link) {
      res.writeHead(link.status, shortLinkHeaders(link)).end();
      return;
    }
    // A view is counted once the page has gone (a map lookup); a prefetch, a crawler or a 404 is not.
    if (reach.mayCount(method, header)) res.once('finish', () => reach.answered(pathname, res.statusCode));
    if (precompressed(req, res)) return;
    // Everything else (the report form, the API, the 404 page) is compressed as it is sent.
    compressOnTheFly(req, res);
    const work = route?.startsWith('/api/') ? reportApi(req, res) : Promise.resolve(astro(req, res));
    work.catch((error: unknown) => {
      // Logged by class and code only: an error here could carry a report's content in its message.
      if (res.headersSent) {
        failures.record('handler', error);
        res.destroy();
      } else void send(res, unavailable('handler', error));
    });
  };
}

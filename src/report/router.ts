// The whole report surface in one place: the JSON API (token, report) and the HTML form, on every
// target. Every request to it comes through handle(): the path is normalised (with or without a
// trailing slash is the same route), the method checked, a post from another site refused (one
// origin check), and the outcome mapped to its answer once. The Node server, the Astro routes and
// the report page are thin callers; the page only renders the FormView it is given.
import { failures, type FailureKind } from './failure-log.ts';
import { alreadySentMessage, newToken, submit, type Outcome, type Pipeline } from './pipeline.ts';
import { isSameOriginPost } from './same-origin.ts';
import { formToInput, type FieldError } from './schema.ts';

/** What a target gives the router: its pipeline, and how it finds a client's address. */
export interface ReportRuntime {
  /** The target's one pipeline; rejects when it cannot open (no store, wrong key). */
  pipeline(): Promise<Pipeline>;
  /** The address to rate-limit, from the request and its socket's peer. */
  clientAddress(request: Request, socketAddress: string): string;
}

const ROUTES = {
  '/api/reports/token': { kind: 'api', methods: ['GET', 'HEAD'] },
  '/api/reports': { kind: 'api', methods: ['POST'] },
  '/report': { kind: 'form', methods: ['GET', 'HEAD', 'POST'] },
} as const;
export type ReportPath = keyof typeof ROUTES;

/** The route for a path, with or without its trailing slash; undefined when it is not part of the report surface. */
export function reportPath(pathname: string): ReportPath | undefined {
  const bare = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return Object.hasOwn(ROUTES, bare) ? (bare as ReportPath) : undefined;
}

/** The report form's state, for the page to render. */
export interface FormView {
  status: number;
  headers: Record<string, string>;
  /** The form token to send with the next post: new, or the one just sent when it is still good. */
  token: string;
  /** What the person typed, to show again. */
  values: Record<string, unknown>;
  errors: FieldError[];
  /** What became of the post that was just sent, if it was not accepted (the page adds phone numbers when it could not be taken). */
  outcome?: Exclude<Outcome['kind'], 'accepted'>;
  /** Set once the report is stored: the page shows the confirmation. */
  accepted?: { reference: string; danger: boolean };
  /** The pipeline cannot open: the page says so and gives phone numbers instead. */
  unavailable?: boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
export const problem = (status: number, field: string, message: string, headers?: Record<string, string>) => json(status, { errors: [{ field, message }] }, headers);

/** 503 when the pipeline cannot open or a handler fails: nothing can be accepted. The fault code is in the log. */
export function unavailable(kind: FailureKind, error: unknown): Response {
  const failure = failures.record(kind, error);
  return problem(503, 'body', `Reports cannot be received right now. Call 101, or 999 in an emergency. (Fault code ${failure})`, { 'retry-after': '60' });
}

/** Reads at most `limit` bytes of the body; null when it is longer. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? '0') > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** How each outcome reads on the form; the API gives the same outcomes as status codes. */
function formErrors(outcome: Exclude<Outcome, { kind: 'accepted' }>): FieldError[] {
  switch (outcome.kind) {
    case 'invalid':
      return outcome.errors;
    case 'already-sent':
      return [{ field: 'concern', message: alreadySentMessage(outcome.reference) }];
    case 'rate-limited':
      return [{ field: 'concern', message: `You have sent several reports in the last hour. Your answers are still here: try again in ${Math.ceil(outcome.retryAfter / 60)} minutes, or call 101` }];
    case 'unavailable':
      return [{ field: 'concern', message: `Your report could not be saved, so it has not been sent. Your answers are still here: try again in a few minutes, or call 101. (Fault code ${outcome.failure})` }];
  }
}

const STATUS: Record<Outcome['kind'], number> = { accepted: 200, invalid: 422, 'already-sent': 409, 'rate-limited': 429, unavailable: 503 };

function retryHeaders(outcome: Outcome): Record<string, string> {
  if (outcome.kind === 'rate-limited') return { 'retry-after': String(outcome.retryAfter) };
  if (outcome.kind === 'unavailable') return { 'retry-after': '60' };
  return {};
}

export class ReportRouter {
  private readonly runtime: ReportRuntime;

  constructor(runtime: ReportRuntime) {
    this.runtime = runtime;
  }

  /**
   * Answers a request to the report surface: a Response for the API (and for refusals), a FormView
   * for the page to render. `socketAddress` is the connection's peer.
   */
  async handle(request: Request, socketAddress: string): Promise<Response | FormView> {
    const path = reportPath(new URL(request.url).pathname);
    if (!path) return problem(404, 'body', 'There is nothing here');
    const route = ROUTES[path];
    if (!(route.methods as readonly string[]).includes(request.method)) {
      return problem(405, 'body', `Use ${route.methods.join(' or ')}`, { allow: route.methods.join(', ') });
    }
    if (request.method === 'POST' && !isSameOriginPost(request)) {
      return new Response('Reports can only be sent from this website.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    }
    let pipeline: Pipeline;
    try {
      pipeline = await this.runtime.pipeline();
    } catch (error) {
      if (route.kind === 'api') return unavailable('pipeline', error);
      failures.record('pipeline', error);
      return { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '60' }, token: '', values: {}, errors: [], unavailable: true };
    }
    const client = () => this.runtime.clientAddress(request, socketAddress);
    switch (path) {
      case '/api/reports/token':
        return json(200, { token: await newToken(pipeline), minFillSeconds: pipeline.config.minFillSeconds });
      case '/api/reports':
        return this.reportJson(pipeline, request, client);
      case '/report':
        return request.method === 'POST' ? this.reportForm(pipeline, request, client) : { status: 200, headers: { 'cache-control': 'no-store' }, token: await newToken(pipeline), values: {}, errors: [] };
    }
  }

  /** POST /api/reports with a JSON body. */
  private async reportJson(p: Pipeline, request: Request, client: () => string): Promise<Response> {
    if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return problem(415, 'body', 'Send the report as JSON with Content-Type: application/json');
    }
    const body = await readBody(request, p.config.maxBodyBytes);
    if (body === null) return problem(413, 'body', `The report must be ${p.config.maxBodyBytes} bytes or fewer`, { connection: 'close' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return problem(400, 'body', 'The body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return problem(400, 'body', 'The body must be a JSON object');
    const { token, website, ...input } = parsed as Record<string, unknown>;
    const outcome = await submit(p, { input, token, honeypot: website, clientAddress: client() });
    const headers = retryHeaders(outcome);
    switch (outcome.kind) {
      case 'accepted':
        return json(201, { reference: outcome.reference });
      case 'invalid':
        return json(422, { errors: outcome.errors });
      case 'already-sent':
        return json(409, { reference: outcome.reference, errors: [{ field: 'token', message: alreadySentMessage(outcome.reference) }] });
      case 'rate-limited':
        return problem(429, 'body', 'Too many reports from this connection. Try again later', headers);
      case 'unavailable':
        return problem(503, 'body', `Your report could not be saved. Nothing was sent. Try again in a few minutes, or call 101. (Fault code ${outcome.failure})`, headers);
    }
  }

  /** POST /report/: the HTML form, which works without JavaScript. */
  private async reportForm(p: Pipeline, request: Request, client: () => string): Promise<FormView> {
    const body = await readBody(request, p.config.maxBodyBytes);
    if (body === null) {
      return { status: 413, headers: { 'cache-control': 'no-store', connection: 'close' }, token: await newToken(p), values: {}, errors: [{ field: 'concern', message: 'Your report is too long to send. Make it shorter and send it again' }] };
    }
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const values = formToInput(form);
    const sent = form.get('token') ?? '';
    const outcome = await submit(p, { input: values, token: sent, honeypot: form.get('website'), clientAddress: client() });
    const headers = { 'cache-control': 'no-store', ...retryHeaders(outcome) };
    if (outcome.kind === 'accepted') return { status: 200, headers, token: '', values, errors: [], accepted: { reference: outcome.reference, danger: outcome.report.danger === 'yes' } };
    const errors = formErrors(outcome);
    // A token that was refused, or already used for another report, is replaced, so the next post can succeed.
    const fresh = outcome.kind === 'already-sent' || errors.some((e) => e.field === 'token');
    return { status: STATUS[outcome.kind], headers, token: fresh ? await newToken(p) : sent, values, errors, outcome: outcome.kind };
  }
}

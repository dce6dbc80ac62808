// The whole report surface in one place: the JSON API (token, report, addition) and the two HTML
// forms (report, "tell us more"), on every target. Every request to it comes through handle(): the
// path is normalised (with or without a trailing slash is the same route), the method checked, a post
// from another site refused (one origin check), and each outcome mapped to its answer once. The Node
// server, the Astro routes and the pages are thin callers; a page only renders the FormView it is given.
import { failures, type FailureKind } from './failure-log.ts';
import { addFollowUp, newToken, submit, type FollowUpOutcome, type Outcome, type Pipeline, type Submission } from './pipeline.ts';
import { HEARD_FIELD } from '../reach/heard.ts';
import { openReceipt, RECEIPT_PARAM, receiptLocation, type Receipt } from './receipt.ts';
import { isSameOriginPost } from './same-origin.ts';
import { refusal } from './refusals.ts';
import { FOLLOW_UP_FIELDS } from './follow-up-schema.ts';
import { FIELD_ORDER, formToInput, type FieldError } from './schema.ts';

/** What a target gives the router: its pipeline, and how it finds a client's address. */
export interface ReportRuntime {
  /** The target's one pipeline; rejects when it cannot open (no store, wrong key). */
  pipeline(): Promise<Pipeline>;
  /** The address to rate-limit, from the request and its socket's peer. */
  clientAddress(request: Request, socketAddress: string): string;
}

const ROUTES = {
  '/api/reports/token': { kind: 'api', methods: ['GET', 'HEAD'] },
  '/api/reports': { kind: 'api', methods: ['POST'], form: 'report' },
  '/api/reports/follow-ups': { kind: 'api', methods: ['POST'], form: 'follow-up' },
  '/report': { kind: 'page', methods: ['GET', 'HEAD', 'POST'], form: 'report' },
  '/report/follow-up': { kind: 'page', methods: ['GET', 'HEAD', 'POST'], form: 'follow-up' },
} as const;
export type ReportPath = keyof typeof ROUTES;
type FormName = 'report' | 'follow-up';

/**
 * The route for a path, with or without its trailing slash; undefined when it is not part of the
 * report surface. A form page in another language (/cy/report/) is the same route: its page checks
 * the language is one the site has, and the form says which language it was in.
 */
export function reportPath(pathname: string): ReportPath | undefined {
  const bare = (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname).replace(/^\/[a-z]{2,3}(?=\/report(?:\/|$))/, '');
  return Object.hasOwn(ROUTES, bare) ? (bare as ReportPath) : undefined;
}

/** "/cy/" for a form in Welsh (/cy/report/), "/" for the English: where its confirmation is. */
const languagePrefix = (request: Request) => /^\/[a-z]{2,3}\/(?=report(?:\/|$))/.exec(new URL(request.url).pathname)?.[0] ?? '/';

type AnyOutcome = Outcome | FollowUpOutcome;
type Accepted = Extract<AnyOutcome, { kind: 'accepted' }>;

/** A form's state, for its page to render. */
export interface FormView {
  status: number;
  headers: Record<string, string>;
  /** The form token to send with the next post: new, or the one just sent when it is still good. */
  token: string;
  /** What the person typed, to show again. */
  values: Record<string, unknown>;
  errors: FieldError[];
  /** What became of the post just sent (the page adds phone numbers when it could not be taken). */
  outcome?: Exclude<AnyOutcome['kind'], 'accepted'>;
  /** The pipeline cannot open: the page says so and gives phone numbers instead. */
  unavailable?: boolean;
}

/** The confirmation page's state: what its receipt says, or null when it cannot be opened. */
export interface ReceiptView {
  status: number;
  headers: Record<string, string>;
  receipt: Receipt | null;
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
  const declared = request.headers.get('content-length');
  if (Number(declared ?? '0') > limit) return null;
  if (!request.body) return new Uint8Array();
  // A declared length is held to by the runtime, so the body can be read whole; otherwise count as it comes.
  if (declared !== null && /^\d+$/.test(declared)) return new Uint8Array(await request.arrayBuffer());
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

/**
 * The field a form page's language buttons send (src/components/LanguageLink.astro): its answers are
 * to be shown again in the language posted to, not sent.
 */
export const LANGUAGE_CHANGE_FIELD = 'change-language';

/** How many times the body limit a form page reads, to refuse a long post without losing its words. */
export const PAGE_BODY_FACTOR = 4;

/** Each form's field that carries its main answer, where a problem with the whole post is shown. */
const MAIN_FIELD: Record<FormName, string> = { report: 'concern', 'follow-up': 'details' };
/** Each form's name in the refusal codes (src/report/refusals.ts). */
const REFUSING: Record<FormName, 'report' | 'followUp'> = { report: 'report', 'follow-up': 'followUp' };
const STATUS: Record<AnyOutcome['kind'], number> = { accepted: 201, invalid: 422, 'not-matched': 422, 'already-sent': 409, 'rate-limited': 429, unavailable: 503 };

/**
 * How each outcome that stored nothing is told: by code and values, with English words for the
 * API; a form page says the same code in its own language.
 */
function refusalErrors(form: FormName, outcome: Exclude<AnyOutcome, Accepted>): FieldError[] {
  const main = MAIN_FIELD[form];
  const of = REFUSING[form];
  switch (outcome.kind) {
    case 'invalid':
      // Each problem carries its code already (src/report/schema.ts).
      return outcome.errors;
    case 'not-matched':
      return [refusal('followUpCode', 'followUp.notMatched')];
    case 'already-sent':
      return [
        'addition' in outcome
          ? refusal('token', 'followUp.alreadySent', { addition: outcome.addition, reference: outcome.reference })
          : refusal('token', 'report.alreadySent', { reference: outcome.reference }),
      ];
    case 'rate-limited':
      return [refusal(main, `${of}.rateLimited`, { count: Math.ceil(outcome.retryAfter / 60) })];
    case 'unavailable':
      return [refusal(main, `${of}.unavailable`, { fault: outcome.failure })];
  }
}

function outcomeHeaders(outcome: AnyOutcome): Record<string, string> {
  if (outcome.kind === 'rate-limited') return { 'retry-after': String(outcome.retryAfter) };
  if (outcome.kind === 'unavailable') return { 'retry-after': '60' };
  return {};
}

/** What a stored report or addition answers: its reference, and the follow-up code or the addition's number. */
function created(outcome: Accepted) {
  return 'followUpCode' in outcome ? { reference: outcome.reference, followUpCode: outcome.followUpCode } : { reference: outcome.reference, addition: outcome.addition };
}

export class ReportRouter {
  private readonly runtime: ReportRuntime;

  constructor(runtime: ReportRuntime) {
    this.runtime = runtime;
  }

  /**
   * Answers a request to the report surface: a Response for the API (and for refusals), a FormView
   * for a page to render. `socketAddress` is the connection's peer.
   */
  async handle(request: Request, socketAddress: string): Promise<Response | FormView> {
    const path = reportPath(new URL(request.url).pathname);
    if (!path) return problem(404, 'body', 'There is nothing here');
    const route: { kind: 'api' | 'page'; methods: readonly string[]; form?: FormName } = ROUTES[path];
    if (!route.methods.includes(request.method)) {
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
    if (!route.form) return json(200, { token: await newToken(pipeline), minFillSeconds: pipeline.config.minFillSeconds });
    if (route.kind === 'api') return this.api(route.form, pipeline, request, client);
    if (request.method !== 'POST') return { status: 200, headers: { 'cache-control': 'no-store' }, token: await newToken(pipeline), values: {}, errors: [] };
    return this.page(route.form, pipeline, request, client);
  }

  /** Sends a submission to the pipeline step for its form. */
  private run(form: FormName, p: Pipeline, submission: Submission): Promise<AnyOutcome> {
    return form === 'report' ? submit(p, submission) : addFollowUp(p, submission);
  }

  /** POST /api/reports and /api/reports/follow-ups, with a JSON body. */
  private async api(form: FormName, p: Pipeline, request: Request, client: () => string): Promise<Response> {
    if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return problem(415, 'body', 'Send the body as JSON with Content-Type: application/json');
    }
    const body = await readBody(request, p.config.maxBodyBytes);
    if (body === null) return problem(413, 'body', `The body must be ${p.config.maxBodyBytes} bytes or fewer`, { connection: 'close' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return problem(400, 'body', 'The body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return problem(400, 'body', 'The body must be a JSON object');
    const { token, website, [HEARD_FIELD]: heard, ...input } = parsed as Record<string, unknown>;
    const outcome = await this.run(form, p, { input, token, honeypot: website, clientAddress: client(), heard });
    if (outcome.kind === 'accepted') return json(201, created(outcome));
    const extra = outcome.kind === 'already-sent' ? { reference: outcome.reference } : {};
    const errors = refusalErrors(form, outcome).map(({ field, message }) => ({ field, message }));
    return json(STATUS[outcome.kind], { ...extra, errors }, outcomeHeaders(outcome));
  }

  /**
   * GET /report/sent/: the confirmation a stored report or addition was redirected to, while its
   * receipt is good (src/report/receipt.ts); 410 once it is not.
   */
  async receipt(request: Request): Promise<ReceiptView> {
    const headers = { 'cache-control': 'no-store' };
    try {
      const p = await this.runtime.pipeline();
      const receipt = await openReceipt(p.keys, new URL(request.url).searchParams.get(RECEIPT_PARAM), p.now());
      return { status: receipt ? 200 : 410, headers, receipt };
    } catch (error) {
      failures.record('pipeline', error);
      return { status: 503, headers: { ...headers, 'retry-after': '60' }, receipt: null };
    }
  }

  /**
   * POST /report/ and /report/follow-up/ (and each language's, /cy/report/…): the HTML forms, which
   * work without JavaScript. What is stored is answered 303 to its confirmation in the form's
   * language (post/redirect/get), so reload never sends it again.
   */
  private async page(form: FormName, p: Pipeline, request: Request, client: () => string): Promise<Response | FormView> {
    // A post over the limit is still read, up to PAGE_BODY_FACTOR times it, so the page can refuse it
    // with every word shown again to shorten: a field's maxlength counts characters, and a character
    // can take up to 9 bytes once the browser has encoded it.
    const body = await readBody(request, p.config.maxBodyBytes * PAGE_BODY_FACTOR);
    const posted = new URLSearchParams(body ? new TextDecoder().decode(body) : '');
    const values = formToInput(posted, form === 'report' ? FIELD_ORDER : FOLLOW_UP_FIELDS);
    const heard = posted.get(HEARD_FIELD);
    // The answer to the counted question is shown again with the rest, though it is not part of the report.
    const shown = heard ? { ...values, [HEARD_FIELD]: heard } : values;
    if (body !== null && posted.has(LANGUAGE_CHANGE_FIELD)) {
      // A change of language from a form page (src/components/LanguageLink.astro): the answers go back,
      // in the other language's form, as they were typed. Nothing is checked, stored, sent or counted.
      return { status: 200, headers: { 'cache-control': 'no-store' }, token: posted.get('token') || (await newToken(p)), values: shown, errors: [] };
    }
    if (body === null || body.byteLength > p.config.maxBodyBytes) {
      const errors = [refusal(MAIN_FIELD[form], `${REFUSING[form]}.tooLarge`)];
      return { status: 413, headers: { 'cache-control': 'no-store', connection: 'close' }, token: await newToken(p), values: shown, errors };
    }
    const sent = posted.get('token') ?? '';
    const outcome = await this.run(form, p, { input: values, token: sent, honeypot: posted.get('website'), clientAddress: client(), heard });
    const headers = { 'cache-control': 'no-store', ...outcomeHeaders(outcome) };
    if (outcome.kind === 'accepted') {
      const receipt: Receipt = 'followUpCode' in outcome
        ? { reference: outcome.reference, followUpCode: outcome.followUpCode, danger: outcome.report.danger === 'yes' }
        : { reference: outcome.reference, addition: outcome.addition };
      return new Response(null, { status: 303, headers: { ...headers, location: languagePrefix(request) + (await receiptLocation(p.keys, receipt, p.now())).slice(1) } });
    }
    const errors = refusalErrors(form, outcome);
    // A token that was refused, or already used for something else, is replaced, so the next post can succeed.
    const fresh = outcome.kind === 'already-sent' || errors.some((e) => e.field === 'token');
    return { status: STATUS[outcome.kind], headers, token: fresh ? await newToken(p) : sent, values: shown, errors, outcome: outcome.kind };
  }
}

// The report endpoint as web-standard handlers (Request -> Response), shared by every target.
import { failures, type FailureKind } from './failure-log.ts';
import { alreadySentMessage, newToken, submit, type Pipeline } from './pipeline.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
export const problem = (status: number, field: string, message: string, headers?: Record<string, string>) =>
  json(status, { errors: [{ field, message }] }, headers);

/** Reads at most `limit` bytes of the body; null when it is longer. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
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

/** GET /api/reports/token */
export async function handleTokenRequest(p: Pipeline): Promise<Response> {
  return json(200, { token: await newToken(p), minFillSeconds: p.config.minFillSeconds });
}

/** POST /api/reports with a JSON body. */
export async function handleReportPost(p: Pipeline, request: Request, clientAddress: string): Promise<Response> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return problem(415, 'body', 'Send the report as JSON with Content-Type: application/json');
  }
  const body = await readBody(request, p.config.maxBodyBytes);
  if (body === null) return problem(413, 'body', `The report must be ${p.config.maxBodyBytes} bytes or fewer`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return problem(400, 'body', 'The body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return problem(400, 'body', 'The body must be a JSON object');
  }
  const { token, website, ...input } = parsed as Record<string, unknown>;
  const outcome = await submit(p, { input, token, honeypot: website, clientAddress });
  switch (outcome.kind) {
    case 'accepted':
      return json(201, { reference: outcome.reference });
    case 'already-sent':
      return json(409, { reference: outcome.reference, errors: [{ field: 'token', message: alreadySentMessage(outcome.reference) }] });
    case 'invalid':
      return json(422, { errors: outcome.errors });
    case 'rate-limited':
      return problem(429, 'body', 'Too many reports from this connection. Try again later', { 'retry-after': String(outcome.retryAfter) });
    case 'unavailable':
      return problem(503, 'body', `Your report could not be saved. Nothing was sent. Try again in a few minutes, or call 101. (Fault code ${outcome.failure})`, { 'retry-after': '60' });
  }
}

/** 503 when the pipeline cannot open or a handler fails (no store, no key): nothing can be accepted. */
export function unavailable(kind: FailureKind, error: unknown): Response {
  const failure = failures.record(kind, error);
  return problem(503, 'body', `Reports cannot be received right now. Call 101, or 999 in an emergency. (Fault code ${failure})`, { 'retry-after': '60' });
}

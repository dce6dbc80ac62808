// What the Node server refuses before any handler sees a request: methods it does not serve, Host
// headers that are not a host, and bodies larger than any form or report. Each gets an answer at
// once. Without this, `Host: a@evil.example` and TRACE made the adapter throw where nothing answered,
// and each such request held a connection open for ever.
import type { IncomingMessage, ServerResponse } from 'node:http';

const SERVED_METHODS = new Set(['GET', 'HEAD', 'POST']);
/** A DNS name or IP address, with an optional port: nothing else is a Host. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** Why this request is refused before it is handled, or undefined to handle it. */
export function refusalFor(req: IncomingMessage, maxBodyBytes: number): Refusal | undefined {
  if (!SERVED_METHODS.has(req.method ?? '')) return { status: 405, message: 'This method is not served here.', headers: { allow: [...SERVED_METHODS].join(', ') } };
  if (!HOST.test(req.headers.host ?? '')) return { status: 400, message: 'The Host header is not a host name.' };
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge(maxBodyBytes);
  return undefined;
}

export const tooLarge = (maxBodyBytes: number): Refusal => ({ status: 413, message: `The request must be ${maxBodyBytes} bytes or fewer.` });

/**
 * Answers with a refusal. A 413 also closes the connection: the rest of the body is still arriving,
 * and would otherwise be read as the next request. The rest is read and dropped first (for at most
 * a few seconds), so the client sees the answer and an orderly close rather than a reset.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const close = refusal.status === 413;
  res.writeHead(refusal.status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
    ...refusal.headers,
  });
  res.end(refusal.message);
  if (close) drainThenClose(req);
}

function drainThenClose(req: IncomingMessage): void {
  const cutOff = setTimeout(() => req.socket.destroy(), 5000);
  cutOff.unref();
  req.once('end', () => clearTimeout(cutOff));
  req.once('close', () => clearTimeout(cutOff));
  req.resume();
}

/**
 * Reads a request body of at most `limit` bytes in Node, before any web stream exists; null when it
 * is longer (the caller refuses it with tooLarge, which drains the rest).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

// The production server answers whatever arrives on the socket: malformed request lines, targets
// and Host headers, methods it does not serve, and bodies too large to read. Each gets a status line
// within a few seconds (no connection left hanging), never a 5xx, and the server stays up.
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startServer, stopServer } from '../../scripts/lib/server.ts';

const PORT = 4392;

interface Exchange {
  /** Everything the server sent back. */
  data: string;
  /** How the connection ended: the server closed it, the client gave up waiting, or it was reset. */
  ended: 'closed' | 'timeout' | 'reset';
}

/** Writes `request` on a fresh connection and collects the answer until the server closes it or `waitMs` passes. */
function exchange(request: string | Buffer, waitMs = 5000): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1', () => socket.write(request));
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data, ended: 'timeout' });
    }, waitMs);
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data, ended: 'closed' });
    });
    socket.on('error', () => {
      clearTimeout(timer);
      resolve({ data, ended: 'reset' });
    });
  });
}
const statusLines = (data: string) => data.match(/^HTTP\/1\.1 \d{3} .*$/gm) ?? [];

test('malformed requests, odd methods and bad Host headers each get a 4xx answer, and the server stays up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'robust-'));
  const server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') });
  try {
    const requests = [
      'GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n',
      'POST /api/reports HTTP/1.1\r\nHost: a b\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
      'GET / HTTP/1.1\r\nHost: a@evil.example\r\n\r\n',
      'GET /report/ HTTP/1.1\r\nHost: a@evil.example\r\n\r\n',
      'TRACE / HTTP/1.1\r\nHost: x\r\n\r\n',
      'TRACE /api/reports HTTP/1.1\r\nHost: x\r\n\r\n',
      'DELETE /report/ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GARBAGE\r\n\r\n',
    ];
    const answers = await Promise.all(requests.map((r) => exchange(`${r.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}`)));
    answers.forEach((answer, i) => {
      expect(statusLines(answer.data)[0], requests[i]).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(answer.ended, requests[i]).toBe('closed');
    });
    // Many at once hold nothing open.
    const many = await Promise.all(Array.from({ length: 200 }, () => exchange('GET / HTTP/1.1\r\nHost: a@evil.example\r\nConnection: close\r\n\r\n')));
    expect(many.filter((a) => a.ended !== 'closed' || !/^HTTP\/1\.1 4\d\d /.test(a.data))).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);
    expect(server.exitCode).toBeNull();
  } finally {
    await stopServer(server);
  }
}, 60_000);

test('a body too large gets 413, and the connection closes cleanly instead of eating the next request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'robust-'));
  const server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') });
  try {
    for (const path of ['/api/reports', '/report/']) {
      const body = 'x'.repeat(250_000);
      const type = path === '/report/' ? 'application/x-www-form-urlencoded' : 'application/json';
      const next = 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n';
      const answer = await exchange(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n${body}${next}`);
      const lines = statusLines(answer.data);
      expect(lines[0], path).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer.data, path).toMatch(/\r\nConnection: close\r\n/i);
      // The server said it would close, and did: the client knows to send the next request again.
      expect(answer.ended, path).toBe('closed');
      expect(lines, path).toHaveLength(1);
    }
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);
  } finally {
    await stopServer(server);
  }
}, 60_000);

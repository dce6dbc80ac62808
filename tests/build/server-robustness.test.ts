// The production server keeps answering whatever arrives on the socket: malformed request lines
// and targets get a 4xx, never a crash.
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startServer } from '../support/server.ts';

const PORT = 4392;

function raw(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (c) => (data += c));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(''));
  });
}

test('malformed requests get an answer and the server stays up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'robust-'));
  const server = await startServer(PORT, { REPORT_DB_PATH: join(dir, 'r.sqlite'), REPORT_KEY_FILE: join(dir, 'k') });
  try {
    const lines = await Promise.all([
      raw('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n'),
      raw('GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n'),
      raw('POST /api/reports HTTP/1.1\r\nHost: a b\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'),
      raw('GARBAGE\r\n\r\n'),
    ]);
    for (const line of lines) expect(line).not.toMatch(/ 5\d\d /);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);
    expect(server.exitCode).toBeNull();
  } finally {
    server.kill('SIGTERM');
  }
}, 30_000);

// A reporter's words reach the team's terminal, their email and their case system. Whatever bytes
// were typed — terminal escapes (OSC 52 writes the clipboard, OSC 8 plants links), carriage returns
// that overwrite a line, C1 controls, bidirectional overrides that reorder what is shown — must
// arrive as visible marks, never as instructions.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { deliverDue } from '../../src/report/delivery.ts';
import { smtpDeliverer } from '../../src/targets/node/deliver-smtp.ts';
import { submit } from '../../src/report/pipeline.ts';
import { smtpPeer } from '../support/peers.ts';
import { CLI, tempPipeline, tokenFrom } from '../support/pipeline.ts';

const run = promisify(execFile);

const HOSTILE = {
  concern: 'Seen at the flat.\u001b]52;c;cm0gLXJmIH4=\u0007 Then\r\u001b[2Jgone. Line two\r\nstays.',
  where: '\u001b]8;;https://evil.example\u001b\\Click\u001b]8;;\u001b\\ near the \u009b31m shop',
  people: 'Name: \u202egnp.exe\u202c and \u2066isolated\u2069 \u0085next',
};
// Every byte a terminal or a bidi-aware viewer acts on, except newline and tab.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function hostileReport(env: Record<string, string> = {}) {
  const { dir, pipeline } = await tempPipeline(env);
  const outcome = await submit(pipeline, { input: HOSTILE, token: await tokenFrom(pipeline), honeypot: '', clientAddress: 'x' });
  if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
  const cliEnv = { ...process.env, ...env, REPORT_DB_PATH: join(dir, 'reports.sqlite'), REPORT_KEY_FILE: join(dir, 'report.key') };
  const cli = async (...args: string[]) => (await run(process.execPath, [CLI, ...args], { env: cliEnv })).stdout;
  return { pipeline, reference: outcome.reference, cli };
}

test('`reports -- show` prints hostile text as visible marks', async () => {
  const { reference, cli } = await hostileReport();
  const out = await cli('show', reference);
  expect(out).not.toMatch(ACTIVE);
  // What was typed is still all there to read, with each control shown by its code.
  expect(out).toContain('Seen at the flat.[U+001B]]52;c;cm0gLXJmIH4=[U+0007] Then[U+000D][U+001B][2Jgone. Line two\nstays.');
  expect(out).toContain('Name: [U+202E]gnp.exe[U+202C] and [U+2066]isolated[U+2069] [U+0085]next');
});

test('`reports -- export` escapes them in JSON, and the JSON still reads back as what was sent', async () => {
  const { cli } = await hostileReport();
  const out = await cli('export');
  expect(out).not.toMatch(ACTIVE);
  const line = JSON.parse(out.trim()) as { report: typeof HOSTILE };
  expect(line.report.where).toBe(HOSTILE.where);
  expect(line.report.people).toBe(HOSTILE.people);
});

test('the email\'s plain-text and HTML parts carry no control characters', async () => {
  const { pipeline, reference } = await hostileReport({ REPORT_DELIVERY: 'smtp' });
  const peer = await smtpPeer();
  try {
    expect(await deliverDue(pipeline.store, pipeline.keys, smtpDeliverer({ url: peer.url, from: 'site@safeguarding.example.org', to: 'team@safeguarding.example.org', allowPlainLoopback: true }), Date.now())).toEqual({ delivered: 1, failed: 0 });
    const mail = peer.messages[0]!;
    expect(mail).toContain(reference);
    // Decode the quoted-printable body the way a mail client would.
    const decoded = Buffer.from(mail.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    expect(decoded.replace(/\r\n/g, '\n')).not.toMatch(ACTIVE);
    expect(decoded).toContain('[U+001B]]52;c;');
  } finally {
    await peer.close();
  }
});

// Every refusal of a whole post, on the forms in another language, through the real server: the
// report router hands the page a code and its values (minutes, reference, addition), and the page
// says it in Welsh or Urdu. Nothing English is parsed back: a Welsh page with English in its error
// summary, or with the wrong reference in it, fails here. The limits are turned on (the browser
// tests turn them off).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, stopServer } from '../../scripts/lib/server.ts';

const PORT = 4393;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'refusals-'));
  server = await startServer(PORT, {
    REPORT_DB_PATH: join(dir, 'r.sqlite'),
    REPORT_KEY_FILE: join(dir, 'k'),
    REPORT_MIN_FILL_SECONDS: '0',
    REPORT_RATE_LIMIT: '2',
    REPORT_FOLLOW_UP_RATE_LIMIT: '3',
    REPORT_MAX_BODY_BYTES: '2048',
  });
}, 30_000);
afterAll(() => server && stopServer(server));

/** The form page's token, as a browser would get it. */
async function tokenOf(path: string): Promise<string> {
  const html = await (await fetch(`${BASE}${path}`)).text();
  return /name="token" value="([^"]+)"/.exec(html)![1]!;
}

const decode = (text: string) => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Posts the form as a browser on this site does, and returns the status and the error summary's text. */
async function post(path: string, fields: Record<string, string>) {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams(fields),
  });
  const html = await response.text();
  const summary = decode(/<ul[^>]*data-error-list[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1]?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() ?? '');
  return { status: response.status, html, summary, retryAfter: Number(response.headers.get('retry-after')) };
}

describe('the Welsh report form and its follow-up form say every refusal in Welsh', () => {
  let reference = '';
  let code = '';

  test('sent once: the confirmation; sent again with other words: "already sent", with its reference', async () => {
    const token = await tokenOf('/cy/report/');
    const first = await post('/cy/report/', { token, concern: 'Ceir yn stopio y tu allan bob nos.', language: 'cy' });
    expect(first.status).toBe(200);
    reference = /data-reference[^>]*>([A-Z0-9-]+)</.exec(first.html)![1]!;
    // The code's text, without the <wbr>s that let it break between its groups on a narrow screen.
    code = /data-follow-up-code[^>]*>(.*?)<\/p>/.exec(first.html)![1]!.replace(/<[^>]+>/g, '');
    // The confirmation sends a Welsh reader to the Welsh follow-up form.
    expect(first.html).toContain('href="/cy/report/follow-up/"');
    const again = await post('/cy/report/', { token, concern: 'Geiriau eraill.', language: 'cy' });
    expect(again.status).toBe(409);
    expect(again.summary).toContain(`Rydych eisoes wedi anfon y ffurflen hon: adroddiad ${reference} yw hi.`);
  });

  test('too many reports: how many minutes, in Welsh, and the partnership\'s number', async () => {
    const refused = await post('/cy/report/', { token: await tokenOf('/cy/report/'), concern: 'Trydydd adroddiad.', language: 'cy' });
    expect(refused.status).toBe(429);
    const minutes = Math.ceil(refused.retryAfter / 60);
    expect(refused.summary).toMatch(new RegExp(`Rydych wedi anfon sawl adroddiad yn ystod yr awr ddiwethaf\\. .* ymhen ${minutes} (munud|funud), neu ffoniwch 101`));
  });

  test('too long to send: said in Welsh, with every word kept to shorten', async () => {
    // 600 Welsh-and-Urdu characters are 3,000 bytes once encoded: over the limit, under its maxlength.
    const words = 'ŵŷ اردو '.repeat(75);
    const refused = await post('/cy/report/', { token: await tokenOf('/cy/report/'), concern: words });
    expect(refused.status).toBe(413);
    expect(refused.summary).toContain("Mae eich adroddiad yn rhy hir i'w anfon.");
    expect(decode(/<textarea id="field-concern"[^>]*>([^<]*)</.exec(refused.html)![1]!)).toBe(words);
  });

  test('adding to it: a wrong code, then the addition, then the same form again, then too many tries', async () => {
    const wrong = await post('/cy/report/follow-up/', { token: await tokenOf('/cy/report/follow-up/'), reference, followUpCode: 'AAAA-BBBB-CCCC-DDDD', details: 'Rhywbeth arall.' });
    expect(wrong.status).toBe(422);
    expect(wrong.summary).toContain("Ni allem ddod o hyd i adroddiad gyda'r cyfeirnod a'r cod dilynol hwnnw.");
    const token = await tokenOf('/cy/report/follow-up/');
    const added = await post('/cy/report/follow-up/', { token, reference, followUpCode: code, details: 'Car glas, rhif cofrestru yn dechrau AB12.' });
    expect(added.status).toBe(200);
    expect(added.html).toContain("Wedi'i ychwanegu at eich adroddiad");
    expect(added.html).toContain('Dyma ychwanegiad 1 at adroddiad');
    const again = await post('/cy/report/follow-up/', { token, reference, followUpCode: code, details: 'Geiriau eraill.' });
    expect(again.status).toBe(409);
    expect(again.summary).toContain(`ychwanegiad 1 at adroddiad ${reference} yw hi.`);
    const limited = await post('/cy/report/follow-up/', { token: await tokenOf('/cy/report/follow-up/'), reference, followUpCode: code, details: 'Eto.' });
    expect(limited.status).toBe(429);
    expect(limited.summary).toContain("Bu sawl ymgais i ychwanegu at adroddiad o'r cysylltiad hwn");
  });

  test('no English is left in what the forms say', async () => {
    const empty = await post('/cy/report/follow-up/', { token: 'not-a-token' });
    expect(empty.status).toBe(422);
    expect(empty.summary).toContain('Rhowch y cyfeirnod a roddwyd i chi');
    expect(empty.summary).toContain('Dywedwch wrthym beth rydych am ei ychwanegu');
    expect(empty.summary).not.toMatch(/\b(the|your|report|Enter)\b/);
  });
});

test('the Urdu follow-up form answers in Urdu, with codes kept left to right', async () => {
  const page = await fetch(`${BASE}/ur/report/follow-up/`);
  const html = await page.text();
  expect(html).toContain('<html lang="ur" dir="rtl"');
  expect(html).toMatch(/<input id="field-reference"[^>]*dir="ltr"/);
  const refused = await post('/ur/report/follow-up/', { token: 'not-a-token', reference: 'nope' });
  expect(refused.summary).toContain('آپ کو دیا گیا حوالہ نمبر لکھیں');
});

test('the JSON API answers the same refusals in English, without a page to render them', async () => {
  const response = await fetch(`${BASE}/api/reports/follow-ups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: 'x', reference: 'ABCD-2345', followUpCode: 'AAAA-BBBB-CCCC-DDDD', details: '' }),
  });
  expect(response.status).toBe(422);
  const body = (await response.json()) as { errors: { field: string; message: string }[] };
  expect(body.errors.find((e) => e.field === 'details')?.message).toBe('Tell us what you want to add');
});

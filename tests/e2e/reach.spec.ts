// Reach, on the Node server and in workerd (playwright.cloudflare.config.ts): short links followed
// and pages opened are counted, by source, and show on /reach/ and /reach.csv within a minute;
// prefetches, crawlers and scripts are not; no user agent, address or referrer reaches the store;
// the report form's "How did you hear" answer is counted apart from the report.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

/** What a browser sends when a person opens a page. */
const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', 'sec-fetch-user': '?1' };
const onCloudflare = () => test.info().project.name === 'cloudflare';
/** Where each target keeps its store: the Node server's SQLite file (playwright.config.ts), Miniflare's D1 files. */
const storeDir = () => (onCloudflare() ? '.wrangler/state/v3/d1' : '.tmp/e2e');
const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date());

/** This month's count of one thing in /reach.csv ("5", "<5"), or undefined. */
async function csvCount(request: APIRequestContext, key: string): Promise<string | undefined> {
  const csv = await (await request.get('/reach.csv')).text();
  const line = csv.split('\n').find((l) => l.startsWith(`${thisMonth()},`) && l.includes(`,${key},`));
  return line?.split(',').at(-1);
}

/** Every file of the store, whole, WAL and journal files included. */
function storeBytes(): Buffer {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(storeDir());
  expect(files.some((f) => /\.sqlite(-wal)?$/.test(f))).toBe(true);
  return Buffer.concat(files.map((f) => readFileSync(f)));
}

// Each waits up to a minute for counts to show, as a partnership would.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
// Counting is done by the server as it answers, so it needs no script in the page.
test.use({ javaScriptEnabled: false });

test('a poster\'s short link leads to its campaign, and is counted by source on the reach page within a minute', async ({ page, request }) => {
  for (let i = 0; i < 5; i++) {
    // Typed from a letter, in any case (a campaign that has started: before its first day a short
    // link leads nowhere, src/lib/campaign-schedule.ts).
    await page.goto(i % 2 ? '/CONTROLLING/School' : '/controlling/school');
    expect(new URL(page.url()).pathname).toBe('/campaigns/whos-controlling-your-child/');
  }
  await expect.poll(() => csvCount(request, '/controlling/school'), { timeout: 60_000, intervals: [1000] }).toBe('5');
  // Page views are written apart from arrivals, so they may land a moment later (seen under load).
  await expect.poll(async () => Number(await csvCount(request, '/campaigns/whos-controlling-your-child/')) >= 5, { timeout: 60_000, intervals: [1000] }).toBe(true);
  await page.goto('/reach/');
  const month = page.locator('details.reach-month[open]');
  await expect(month.locator('tr', { hasText: 'Letter home from schools' }).locator('td')).toHaveText('5');
  // The five arrivals opened the campaign page five times at least.
  await expect(month.locator('tr', { hasText: '/campaigns/whos-controlling-your-child/' }).locator('td')).not.toHaveText('fewer than 5');
  await expect(page.getByRole('link', { name: /download every month's counts/i })).toHaveAttribute('href', '/reach.csv');
});

test('a prefetch, a crawler and a script are not counted; a person is', async ({ page, request }) => {
  for (let i = 0; i < 4; i++) await page.goto('/controlling/poster');
  for (let i = 0; i < 5; i++) {
    const prefetch = await request.get('/controlling/poster', { headers: { ...NAVIGATION, 'sec-purpose': 'prefetch' }, maxRedirects: 0 });
    expect(prefetch.status()).toBe(302);
    const legacy = await request.get('/controlling/poster', { headers: { ...NAVIGATION, purpose: 'prefetch' }, maxRedirects: 0 });
    expect(legacy.status()).toBe(302);
    // No Sec-Fetch headers: curl, a crawler, a link preview.
    const script = await request.get('/controlling/poster', { maxRedirects: 0 });
    expect(script.status()).toBe(302);
    expect(script.headers()['cache-control']).toBe('no-store');
    expect(script.headers().location).toBe('/campaigns/whos-controlling-your-child/');
  }
  // Four people so far: any of the fifteen others counted would have made it 5 or more.
  await page.waitForTimeout(3000);
  await expect.poll(() => csvCount(request, '/controlling/poster'), { timeout: 30_000 }).toBe('<5');
  await page.goto('/CONTROLLING/POSTER/');
  await expect.poll(() => csvCount(request, '/controlling/poster'), { timeout: 60_000, intervals: [1000] }).toBe('5');
});

test('no user agent, address or referrer of a visitor reaches the store, its WAL or any other file', async ({ request }) => {
  const agent = 'ProbeBrowser/7.3 (i16-unique-agent-4f9c)';
  const address = '203.0.113.187';
  const referrer = 'https://referrer.example.net/i16-unique-referrer-77a1';
  const headers = { ...NAVIGATION, 'user-agent': agent, 'x-forwarded-for': address, 'cf-connecting-ip': address, 'x-real-ip': address, referer: referrer };
  for (let i = 0; i < 5; i++) {
    for (const path of ['/', '/parents/', '/warning-signs/', '/report/', '/reach/']) expect((await request.get(path, { headers })).status()).toBe(200);
    expect((await request.get('/seethesigns/leaflet?utm_source=i16-unique-query', { headers, maxRedirects: 0 })).status()).toBe(302);
  }
  await expect.poll(() => csvCount(request, '/seethesigns/leaflet'), { timeout: 60_000, intervals: [1000] }).toBe('5');
  const bytes = storeBytes();
  for (const value of [agent, 'i16-unique-agent', address, referrer, 'referrer.example.net', 'i16-unique-query']) {
    expect(bytes.includes(Buffer.from(value)), value).toBe(false);
    expect(bytes.includes(Buffer.from(value, 'utf16le')), value).toBe(false);
  }
  // Nor the address as four bytes.
  expect(bytes.includes(Buffer.from([203, 0, 113, 187]))).toBe(false);
});

test('the report form asks how you heard about the site, and the answer is counted apart from the report', async ({ page, request }) => {
  await page.goto('/report/');
  const question = page.getByRole('group', { name: /how did you hear about this website/i });
  await expect(question).toContainText('is not sent with your report');
  await page.getByLabel('Tell us what you have seen or heard').fill('Two older men wait outside the school gates every afternoon.');
  await question.getByLabel('Another way').check();
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
  const reference = (await page.locator('[data-reference]').first().textContent())?.trim();
  expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  if (!onCloudflare()) {
    // Sealed beside the report, padded, until its day is over: the word itself is nowhere.
    const db = new DatabaseSync('.tmp/e2e/reports.sqlite', { readOnly: true });
    const row = db.prepare('SELECT heard, counted FROM reports WHERE reference = ?').get(reference!) as { heard: Uint8Array; counted: number };
    db.close();
    expect(row.counted).toBe(0);
    expect(row.heard.length).toBe(12 + 60 + 16);
    expect(Buffer.from(row.heard).includes(Buffer.from('other'))).toBe(false);
    return;
  }
  // In workerd the cron trigger can be run on a later day's clock: four more, then the day is counted.
  for (let i = 0; i < 4; i++) {
    const { token } = await (await request.get('/api/reports/token')).json();
    await new Promise((r) => setTimeout(r, 1100));
    expect((await request.post('/api/reports', { data: { token, concern: 'A van collects teenagers from the park at night.', heard: 'other' } })).status()).toBe(201);
  }
  expect(await csvCount(request, 'other')).toBe('<5');
  const tomorrow = Date.now() + 26 * 60 * 60 * 1000;
  expect((await request.get(`/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*&time=${tomorrow}`)).status()).toBe(200);
  await expect.poll(() => csvCount(request, 'other'), { timeout: 60_000, intervals: [1000] }).toBe('5');
});

test('a year of counts keeps the reach page within the HTML budget and accessible on a phone, and every small number is hidden', async ({ page, request }) => {
  test.skip(onCloudflare(), 'the Node store is seeded directly');
  const db = new DatabaseSync('.tmp/e2e/reports.sqlite');
  db.exec('PRAGMA busy_timeout = 5000');
  const insert = db.prepare('INSERT INTO reach_counts (day, kind, subject, count) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const paths = ['/campaigns/see-the-signs/', '/campaigns/whos-controlling-your-child/', '/campaigns/just-a-bit-of-festive-fun/', '/warning-signs/', '/check/', '/parents/'];
  for (let m = 1; m <= 11; m++) {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - m);
    const day = `${d.toISOString().slice(0, 7)}-15`;
    paths.forEach((p, i) => insert.run(day, 'view', p, 1000 * m + i));
    for (const link of ['/seethesigns', '/seethesigns/poster', '/seethesigns/facebook', '/controlling/school', '/mules/taxi']) insert.run(day, 'arrival', link, m + 2);
    insert.run(day, 'report', '', m);
    insert.run(day, 'heard', 'see-the-signs', 3);
  }
  db.close();
  await expect.poll(async () => (await request.get('/reach/')).text(), { timeout: 60_000, intervals: [2000] }).toContain('11,00');
  const html = await (await request.get('/reach/')).text();
  expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(14 * 1024);
  // Twelve months, each folded in a <details> of its own.
  expect((html.match(/<details class="reach-month/g) ?? []).length).toBe(12);
  // A comms officer on a phone, by keyboard: a folded month opens from its heading, and every table passes axe.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reach/');
  // The latest month is open; the one before is folded.
  const older = page.locator('details.reach-month').nth(1);
  await expect(older).not.toHaveAttribute('open');
  await older.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(older).toHaveAttribute('open', '');
  await expect(older.getByRole('table').first()).toBeVisible();
  await expectNoAxeViolations(page, false);
  // Seeded counts of 3 and 4 appear only as "fewer than 5".
  const csv = await (await request.get('/reach.csv')).text();
  for (const line of csv.trim().split('\n').slice(1)) expect(line).toMatch(/,(<5|[5-9]|\d{2,})$/);
  expect(existsSync('.tmp/e2e/reports.sqlite')).toBe(true);
});

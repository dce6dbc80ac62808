// The Cloudflare target in local workerd: security headers on static files (from _headers) and on
// Worker responses, no cookies, and the cron trigger delivering a report and its addition to a
// webhook on loopback.
import { expect, test } from '@playwright/test';
import { expectOwnPolicy, expectSecurityHeaders } from '../support/headers.ts';
import { webhookReceiver } from '../support/peers.ts';
import { sitemapPaths } from '../support/site.ts';
import { edgeFirstPaintBytes, FIRST_ROUND_TRIP_BYTES } from '../support/wire.ts';

const SECRET = 'cloudflare-test-secret';
const PORT = 4398;

for (const path of ['/', '/parents/', '/search/', '/favicon.svg', '/pagefind/pagefind.js', '/report/', '/report/sent/', '/report/icon.svg', '/api/reports/token', '/no-such-page/']) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
    const h = response.headers();
    expectSecurityHeaders(h);
    if ((h['content-type'] ?? '').startsWith('text/html')) {
      // The page's own policy, with the hashes of its own inline blocks only (src/integrations/
      // page-csp.ts): a header from the Worker for on-demand pages, a <meta> element in
      // prerendered pages served as static files.
      const policies = `${h['content-security-policy']} ${(await response.text()).match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1] ?? ''}`;
      expect(policies).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?( 'sha256-[^']+')*(;|\s|$)/);
      expect(policies).toMatch(/style-src 'self'( 'sha256-[^']+')+(;|\s|$)/);
    }
  });
}

// Pages rendered on request by the Worker get Astro's policy for the whole site; the middleware
// keeps their own (src/lib/page-policy.ts).
for (const path of ['/report/', '/ur/report/', '/report/follow-up/']) {
  test(`${path}, rendered on request, names only its own inline blocks in its policy`, async ({ request }) => {
    const response = await request.get(path);
    await expectOwnPolicy(response.headers()['content-security-policy']!, await response.text(), path);
  });
}

test('the cron trigger delivers a stored report and then its addition to the webhook, signed, once each', async ({ request }) => {
  const peer = await webhookReceiver(SECRET, PORT);
  const token = async () => (await (await request.get('/api/reports/token')).json()).token as string;
  try {
    const reportToken = await token();
    await new Promise((r) => setTimeout(r, 1100));
    const created = await request.post('/api/reports', { data: { token: reportToken, concern: 'Delivered from the Worker by cron.' } });
    expect(created.status()).toBe(201);
    const { reference, followUpCode } = await created.json();
    const additionToken = await token();
    await new Promise((r) => setTimeout(r, 1100));
    const added = await request.post('/api/reports/follow-ups', { data: { token: additionToken, reference, followUpCode, details: 'Added in the Worker too.' } });
    expect(await added.json()).toEqual({ reference, addition: 1 });
    // The same answer for a wrong code as for a reference that does not exist, here as on Node.
    const wrongToken = await token();
    await new Promise((r) => setTimeout(r, 1100));
    const wrong = await request.post('/api/reports/follow-ups', { data: { token: wrongToken, reference, followUpCode: 'AAAA-BBBB-CCCC-DDDD', details: 'x' } });
    expect(wrong.status()).toBe(422);

    const scheduled = await request.get('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*');
    expect(scheduled.status()).toBe(200);
    await expect.poll(() => peer.received.has(`${reference}/1`), { timeout: 10_000 }).toBe(true);
    expect((peer.received.get(reference) as { report: { concern: string } }).report.concern).toBe('Delivered from the Worker by cron.');
    expect(peer.received.get(`${reference}/1`)).toMatchObject({ reference, addition: 1, details: 'Added in the Worker too.' });
    // The report went first, and a second run finds nothing due: nothing is sent twice.
    expect(peer.arrivals).toEqual([reference, `${reference}/1`]);
    await request.get('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*');
    await new Promise((r) => setTimeout(r, 500));
    expect(peer.requests).toBe(2);
  } finally {
    await peer.close();
  }
});

// The first paint in one round trip from Cloudflare too (see tests/e2e/first-round-trip.spec.ts).
// Local workerd does not compress as the edge does, so the test compresses what it receives.
for (const path of sitemapPaths()) {
  test(`${path} paints after one round trip from the edge`, async ({ baseURL }) => {
    const bytes = await edgeFirstPaintBytes(baseURL!, path);
    expect(bytes.total, `${path}: ${bytes.html} B + ${bytes.blockingUrls.join(', ') || 'nothing else'}`).toBeLessThanOrEqual(FIRST_ROUND_TRIP_BYTES);
  });
}

test('static files carry the same caching as on Node', async ({ request }) => {
  expect((await request.get('/parents/')).headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  const js = (await (await request.get('/help/')).text()).match(/\/_astro\/[^"']+\.js/)?.[0];
  expect(js, 'the finder loads a bundle').toBeTruthy();
  expect((await request.get(js!)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get('/report/')).headers()['cache-control']).toBe('no-store');
});

// The Cloudflare target in local workerd: security headers on static files (from _headers) and on
// Worker responses, no cookies, and the cron trigger delivering a report to a webhook on loopback.
import { expect, test } from '@playwright/test';
import { expectSecurityHeaders } from '../support/headers.ts';
import { webhookReceiver } from '../support/peers.ts';

const SECRET = 'cloudflare-test-secret';
const PORT = 4398;

for (const path of ['/', '/parents/', '/search/', '/favicon.svg', '/pagefind/pagefind.js', '/report/', '/report/sent/', '/report/icon.svg', '/api/reports/token', '/no-such-page/']) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
    const h = response.headers();
    expectSecurityHeaders(h);
    if ((h['content-type'] ?? '').startsWith('text/html')) {
      // The page's own policy, with the hashes of its scripts: a header from the Worker for
      // on-demand pages, a <meta> element in prerendered pages served as static files.
      const policies = `${h['content-security-policy']} ${(await response.text()).match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1] ?? ''}`;
      expect(policies).toMatch(/script-src 'self'[^;]*'sha256-/);
    }
  });
}

test('the cron trigger delivers a stored report to the webhook, signed, once', async ({ request }) => {
  const peer = await webhookReceiver(SECRET, PORT);
  try {
    const { token } = await (await request.get('/api/reports/token')).json();
    await new Promise((r) => setTimeout(r, 1100));
    const created = await request.post('/api/reports', { data: { token, concern: 'Delivered from the Worker by cron.' } });
    expect(created.status()).toBe(201);
    const { reference } = await created.json();

    const scheduled = await request.get('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*');
    expect(scheduled.status()).toBe(200);
    await expect.poll(() => peer.received.has(reference), { timeout: 10_000 }).toBe(true);
    expect((peer.received.get(reference) as { report: { concern: string } }).report.concern).toBe('Delivered from the Worker by cron.');

    // A second run finds nothing due: the report is not sent twice.
    await request.get('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*');
    await new Promise((r) => setTimeout(r, 500));
    expect(peer.requests).toBe(1);
  } finally {
    await peer.close();
  }
});

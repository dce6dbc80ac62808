// The Cloudflare target in local workerd: security headers on static files (from _headers) and on
// Worker responses, no cookies, and the cron trigger delivering a report and its addition to a
// webhook on loopback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectOwnPolicy, expectSecurityHeaders } from '../support/headers.ts';
import { webhookReceiver } from '../support/peers.ts';
import { CLIENT_ID, CLIENT_SECRET, FAKE_GITHUB_PORT, githubFake } from '../support/github-fake.ts';
import { builtSchedule, CLOUDFLARE_SITE_DATE, homeCampaigns, homePaths, linksOf, PREVIEW_KEY, statuses } from '../support/campaigns.ts';
import { sitemapPaths } from '../support/site.ts';
import { edgeFirstPaintBytes, FIRST_ROUND_TRIP_BYTES } from '../support/wire.ts';

const SECRET = 'cloudflare-test-secret';
const PORT = 4398;

for (const path of ['/', '/parents/', '/search/', '/favicon.png', '/pagefind/pagefind.js', '/report/', '/report/sent/', '/report/icon.png', '/api/reports/token', '/no-such-page/']) {
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
for (const path of ['/report/', '/ur/report/', '/report/follow-up/', '/', '/ur/', '/campaigns/']) {
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

test('the Worker signs an editor in with GitHub: redirect, code exchange, token to the editor window', async ({ request }) => {
  const github = await githubFake(FAKE_GITHUB_PORT);
  try {
    const start = await request.get('/api/cms/auth?provider=github&scope=repo', { maxRedirects: 0 });
    expect(start.status()).toBe(302);
    expect(start.headers()['cross-origin-opener-policy']).toBe('unsafe-none');
    const authorize = new URL(start.headers().location!);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    authorize.searchParams.set('decision', 'approve');
    const approved = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(approved.headers.get('location')!);
    const callback = await request.get(`${back.pathname}${back.search}`);
    expect(callback.status()).toBe(200);
    const html = await callback.text();
    const token = /authorization:github:success:\{\\"token\\":\\"(gho_[0-9a-f]+)/.exec(html)?.[1];
    expect(token && github.tokens.has(token)).toBe(true);
    expect(github.exchanges.at(-1)).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    // A replayed callback is refused (the code is spent).
    expect((await request.get(`${back.pathname}${back.search}`)).status()).toBe(502);
  } finally {
    await github.close();
  }
});

test('the content editor is served from the site itself, and may open its sign-in window', async ({ request }) => {
  const admin = await request.get('/admin/');
  expect(admin.status()).toBe(200);
  expect(admin.headers()['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
  expect([...(await admin.text()).matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual(['/admin/cms.js', '/admin/decap-cms.js']);
  expect((await request.get('/admin/decap-cms.js')).status()).toBe(200);
});

test('the Worker applies campaign dates per request: pages, short links and the sitemap', async ({ request }) => {
  const schedule = builtSchedule();
  const status = statuses(schedule, CLOUDFLARE_SITE_DATE);
  const sitemap = await (await request.get('/sitemap-campaigns.xml')).text();
  const list = await (await request.get('/campaigns/')).text();
  for (const [id, s] of Object.entries(status)) {
    const page = await request.get(`/campaigns/${id}/`);
    const links = linksOf(schedule, id);
    if (s === 'upcoming') {
      expect(page.status(), id).toBe(404);
      expect(await page.text()).toContain('Page not found');
      expect((await request.get(`/campaigns/${id}/?preview=${PREVIEW_KEY}`)).status()).toBe(200);
      for (const link of links) expect((await request.get(link.toUpperCase(), { maxRedirects: 0 })).status()).toBe(404);
      expect(sitemap).not.toContain(`/campaigns/${id}/`);
      expect(list).not.toContain(`/campaigns/${id}/`);
    } else {
      expect(page.status(), id).toBe(200);
      for (const link of links) expect((await request.get(link.toUpperCase(), { maxRedirects: 0 })).headers().location).toBe(`/campaigns/${id}/`);
      expect(sitemap).toContain(`/campaigns/${id}/`);
      expect(list).toContain(`/campaigns/${id}/`);
    }
  }
  expect(Object.values(status)).toContain('upcoming');
});

test('the Worker renders the home page on each request in every language: it lists the campaigns running on the day', async ({ request }) => {
  // SITE_DATE is not the day of the build (scripts/cloudflare-test-setup.ts), and no home page is a
  // built file that could outlive a campaign's last day.
  const status = statuses(builtSchedule(), CLOUDFLARE_SITE_DATE);
  const running = Object.keys(status).filter((id) => status[id] === 'current').sort();
  expect(running.length).toBeGreaterThan(0);
  expect(homePaths().length).toBeGreaterThan(1);
  for (const home of homePaths()) {
    expect(existsSync(join('dist/client', home, 'index.html')), home).toBe(false);
    const page = await request.get(home);
    expect(page.headers()['cache-control'], home).toBe('public, max-age=300, must-revalidate');
    expect(homeCampaigns(await page.text()).sort(), home).toEqual(running);
  }
});

// Built pages are served before the home page's route, which would answer any path.
test('every page in the sitemap answers with itself', async ({ request }) => {
  for (const path of sitemapPaths()) {
    const page = await request.get(path);
    expect(page.status(), path).toBe(200);
    // Its own page, not the home page's 404: the canonical address is its own.
    const canonical = (await page.text()).match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical && new URL(canonical).pathname, path).toBe(path);
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

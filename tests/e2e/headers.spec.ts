// The security headers on every kind of response the production server gives: pages, static
// assets, the 404, an on-demand route and a redirect.
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectOwnPolicy, expectSecurityHeaders } from '../support/headers.ts';
import { sitemapPaths } from '../support/site.ts';

// Stylesheets are inlined in every page (issue 13), so the static asset checked is a script.
const asset = readdirSync('dist/client/_astro').find((f) => f.endsWith('.js'))!;
const others = ['/favicon.png', `/_astro/${asset}`, '/robots.txt', '/sitemap-index.xml', '/pagefind/pagefind.js', '/api/health', '/api/reports/token', '/no-such-page/', '/report/sent/', '/report/icon.png'];

for (const path of [...sitemapPaths(), ...others]) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
    const h = response.headers();
    expectSecurityHeaders(h);
    const csp = h['content-security-policy'] ?? '';
    expect(h['strict-transport-security']).toBeUndefined();
    if ((h['content-type'] ?? '').startsWith('text/html')) {
      // Pages get Astro's hashed policy: scripts only from this site or by exact hash (a page with
      // no inline script has no hash: src/integrations/page-csp.ts).
      expect(csp).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?( 'sha256-[^']+')*;/);
    }
  });
}

test('each page gets its own policy, not another page\'s', async ({ request }) => {
  const search = (await request.get('/search/')).headers()['content-security-policy'];
  const home = (await request.get('/')).headers()['content-security-policy'];
  expect(search).toContain("'wasm-unsafe-eval'");
  expect(home).not.toContain("'wasm-unsafe-eval'");
});

// Pages rendered on request get Astro's policy for the whole site; the middleware keeps their own.
for (const path of ['/report/', '/ur/report/', '/report/follow-up/', '/', '/ur/', '/campaigns/']) {
  test(`${path}, rendered on request, names only its own inline blocks in its policy`, async ({ request }) => {
    const response = await request.get(path);
    await expectOwnPolicy(response.headers()['content-security-policy']!, await response.text(), path);
  });
}

test('Strict-Transport-Security is sent when the request came over HTTPS', async ({ request }) => {
  const response = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(response.headers()['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
});

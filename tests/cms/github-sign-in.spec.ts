// An editor signs in with GitHub on the published site: the editor opens the kit's own
// /api/cms/auth in a window, "GitHub" (a loopback server speaking its OAuth protocol) asks them to
// approve, the kit's server exchanges the code, and the token reaches the editor, which signs in.
import { expect, test } from '@playwright/test';
import { FAKE_GITHUB_PORT, githubFake } from '../support/github-fake.ts';
import { LOCAL_BACKEND_PORT } from '../../src/cms/shared.ts';

let github: Awaited<ReturnType<typeof githubFake>>;
test.beforeAll(async () => {
  github = await githubFake(FAKE_GITHUB_PORT);
});
test.afterAll(() => github.close());

test('Login with GitHub: approve on GitHub, and the editor is signed in with the token the server got', async ({ page, context }) => {
  // As on the live site: no local editing server, so the editor uses its GitHub backend…
  await context.route(`http://127.0.0.1:${LOCAL_BACKEND_PORT}/**`, (route) => route.abort());
  // …whose API host, api.github.com, is the loopback server here. Nothing else leaves loopback.
  const hosts = new Set<string>();
  context.on('request', (request) => hosts.add(new URL(request.url()).host));
  await context.route('https://api.github.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'accept', 'content-type', 'origin', 'access-control-request-headers']) {
      const value = request.headers()[name];
      if (value) headers[name] = value;
    }
    const response = await fetch(`${github.url}${url.pathname}${url.search}`, { method: request.method(), headers, ...(request.postDataBuffer() ? { body: new Uint8Array(request.postDataBuffer()!) } : {}) });
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });

  await page.goto('/admin/');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Login with GitHub' }).click();
  const popup = await popupOpened;
  // The editor closes the window itself once the token has reached it.
  const closed = popup.waitForEvent('close');
  await popup.getByRole('link', { name: 'Authorize' }).click();
  await closed;

  await expect(page.getByRole('link', { name: /Campaigns/ }).first()).toBeVisible({ timeout: 30_000 });
  const user = await page.evaluate(() => JSON.parse(localStorage.getItem('decap-cms-user') ?? '{}') as { token?: string; backendName?: string });
  expect(user.backendName).toBe('github');
  expect(github.tokens.has(user.token!)).toBe(true);
  expect([...hosts].filter((h) => !/^127\.0\.0\.1(:\d+)?$/.test(h) && h !== 'api.github.com')).toEqual([]);
});

test('the editor page has its own policy; the site’s pages keep theirs', async ({ request }) => {
  const admin = await request.get('/admin/');
  expect(admin.headers()['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(await admin.text())![1]!;
  expect(meta).toContain("script-src 'self' 'unsafe-eval'");
  expect(meta).toMatch(/connect-src [^;]*https:\/\/api\.github\.com/);
  const home = await request.get('/');
  expect(home.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(`${home.headers()['content-security-policy']} ${await home.text()}`).not.toContain('unsafe-eval');
  const auth = await request.get('/api/cms/auth?provider=github', { maxRedirects: 0 });
  expect(auth.status()).toBe(302);
  expect(auth.headers()['cross-origin-opener-policy']).toBe('unsafe-none');
});

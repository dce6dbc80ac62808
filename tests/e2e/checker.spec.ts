// The private signs checker: advice follows what is ticked, nothing is stored or sent, and
// without JavaScript every sign and every next step is on the page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { WCAG22AA } from '../support/site.ts';
import { SIGN_CATEGORIES } from '../../src/schemas/sign.ts';

test('ticking a sign shows its next step, and nothing leaves the page or is stored', async ({ page }) => {
  const requests: string[] = [];
  await page.goto('/check/');
  await page.waitForLoadState('networkidle');
  // The page's script (and the modules it imports) loads after the first paint: under load that can
  // come after the network has been idle a while. Its boxes show once it runs.
  await expect(page.locator('[data-checker-only]').first()).toBeVisible();
  // From here nothing may be fetched. Chromium asks for the tab's icon whenever it likes, even after
  // the network is idle; that is the browser, not the page, so it is the one request not counted.
  page.on('request', (r) => {
    if (new URL(r.url()).pathname !== '/favicon.png') requests.push(r.url());
  });
  const missingStep = page.locator('[data-step="missing"]');
  await expect(missingStep).toBeHidden();
  await page.getByLabel('Going missing, staying out late', { exact: false }).check();
  await expect(missingStep).toBeVisible();
  await expect(page.locator('[data-checker-status]')).toContainText('Advice for what you ticked');
  await page.getByLabel("I'm worried about myself").check();
  await expect(page.locator('[data-audience="young-person"]')).toBeVisible();
  await expect(page.locator('[data-audience="parent"]')).toBeHidden();
  expect(requests).toEqual([]);
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
  expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
  const axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every sign is listed with its next step', async ({ page }) => {
    await page.goto('/check/');
    await expect(page.getByText('Do not knock or challenge anyone.', { exact: false }).first()).toBeVisible();
    // One next step for each group of signs.
    await expect(page.locator('[data-step-inline]')).toHaveCount(Object.keys(SIGN_CATEGORIES).length);
    await expect(page.locator('[data-audience="parent"]')).toBeVisible();
  });
});

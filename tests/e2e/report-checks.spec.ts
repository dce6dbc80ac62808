// The report form's checks (the schema it shares with the server, most of its JavaScript) load
// when someone starts on the form, not with the page, so a slow phone is not busy at load.
import { expect, test } from '@playwright/test';

test('the checks load on first use, and still stop a form sent at once', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/report/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => s.includes('report-form-checks'))).toEqual([]);

  // Sent before anything was typed: the checks arrive, and the errors are shown in the page.
  await page.getByRole('button', { name: /send/i }).click();
  await expect(page.locator('[data-error-summary]')).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  expect(scripts.some((s) => s.includes('report-form-checks'))).toBe(true);
  expect(new URL(page.url()).pathname).toBe('/report/');
});

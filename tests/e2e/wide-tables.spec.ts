// A table wider than a phone scrolls in its own region, not the page (WCAG 1.4.10): the region is
// named by the table's caption and can be scrolled from the keyboard.
import { expect, test } from '@playwright/test';
import { PHONE } from '../support/phone.ts';

test.use(PHONE);

test('the Easy Read picture credits fit a phone: the table scrolls in a named region the keyboard reaches', async ({ page }) => {
  await page.goto('/easy-read/pictures/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
  const region = page.getByRole('region', { name: 'Every picture, what it shows and who drew it' });
  await expect(region).toBeVisible();
  // Every column is still there, reached by scrolling the region.
  await expect(region.getByRole('columnheader')).toHaveText(['Picture', 'What it shows', 'Drawn by', 'OpenMoji code']);
  // On a phone the table is wider than the region, which scrolls from the keyboard once focused.
  expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
});

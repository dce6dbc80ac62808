// A page prints as a clean leaflet, and the report form can be completed by keyboard alone.
import { expect, test } from '@playwright/test';

test('printing leaves out navigation, search and Exit this page, and shows link addresses', async ({ page }) => {
  await page.goto('/parents/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('exit-this-page')).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('printed links to other sites show their address', async ({ page }) => {
  await page.goto('/law/modern-slavery-act-2015/');
  await page.emulateMedia({ media: 'print' });
  const after = await page.locator('main a[href^="https://www.legislation.gov.uk"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('https://www.legislation.gov.uk/ukpga/2015/30');
});

test('the report form can be filled and sent by keyboard alone', async ({ page }) => {
  await page.goto('/report/');
  // Send straight away: the error summary takes focus and its link leads to the field.
  await page.getByRole('button', { name: 'Send report' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Tell us what you are worried about');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tell us what you have seen or heard')).toBeFocused();
  await page.keyboard.type('A man collects a teenager from the park every evening at 9pm.');
  await page.waitForTimeout(1100);
  // Tab on to the button, through every field, without a trap.
  for (let i = 0; i < 40 && !(await page.getByRole('button', { name: 'Send report' }).evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(page.getByRole('button', { name: 'Send report' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
});

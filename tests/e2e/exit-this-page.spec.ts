// "Exit this page": by the button, by Shift three times, by the first Tab stop, and without
// JavaScript. The neutral site is answered by the test itself, so no request leaves the machine.
import { expect, test, type Page } from '@playwright/test';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const { exitUrl } = loadPartnership('content/partnership.yaml');

async function stubExitSite(page: Page) {
  await page.context().route(`${new URL(exitUrl).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
}

test.describe('with JavaScript', () => {
  test.beforeEach(async ({ page }) => stubExitSite(page));

  test('the button leaves, and Back does not return to the page', async ({ page }) => {
    await page.goto('/');
    await page.goto('/young-people/');
    await page.getByRole('link', { name: 'Emergency: Exit this page' }).click();
    await expect(page).toHaveURL(exitUrl);
    await page.goBack();
    // The page that was left has gone from history: Back lands on the one before it.
    await expect(page).toHaveURL(/\/$/);
  });

  test('Shift pressed three times leaves, and each press is announced', async ({ page }) => {
    await page.goto('/parents/');
    const status = page.locator('[data-exit-status]');
    await page.keyboard.press('Shift');
    await expect(status).toHaveText('Shift, press 2 more times to exit.');
    await page.keyboard.press('Shift');
    await expect(status).toHaveText('Shift, press 1 more time to exit.');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(exitUrl);
  });

  test('Shift while typing in a field does not leave', async ({ page }) => {
    await page.goto('/parents/');
    await page.getByRole('searchbox', { name: 'Search this site' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift');
    await page.keyboard.type('Help Me');
    await expect(page).toHaveURL(/\/parents\/$/);
  });

  test('capital letters typed outside a field do not count as presses', async ({ page }) => {
    await page.goto('/parents/');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(/\/parents\/$/);
    await expect(page.locator('[data-exit-status]')).toHaveText('Shift, press 1 more time to exit.');
  });

  test('the first Tab stop is Exit this page, the second skips to the content', async ({ page }) => {
    await page.goto('/community/');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText('Exit this page');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText('Skip to main content');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(exitUrl);
  });

  test('the links send no referrer and ask search engines not to follow', async ({ page }) => {
    await page.goto('/');
    const links = await page.locator('a[data-exit-link]').all();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      await expect(link).toHaveAttribute('rel', 'nofollow noreferrer');
      await expect(link).toHaveAttribute('href', exitUrl);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(async ({ page }) => stubExitSite(page));

  test('the button is a plain link that still leaves', async ({ page }) => {
    await page.goto('/young-people/');
    await page.getByRole('link', { name: 'Emergency: Exit this page' }).click();
    await expect(page).toHaveURL(exitUrl);
  });
});

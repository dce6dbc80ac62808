// Back and reload with Chromium's back-forward cache off, as Playwright starts it: here the browser
// restores form fields itself when a page is loaded again. The tests are in ../support/back-and-reload.ts.
import { expect, test } from '@playwright/test';
import { RECEIPT_MAX_AGE_MS } from '../../src/report/receipt.ts';
import { backAndReloadTests } from '../support/back-and-reload.ts';

backAndReloadTests(false);

const REFERENCE = /[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}/;

test('a confirmation address that is old, altered or made up shows no reference', async ({ page }) => {
  for (const address of ['/report/sent/', '/report/sent/?receipt=not-a-receipt']) {
    const response = await page.goto(address);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page has expired');
    await expect(page.locator('[data-reference]')).toHaveCount(0);
    expect(await page.content()).not.toMatch(REFERENCE);
  }
});

test('/cover-your-tracks/ says what these tests and exit-this-page.spec.ts observe', async ({ page }) => {
  await page.goto('/cover-your-tracks/');
  const main = page.getByRole('main');
  // Exit with JavaScript: the page left is replaced in history, so Back shows the one before it.
  await expect(main).toContainText('Pressing Back after Exit shows the page of this site you were on before it');
  // Exit without JavaScript: an ordinary link, so Back shows the page left.
  await expect(main).toContainText('If JavaScript is switched off in your browser, the button is an ordinary link and pressing Shift does nothing. Pressing Back after Exit then shows the page you left.');
  await expect(main).toContainText('are cleared when you leave the page, so pressing Back shows them empty');
  // The finder's filters are kept for Back, only in the tab's history entry (back-and-reload.ts).
  await expect(main).toContainText('are still there when you go back to that page');
  await expect(main).toContainText('They are never put in the page’s address, so your history list does not show them.');
  await expect(main).toContainText('After you send a report, pressing Back shows an empty form. Reloading the confirmation page does not send your report again.');
  await expect(main).toContainText(`The confirmation shows your reference and follow-up code for ${RECEIPT_MAX_AGE_MS / 60_000} minutes after you send it`);
  // After a problem and then sending, without JavaScript: Chromium's resubmission page.
  await expect(main).toContainText('pressing Back shows a page from your browser asking whether to send the form again');
});

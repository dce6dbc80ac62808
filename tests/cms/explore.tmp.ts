import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '/work/wt/i15/tests/support/chromium.ts';
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 500)); });
page.on('response', (r) => { if (r.status() === 404) console.log('404', r.url()); });
page.on('pageerror', (e) => console.log('pageerror', e.message, e.stack?.slice(0, 500)));
await page.goto('http://127.0.0.1:4341/admin/');
await page.getByRole('button', { name: /login/i }).click();
await page.waitForTimeout(3000);
for (const e of ['settings/entries/partnership', 'settings/entries/bank-holidays', 'settings/entries/metrics', 'signs/entries/checker-audiences']) {
  await page.goto('http://127.0.0.1:4341/admin/#/collections/settings');
  await page.waitForTimeout(2000);
  await page.goto('http://127.0.0.1:4341/admin/#/collections/' + e);
  await page.waitForTimeout(6000);
  console.log(e, (await page.locator('label').allTextContents()).slice(0, 5));
}
await browser.close();

// The service finder, with JavaScript on (filters in place, open now in UK time) and off (links to
// pre-built lists; nothing hidden).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readMdx } from '../../scripts/lib/content.ts';
import { findService, NO_WEEKDAY_SERVICE, weekdayService } from '../support/content.ts';
import { heldScriptsRun } from '../support/held-scripts.ts';
import { WCAG22AA } from '../support/site.ts';

// Services picked by what they are, from the content, not by the demo's names.
const notForYoungPeople = findService((s) => !(s.audiences as string[]).includes('young-person'));
const local = weekdayService();

// A UK device; open-now from other zones is in open-now.spec.ts.
test.use({ timezoneId: 'Europe/London' });

const cards = (page: import('@playwright/test').Page) => page.locator('[data-service-list] > li:visible');

test('filters narrow the list as they change, and say how many are shown', async ({ page }) => {
  await page.goto('/help/');
  const total = await page.locator('[data-service]').count();
  await expect(page.locator('[data-finder-status]')).toHaveText(`Showing all ${total} services.`);
  await page.getByLabel('Who are you?').selectOption('young-person');
  await expect(page.locator('[data-finder-status]')).toHaveText(/^Showing \d+ of \d+ services\.$/);
  const forYoungPeople = await cards(page).count();
  expect(forYoungPeople).toBeLessThan(total);
  await expect(cards(page).filter({ hasText: 'Childline' })).toHaveCount(1);
  if (notForYoungPeople) await expect(page.locator(`[data-service="${notForYoungPeople.id}"]`)).toBeHidden();
  await page.getByLabel('What do you need help with?').selectOption('drugs');
  await expect(cards(page).filter({ hasText: 'FRANK' })).toHaveCount(1);
  // Each open group's count says how many of its services are shown now.
  for (const group of await page.locator('[data-help-group]:visible').all()) {
    await expect(group.locator('[data-group-count]')).toHaveText(`(${await group.locator('[data-service-list] > li:visible').count()})`);
  }
  await expect(cards(page).filter({ hasText: 'Childline' })).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('"open now" uses UK time: at 3am on a Sunday only 24-hour lines and websites are shown', async ({ page }) => {
  // 03:00 UTC on Sunday 6 December 2026 is 03:00 in London.
  await page.clock.setFixedTime(new Date('2026-12-06T03:00:00Z'));
  await page.goto('/help/');
  await page.getByLabel('Only show services I can reach now').check();
  await expect(cards(page).filter({ hasText: 'Childline' })).toHaveCount(1);
  await expect(cards(page).filter({ hasText: 'Samaritans' })).toHaveCount(1);
  await expect(cards(page).filter({ hasText: 'NSPCC Helpline' })).toHaveCount(0);
  if (local) await expect(page.locator(`[data-service="${local.id}"]`)).toBeHidden();
  await expect(page.locator('[data-service]').filter({ hasText: 'NSPCC Helpline' }).locator('[data-open-status]')).toHaveText('Closed now · opens 9am today');
});

test('"open now" at 11am on a weekday in summer includes weekday lines', async ({ page }) => {
  test.skip(!local, NO_WEEKDAY_SERVICE);
  // 10:00 UTC on Wednesday 1 July 2026 is 11:00 BST.
  await page.clock.setFixedTime(new Date('2026-07-01T10:00:00Z'));
  await page.goto('/help/');
  await page.getByLabel('Only show services I can reach now').check();
  await expect(cards(page).filter({ hasText: 'NSPCC Helpline' })).toHaveCount(1);
  await expect(page.locator(`[data-service="${local!.id}"]`)).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  // The review of 21:30 saw 60 px between the two selects, stacked on a phone.
  test('the finder\'s two selects stack with a field\'s usual space between them', async ({ page }) => {
    await page.goto('/help/');
    // The selects are the finder script's, shown once it has run (after the first paint): measured
    // at once, a busy machine found them not there yet (boundingBox() null, a run of 23 Nov 05:47).
    await heldScriptsRun(page);
    const who = await page.getByLabel('Who are you?').boundingBox();
    const need = await page.locator('label[for="finder-need"]').boundingBox();
    expect(need!.y - (who!.y + who!.height), 'px between the first select and the second question').toBeLessThanOrEqual(32);
  });
  for (const javaScriptEnabled of [true, false]) {
    test(`/help/ shows its groups, not a wall of cards (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled, timezoneId: 'Europe/London' });
      const page = await context.newPage();
      await page.goto('/help/');
      const groups = page.locator('[data-help-group]');
      expect(await groups.count()).toBeGreaterThanOrEqual(4);
      // Every group's heading is on the page; only the first group's cards are open.
      for (const summary of await groups.locator('summary').all()) await expect(summary).toBeVisible();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, 'page height in px at 390 wide').toBeLessThan(6000);
      // A group opens with a tap, and its services are there, with or without JavaScript.
      await page.getByText('Tell someone about a crime').click();
      await expect(page.locator('#report [data-service]').filter({ hasText: 'Crimestoppers' })).toBeVisible();
      await context.close();
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every service is listed, and the filters are links to pre-built lists', async ({ page }) => {
    await page.goto('/help/');
    await expect(page.locator('[data-finder]')).toBeHidden();
    const total = await page.locator('[data-service]').count();
    // Every service in content/services/ is on the page.
    expect(total).toBe(readMdx('services').length);
    await page.getByRole('link', { name: 'Young people' }).last().click();
    await expect(page).toHaveURL(/\/help\/for\/young-person\/$/);
    await expect(page.getByRole('heading', { name: 'Childline' })).toBeVisible();
    if (notForYoungPeople) await expect(page.getByRole('heading', { name: notForYoungPeople.name })).toHaveCount(0);
  });
});

test('a service page has tappable numbers, an hours table and structured data', async ({ page }) => {
  await page.goto('/help/nspcc-helpline/');
  await expect(page.getByRole('link', { name: '0808 800 5000' }).first()).toHaveAttribute('href', 'tel:08088005000');
  const table = page.getByRole('table', { name: 'Call 0808 800 5000' });
  await expect(table.getByRole('row', { name: /Saturday/ })).toContainText('9am to 6pm');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ '@type': 'Service', name: 'NSPCC Helpline' });
  expect(ld.availableChannel[0].servicePhone.telephone).toBe('0808 800 5000');
});

// The service finder, with JavaScript on (filters in place, open now in UK time) and off (links to
// pre-built lists; nothing hidden).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { WCAG22AA } from '../support/site.ts';

// A UK device; open-now from other zones is in open-now.spec.ts.
test.use({ timezoneId: 'Europe/London' });

const cards = (page: import('@playwright/test').Page) => page.locator('[data-service-list] > li:visible');

test('filters narrow the list as they change, and say how many are shown', async ({ page }) => {
  await page.goto('/help/');
  const total = await page.locator('[data-service]').count();
  await expect(cards(page)).toHaveCount(total);
  await page.getByLabel('Who are you?').selectOption('young-person');
  await expect(page.locator('[data-finder-status]')).toHaveText(/^Showing \d+ of \d+ services\.$/);
  const forYoungPeople = await cards(page).count();
  expect(forYoungPeople).toBeLessThan(total);
  await expect(cards(page).filter({ hasText: 'Childline' })).toHaveCount(1);
  await expect(cards(page).filter({ hasText: 'Anytown Housing Safety Team' })).toHaveCount(0);
  await page.getByLabel('What do you need help with?').selectOption('drugs');
  await expect(cards(page).filter({ hasText: 'FRANK' })).toHaveCount(1);
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
  await expect(cards(page).filter({ hasText: 'Anytown Youth Service' })).toHaveCount(0);
  await expect(page.locator('[data-service]').filter({ hasText: 'NSPCC Helpline' }).locator('[data-open-status]')).toHaveText('Closed now · opens 9am today');
});

test('"open now" at 11am on a weekday in summer includes weekday lines', async ({ page }) => {
  // 10:00 UTC on Wednesday 1 July 2026 is 11:00 BST.
  await page.clock.setFixedTime(new Date('2026-07-01T10:00:00Z'));
  await page.goto('/help/');
  await page.getByLabel('Only show services I can reach now').check();
  await expect(cards(page).filter({ hasText: 'NSPCC Helpline' })).toHaveCount(1);
  await expect(cards(page).filter({ hasText: 'Anytown Youth Service' })).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every service is listed, and the filters are links to pre-built lists', async ({ page }) => {
    await page.goto('/help/');
    await expect(page.locator('[data-finder]')).toBeHidden();
    const total = await page.locator('[data-service]').count();
    expect(total).toBeGreaterThanOrEqual(20);
    await page.getByRole('link', { name: 'Young people' }).last().click();
    await expect(page).toHaveURL(/\/help\/for\/young-person\/$/);
    await expect(page.getByRole('heading', { name: 'Childline' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Anytown Housing Safety Team (demo)' })).toHaveCount(0);
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

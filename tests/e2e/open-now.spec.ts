// "Open now" in the browser, on a phone, from devices set to several time zones, at fixed moments
// around both clock changes: always UK time. Websites count as reachable at any hour; a closed
// line says when it opens; every page that lists services shows it; without JavaScript the page
// says it cannot know the time and shows the hours instead.
import { expect, test, type Page } from '@playwright/test';
import { NO_WEEKDAY_SERVICE, weekdayService } from '../support/content.ts';

// A local 9-to-5 service, whichever the content has (the demo's is Early Help).
const local = weekdayService() ?? { id: '', name: '' };

// Dublin's clock reads the same as London's all year: no "UK time" reminder there either.
const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London', 'Europe/Dublin'] as const;
const keepsUkTime = (zone: string) => zone === 'Europe/London' || zone === 'Europe/Dublin';
const statusOf = (page: Page, id: string) => page.locator(`[data-service="${id}"] [data-open-status]`);
const visibleCards = (page: Page) => page.locator('[data-service-list] > li:visible');
/** What a device outside the UK is told after each time. */
const uk = (zone: string) => (keepsUkTime(zone) ? '' : ', UK time');

test.use({ viewport: { width: 390, height: 844 } });

for (const zone of ZONES) {
  test.describe(`a device set to ${zone}`, () => {
    test.use({ timezoneId: zone });

    test('at 17:30 BST on a Friday, a 9-to-5 service is closed and says it opens 9am Monday', async ({ page }) => {
      test.skip(!local.id, NO_WEEKDAY_SERVICE);
      // Friday 17 July 2026, 16:30 UTC = 17:30 in London.
      await page.clock.setFixedTime(new Date('2026-07-17T16:30:00Z'));
      await page.goto('/help/');
      await expect(statusOf(page, local.id)).toHaveText(`Closed now · opens 9am Monday${uk(zone)}`);
      await expect(statusOf(page, 'nspcc-helpline')).toHaveText(`Open now · until 10pm${uk(zone)}`);
      await expect(statusOf(page, 'childline')).toHaveText('Open now · 24 hours');

      await page.getByLabel('Only show services I can reach now').check();
      await expect(visibleCards(page).filter({ hasText: local.name })).toHaveCount(0);
      // Websites are there at any hour: they count as reachable.
      for (const id of ['fearless', 'kooth', 'the-mix', 'frank']) {
        await expect(page.locator(`[data-service="${id}"]`)).toBeVisible();
        await expect(statusOf(page, id)).toHaveText('Website open any time');
      }
    });

    test('the first weekday after each clock change', async ({ page }) => {
      test.skip(!local.id, NO_WEEKDAY_SERVICE);
      // Friday 27 March 2026, 16:30 UTC is 16:30 GMT: open. Monday 30 March, 16:30 UTC is 17:30 BST: closed.
      await page.clock.setFixedTime(new Date('2026-03-27T16:30:00Z'));
      await page.goto(`/help/${local.id}/`);
      await expect(page.locator('[data-open-status]').first()).toHaveText(`Open now · until 5pm${uk(zone)}`);
      await page.clock.setFixedTime(new Date('2026-03-30T16:30:00Z'));
      await page.reload();
      await expect(page.locator('[data-open-status]').first()).toHaveText(keepsUkTime(zone) ? 'Closed now · opens 9am tomorrow' : 'Closed now · opens 9am Tuesday, UK time');
      // Friday 23 October 2026, 16:30 UTC is 17:30 BST: closed. Monday 26 October, 16:30 UTC is 16:30 GMT: open.
      await page.clock.setFixedTime(new Date('2026-10-23T16:30:00Z'));
      await page.reload();
      await expect(page.locator('[data-open-status]').first()).toHaveText(`Closed now · opens 9am Monday${uk(zone)}`);
      await page.clock.setFixedTime(new Date('2026-10-26T16:30:00Z'));
      await page.reload();
      await expect(page.locator('[data-open-status]').first()).toHaveText(`Open now · until 5pm${uk(zone)}`);
    });
  });
}

test.describe('a device in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('open-now shows on every page that lists services', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-07-17T16:30:00Z'));
    for (const path of ['/help/for/parent/', '/help/need/family/', '/parents/', '/young-people/', '/community/', '/professionals/', '/businesses/']) {
      await page.goto(path);
      const statuses = page.locator('[data-service] [data-open-status]');
      expect(await statuses.count(), path).toBeGreaterThan(0);
      for (const status of await statuses.all()) await expect(status, path).toHaveText(/^(Open now · |Closed now · opens |Website open any time)/);
    }
    if (local.id) {
      await page.goto('/help/');
      await expect(statusOf(page, local.id)).toHaveText('Closed now · opens 9am Monday, UK time');
    }
    // On a service's own page, each line with hours has its own status.
    await page.goto('/help/nspcc-helpline/');
    await expect(page.locator('[data-open-status]')).toHaveText(['Open now · until 10pm, UK time']);
  });

  test('the report form says whether anyone is reading reports now', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-07-17T16:30:00Z'));
    await page.goto('/report/');
    await expect(page.locator('[data-report-hours] [data-open-status]')).toHaveText('Nobody is reading reports now · reading again from 9am Monday, UK time');
    await page.clock.setFixedTime(new Date('2026-07-15T09:00:00Z'));
    await page.reload();
    await expect(page.locator('[data-report-hours] [data-open-status]')).toHaveText('The team is reading reports now · until 5pm, UK time');
    // A request-time page knows the bank holidays too: Christmas Day 2026, 11:00.
    await page.clock.setFixedTime(new Date('2026-12-25T11:00:00Z'));
    await page.reload();
    await expect(page.locator('[data-report-hours] [data-open-status]')).toHaveText('Nobody is reading reports now · reading again from 9am Tuesday, UK time');
  });

  test('Christmas: the next opening skips both bank holidays', async ({ page }) => {
    test.skip(!local.id, NO_WEEKDAY_SERVICE);
    // Friday 25 December 2026, 11:00 GMT; Monday 28 December is the substitute Boxing Day.
    await page.clock.setFixedTime(new Date('2026-12-25T11:00:00Z'));
    await page.goto(`/help/${local.id}/`);
    await expect(page.locator('[data-open-status]').first()).toHaveText('Closed now · opens 9am Tuesday, UK time');
  });

  test('a page left open keeps its status right as the minutes pass', async ({ page }) => {
    test.skip(!local.id, NO_WEEKDAY_SERVICE);
    // Friday 17 July 2026, 16:59 BST: the 9-to-5 service is open for one more minute.
    await page.clock.install({ time: new Date('2026-07-17T15:59:00Z') });
    await page.goto('/help/');
    await page.getByLabel('Only show services I can reach now').check();
    await expect(statusOf(page, local.id)).toHaveText('Open now · until 5pm, UK time');
    await expect(visibleCards(page).filter({ hasText: local.name })).toHaveCount(1);
    await page.clock.runFor(61_000);
    await expect(statusOf(page, local.id)).toHaveText('Closed now · opens 9am Monday, UK time');
    await expect(visibleCards(page).filter({ hasText: local.name })).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('no page claims to know the time: it says so, and the hours are there', async ({ page }) => {
    await page.goto('/report/');
    await expect(page.locator('[data-report-hours] [data-open-status]')).toBeHidden();
    for (const path of ['/help/', '/help/for/parent/', '/young-people/', ...(local.id ? [`/help/${local.id}/`] : [])]) {
      await page.goto(path);
      await expect(page.locator('[data-open-status]:visible'), path).toHaveCount(0);
      await expect(page.getByText(/Without JavaScript this page cannot tell whether/), path).toBeVisible();
      await expect(page.getByText(/Open now|Closed now/), path).toHaveCount(0);
    }
    if (local.id) await expect(page.getByText('Monday to Friday, 9am to 5pm.').first()).toBeVisible();
  });
});

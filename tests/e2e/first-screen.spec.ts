// The first screen on a phone is the page, not the chrome around it. On a 390×844 touch screen the
// H1 of every page type starts within 450 px and the home page's first choice is in view; the
// compact header still carries Exit this page, the emergency line, search and navigation (in a menu
// that opens without JavaScript) and the demo notice, all inside landmarks (every-page.spec.ts checks
// landmarks on every page).
import { expect, test, type Page } from '@playwright/test';
import { PHONE } from '../support/phone.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { sitemapPaths } from '../support/site.ts';

const H1_LIMIT = 450;

/** One page of each type: the first in the sitemap for each first segment and depth, and the pages made on demand. */
function pageTypes(): string[] {
  const byType = new Map<string, string>();
  for (const path of sitemapPaths()) {
    const parts = path.split('/').filter(Boolean);
    const type = parts.length <= 1 ? path : `${parts[0]}/${parts.length}`;
    if (!byType.has(type)) byType.set(type, path);
  }
  return [...byType.values(), '/report/sent/', '/this-page-does-not-exist/'];
}


const h1Top = (page: Page) => page.locator('h1').first().evaluate((h) => h.getBoundingClientRect().top);

test.describe('on a phone', () => {
  test.use(PHONE);

  test(`the H1 of every page type starts within ${H1_LIMIT} px`, async ({ page }) => {
    test.setTimeout(120_000);
    const tops: Record<string, number> = {};
    for (const path of pageTypes()) {
      await page.goto(path);
      tops[path] = Math.round(await h1Top(page));
    }
    console.log(`H1 top at 390×844: ${JSON.stringify(tops)}`);
    for (const [path, top] of Object.entries(tops)) expect(top, path).toBeLessThanOrEqual(H1_LIMIT);
  });

  test('the home page shows its first choice without scrolling', async ({ page }) => {
    await page.goto('/');
    const first = page.getByRole('main').getByRole('listitem').first();
    await expect(first).toContainText("I'm worried about my child");
    const box = (await first.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, the header keeps Exit, 999, the demo notice, and search and navigation in a menu`, async ({ page }) => {
      await page.goto('/parents/');
      const banner = page.getByRole('banner');
      await expect(page.getByRole('link', { name: /^Emergency: Exit this page/ })).toBeInViewport();
      await expect(banner.getByRole('link', { name: '999' })).toBeInViewport();
      await expect(banner.getByText('is a fictional place')).toBeInViewport();
      const search = page.getByRole('searchbox', { name: 'Search this site' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(search).toBeHidden();
      await expect(nav).toBeHidden();
      expect(Math.round(await h1Top(page))).toBeLessThanOrEqual(H1_LIMIT);

      // A <details> menu: Chromium exposes its <summary> as a button that says whether it is expanded.
      const menu = banner.locator('summary', { hasText: 'Menu' });
      await expect(banner.locator('details')).toHaveJSProperty('open', false);
      await menu.tap();
      await expect(banner.locator('details')).toHaveJSProperty('open', true);
      await expect(search).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Report a concern' })).toBeVisible();
      // WCAG 2.2 AA and axe's landmark rules, with the menu open.
      await expectNoAxeViolations(page, javaScriptEnabled);
      await search.fill('county lines');
      await search.press('Enter');
      await expect(page).toHaveURL(/\/search\/\?q=county\+lines/);
    });
  }

  test('the menu can be opened and used by keyboard', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByRole('banner').locator('summary', { hasText: 'Menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('banner').locator('details')).toHaveJSProperty('open', true);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox', { name: 'Search this site' })).toBeFocused();
  });
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('search and navigation are shown without opening a menu, and the H1 is on the first screen', async ({ page }) => {
    await page.goto('/parents/');
    await expect(page.getByRole('banner').locator('summary', { hasText: 'Menu' })).toBeHidden();
    await expect(page.getByRole('searchbox', { name: 'Search this site' })).toBeInViewport();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Parents and carers' })).toBeInViewport();
    expect(await h1Top(page)).toBeLessThan(450);
  });
});

// Search on a translated page offers only filters that can find something in that language, and its
// Easy Read filter finds the English Easy Read pages, marked as English (they exist only in English,
// and Pagefind keeps one index per language: src/integrations/search-easy-read.ts).
import { expect, test, type Page } from '@playwright/test';
import { PHONE } from '../support/phone.ts';
import { openSearchFilters } from '../support/search-page.ts';

test.use(PHONE);

const resultPaths = (page: Page) => page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

test('a Welsh search page offers no filter that could only give no results', async ({ page }) => {
  await page.goto('/cy/search/');
  await page.getByLabel("Am beth rydych chi'n chwilio?").focus();
  const filters = page.locator('[data-search-filters]');
  await openSearchFilters(page);
  // Found in the Welsh index: Welsh pages, and the Easy Read pages filed there too.
  for (const name of ['Hawdd ei Ddeall', 'Arwyddion rhybudd', 'Canllawiau ac esboniadau', 'Cael help', 'Am y bartneriaeth']) await expect(filters.getByRole('checkbox', { name, exact: true })).toBeVisible();
  // Campaigns and the law exist only in English: not offered here.
  for (const name of ['Ymgyrchoedd', 'Y gyfraith']) await expect(filters.getByRole('checkbox', { name, exact: true })).toBeHidden();
  // Nor "Help with": services are described only in English.
  await expect(filters.getByRole('group', { name: 'Help gyda' })).toBeHidden();

  // The English search page still offers every one.
  await page.goto('/search/');
  await page.getByLabel('What are you looking for?').focus();
  await openSearchFilters(page);
  for (const name of ['Easy Read', 'Campaigns', 'The law', 'About the partnership']) await expect(page.getByRole('checkbox', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Help with' })).toBeVisible();
});

test('the Easy Read filter on an Urdu search page finds the Easy Read pages, marked as English', async ({ page }) => {
  // The reviewer's search: "signs", in Urdu, then the Easy Read filter.
  await page.goto('/ur/search/?q=علامات');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  await openSearchFilters(page);
  await page.getByRole('checkbox', { name: 'آسان زبان (Easy Read)' }).check();
  await expect(async () => {
    const paths = await resultPaths(page);
    expect(paths).toContain('/easy-read/warning-signs/');
    expect(paths.every((p) => p.startsWith('/easy-read/'))).toBe(true);
  }).toPass();
  await expect(page.locator('[data-search-results] a[href="/easy-read/warning-signs/"]')).toContainText('(انگریزی میں)');
});

test('searching "Easy Read" on the Welsh search page finds the Easy Read pages', async ({ page }) => {
  await page.goto('/cy/search/?q=Easy%20Read');
  await expect(async () => {
    const paths = await resultPaths(page);
    expect(paths.filter((p) => p.startsWith('/easy-read/')).length).toBeGreaterThanOrEqual(4);
  }).toPass();
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { WCAG22AA } from '../support/site.ts';

test('search finds a known page, and filters narrow the results', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/search/');
  // Search code is loaded on first use, not with the page.
  expect(fetched.some((p) => p.startsWith('/pagefind/'))).toBe(false);

  await page.getByLabel('What are you looking for?').fill('cuckooing');
  await page.getByRole('button', { name: 'Search' }).last().click();
  const results = page.locator('[data-search-results] a');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('[data-search-results]')).toContainText('Worried about a neighbour');
  await expect(page.getByRole('status').last()).toContainText('for “cuckooing”');
  expect(fetched.some((p) => p.startsWith('/pagefind/'))).toBe(true);

  await page.getByLabel('Young people').check();
  await expect(page.locator('[data-search-results]')).not.toContainText('Worried about a neighbour');
  expect(new URL(page.url()).searchParams.getAll('audience')).toEqual(['Young people']);

  const axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('the header search box reaches the results page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('county lines');
  await page.getByRole('searchbox', { name: 'Search this site' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=county\+lines/);
  await expect(page.locator('[data-search-results]')).toContainText('What is county lines?');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page lists every page instead', async ({ page }) => {
    await page.goto('/search/?q=cuckooing');
    const all = page.getByRole('region', { name: 'Every page on this site' });
    await expect(all).toBeVisible();
    await expect(all.getByRole('link', { name: 'Worried about a neighbour’s home?' }).or(all.getByRole('link', { name: "Worried about a neighbour's home?" }))).toBeVisible();
  });
});

test('the directory is searchable by what a service helps with', async ({ page }) => {
  await page.goto('/search/?q=free');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  await page.getByLabel('Drugs and alcohol').check();
  await expect(page.locator('[data-search-results]')).toContainText('FRANK');
  await expect(page.locator('[data-search-results]')).not.toContainText('Samaritans');
});

test('a question no page matches word for word falls back to pages with some of its words', async ({ page }) => {
  // Each word is on some page, but no page has all three.
  await page.goto('/search/?q=childline+closure+order+for+a+hotel');
  await expect(page.locator('[data-search-status]')).toContainText('No page has all the words in');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
});

test('a page is found by the words people use for it, not only the words on it', async ({ page }) => {
  await page.goto('/search/?q=cukooing');
  await expect(page.locator('[data-search-results] > li > a').first()).toHaveAttribute('href', '/community/');
  // The result shows the page's own description, not its hidden search terms.
  await expect(page.locator('[data-search-results] > li').first()).not.toContainText('cukooing');
});

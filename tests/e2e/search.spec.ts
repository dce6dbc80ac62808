import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PHONE } from '../support/phone.ts';
import { openSearchFilters } from '../support/search-page.ts';
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

  await openSearchFilters(page);
  await page.getByLabel('Young people').check();
  await expect(page.locator('[data-search-results]')).not.toContainText('Worried about a neighbour');
  expect(new URL(page.url()).searchParams.getAll('audience')).toEqual(['Young people']);

  const axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

// The page's script arrives after its first paint (src/lib/after-paint.ts), so someone quick can
// type before it runs: what they typed stays, and Enter then searches for it.
test('words typed before the search script arrives are kept', async ({ page }) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/search\.astro.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/search/');
  const box = page.getByLabel('What are you looking for?');
  await box.fill('cuckooing');
  release();
  // The script has run once the filters it reveals are shown.
  await openSearchFilters(page);
  await expect(page.getByRole('group', { name: 'Who are you?' })).toBeVisible();
  await expect(box).toHaveValue('cuckooing');
  await box.press('Enter');
  await expect(page.locator('[data-search-results]')).toContainText('Worried about a neighbour');
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

  // The page is one static file on both targets, so it cannot show the words searched for (the
  // review of 21:30 saw them vanish): it says why, and how to look through the list instead.
  for (const [path, words] of [
    ['/search/', 'Search needs JavaScript, which is switched off in this browser.'],
    ['/cy/search/', "Mae angen JavaScript ar y chwilio, ac mae wedi'i ddiffodd yn y porwr hwn."],
    ['/pl/search/', 'Wyszukiwanie wymaga JavaScriptu, który jest wyłączony w tej przeglądarce.'],
    ['/ur/search/', 'تلاش کے لیے JavaScript ضروری ہے، جو اس براؤزر میں بند ہے۔'],
  ] as const) {
    test(`${path}?q= says that search needs JavaScript and how to find a word in the list`, async ({ page }) => {
      await page.goto(`${path}?q=exploitation`);
      // By its attribute: Playwright's text locators do not look inside <noscript>.
      const note = page.locator('[data-needs-script-note]');
      await expect(note).toBeVisible();
      await expect(note).toContainText(words);
      await expect(note).toContainText('Ctrl+F');
      // It comes before the list it points to, and the filters, which need scripts, are not shown.
      expect((await note.boundingBox())!.y).toBeLessThan((await page.locator('[data-every-page]').boundingBox())!.y);
      await expect(page.locator('[data-search-filters]')).toBeHidden();
    });
  }
});

test('with JavaScript, the note for browsers without it is not shown', async ({ page }) => {
  await page.goto('/search/?q=exploitation');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  await expect(page.locator('[data-needs-script-note]')).toBeHidden();
  await expect(page.locator('[data-search-filters] > summary')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use(PHONE);

  // The review of 21:30 found the count at y=1336 and the first result at 1411, under twenty boxes.
  test('the number of results and the first result are on the first screen; the filters fold away and say how many are ticked', async ({ page }) => {
    await page.goto('/search/?q=exploitation&audience=Parents+and+carers');
    const status = page.locator('[data-search-status]');
    await expect(status).toHaveText(/^\d+ results for “exploitation”\./);
    const first = page.locator('[data-search-results] > li').first();
    await expect(status).toBeInViewport({ ratio: 1 });
    await expect(first.getByRole('link')).toBeInViewport({ ratio: 1 });
    const summary = page.locator('[data-search-filters] > summary');
    // The filter from the address is named on the folded summary.
    await expect(summary).toHaveText('Filter results (1 chosen)');
    const parents = page.getByRole('checkbox', { name: 'Parents and carers' });
    await expect(parents).toBeHidden();
    let axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // By keyboard: the summary opens the filters, Space unticks one, and the count follows.
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(parents).toBeChecked();
    await parents.focus();
    await page.keyboard.press('Space');
    await expect(summary).toHaveText('Filter results');
    await expect(status).toHaveText(/^\d+ results for “exploitation”\./);
    expect(new URL(page.url()).searchParams.getAll('audience')).toEqual([]);
    axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});

test('the directory is searchable by what a service helps with', async ({ page }) => {
  await page.goto('/search/?q=free');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  await openSearchFilters(page);
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

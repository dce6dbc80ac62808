import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
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
      await expect(page.locator('[data-search-more]')).toBeHidden();
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

/**
 * axe's findings with the page at its top: scrolled down, a result under the sticky Exit this page
 * bar counts as a target too small to tap, in whichever state it is checked.
 */
async function axeAtTop(page: Page): Promise<string[]> {
  await page.evaluate(() => scrollTo(0, 0));
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
}

// A broad word ("police", "help") finds more pages than the first screenful: the rest come twenty at
// a time from a real button under the results (GOV.UK), each text fetched only once it is shown.
test.describe('more than twenty results, on a phone', () => {
  test.use(PHONE);
  const results = (page: Page) => page.locator('[data-search-results] > li');
  const more = (page: Page) => page.locator('[data-search-more]');
  /** The pages whose text was fetched: Pagefind fetches one fragment a result. */
  const fragmentsOf = (page: Page) => {
    const fetched = new Set<string>();
    page.on('request', (r) => r.url().includes('/pagefind/fragment/') && fetched.add(r.url()));
    return fetched;
  };

  test('by keyboard alone: each press shows the next twenty where the button was, focus on the first of them, to the last result', async ({ page }) => {
    const fragments = fragmentsOf(page);
    await page.goto('/search/?q=police');
    const status = page.locator('[data-search-status]');
    await expect(status).toHaveText(/^\d+ results for “police”\. Showing the first 20\.$/);
    const total = Number((await status.textContent())!.match(/^\d+/)![0]);
    expect(total, 'the demo has more than two presses of results for "police"').toBeGreaterThan(40);
    await expect(results(page)).toHaveCount(20);
    expect(fragments.size, 'only the results shown are fetched').toBe(20);
    await expect(more(page)).toHaveText('Show 20 more results');
    await expect(more(page)).toHaveRole('button');
    expect(await axeAtTop(page)).toEqual([]);

    // Tab from the last result reaches the button; Enter presses it.
    let count = 20;
    while (count < total) {
      await results(page).last().getByRole('link').focus();
      await page.keyboard.press('Tab');
      await expect(more(page)).toBeFocused();
      const next = Math.min(20, total - count);
      await expect(more(page)).toHaveText(next === 1 ? 'Show 1 more result' : `Show ${next} more results`);
      const buttonTop = (await more(page).boundingBox())!.y;
      await page.keyboard.press('Enter');
      count += next;
      await expect(results(page)).toHaveCount(count);
      // The first new result has the focus, and is on the screen where the button was: the page did
      // not move (the status line above may get shorter; the browser keeps what is in view still).
      const first = results(page).nth(count - next).getByRole('link');
      await expect(first).toBeFocused();
      const moved = (await results(page).nth(count - next).boundingBox())!.y - buttonTop;
      expect(Math.abs(moved)).toBeLessThan(4);
      await expect(status).toHaveText(count < total ? `${total} results for “police”. Showing the first ${count}.` : `${total} results for “police”.`);
      expect(fragments.size).toBe(count);
    }
    await expect(more(page)).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeAtTop(page)).toEqual([]);

    // A new search starts again from its first twenty.
    await page.getByLabel('What are you looking for?').fill('help');
    await page.getByLabel('What are you looking for?').press('Enter');
    await expect(status).toHaveText(/^\d+ results for “help”\. Showing the first 20\.$/);
    await expect(results(page)).toHaveCount(20);
  });

  // Back is in tests/support/back-and-reload.ts, with the back-forward cache on and off.
  test('reload shows the same forty results at the same place', async ({ page }) => {
    await page.goto('/search/?q=police');
    await more(page).click();
    await expect(results(page)).toHaveCount(40);
    const twentyFifth = results(page).nth(24);
    await twentyFifth.scrollIntoViewIfNeeded();
    // Where it is on the screen once the script has kept the scroll position (when scrolling stops).
    await expect.poll(() => page.evaluate(() => (history.state as { y?: number } | null)?.y === scrollY)).toBe(true);
    const top = (await twentyFifth.boundingBox())!.y;
    await page.reload();
    await expect(results(page)).toHaveCount(40);
    await expect.poll(async () => Math.abs((await twentyFifth.boundingBox())!.y - top)).toBeLessThan(10);
    await expect(page.locator('[data-search-status]')).toContainText('Showing the first 40.');
    // Kept in this tab's history entry only: the address is the search, as it was.
    expect(new URL(page.url()).search).toBe('?q=police');
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });

  test('with a filter ticked, the button shows the rest of the filtered results, and changing a filter starts again', async ({ page }) => {
    await page.goto('/search/?q=police&audience=Parents+and+carers');
    const status = page.locator('[data-search-status]');
    await expect(status).toHaveText(/^\d+ results for “police”\. Showing the first 20\.$/);
    const total = Number((await status.textContent())!.match(/^\d+/)![0]);
    expect(total).toBeLessThanOrEqual(40);
    await more(page).click();
    await expect(results(page)).toHaveCount(total);
    await expect(status).toHaveText(`${total} results for “police”.`);
    await expect(more(page)).toBeHidden();
    expect(await axeAtTop(page)).toEqual([]);
    await openSearchFilters(page);
    await page.getByLabel('Parents and carers').uncheck();
    await expect(status).toHaveText(/^\d+ results for “police”\. Showing the first 20\.$/);
    await expect(results(page)).toHaveCount(20);
    await expect(more(page)).toBeVisible();
  });

  test('at 320 pixels wide the button fits, and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/search/?q=police');
    await more(page).click();
    await expect(results(page)).toHaveCount(40);
    const box = (await more(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

// The demo's Welsh, Polish and Urdu indexes hold 17 pages each, fewer than one screenful of results,
// so each page here is given the English index for its own (the same files, named for its language):
// its own words and plural rules then show for 70 results. Chromium has no Welsh plural rules: the
// Welsh page's own table (<html data-plurals>) chooses the form.
for (const [path, first, button, after] of [
  ['/cy/search/', /^\d+ canlyniad ar gyfer “police”\. Yn dangos y 20 cyntaf\.$/, 'Dangos 20 canlyniad arall', 'Yn dangos y 40 cyntaf.'],
  ['/pl/search/', /^\d+ wyników dla „police”\. Wyświetlane są pierwsze wyniki \(liczba: 20\)\.$/, 'Pokaż jeszcze 20 wyników', 'Wyświetlane są pierwsze wyniki (liczba: 40).'],
  ['/ur/search/', /^“police” کے لیے \d+ نتائج۔ پہلے 20 دکھائے جا رہے ہیں۔$/, 'مزید 20 نتائج دکھائیں', 'پہلے 40 دکھائے جا رہے ہیں۔'],
] as const) {
  test(`${path}: more results, in the page's language`, async ({ page }) => {
    const code = path.split('/')[1]!;
    await page.route(/\/pagefind\/pagefind-entry\.json/, async (route) => {
      const entry = await (await route.fetch()).json() as { languages: Record<string, unknown> };
      entry.languages[code] = entry.languages['en-gb'];
      await route.fulfill({ json: entry });
    });
    await page.goto(`${path}?q=police`);
    await expect(page.locator('[data-search-status]')).toHaveText(first);
    await expect(page.locator('[data-search-more]')).toHaveText(button);
    await page.locator('[data-search-more]').click();
    await expect(page.locator('[data-search-results] > li')).toHaveCount(40);
    await expect(page.locator('[data-search-status]')).toContainText(after);
    await expect(page.locator('[data-search-results] > li').nth(20).getByRole('link')).toBeFocused();
    expect(await axeAtTop(page)).toEqual([]);
  });
}

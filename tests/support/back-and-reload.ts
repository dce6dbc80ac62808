// Back never brings back what was ticked, typed or sent, and reload never sends a report again, with
// JavaScript on and off. Run twice: with Chromium's back-forward cache on, as people use Chromium
// (back-and-reload-cached.spec.ts), and off, as Playwright starts it, where the browser restores form
// fields instead (back-and-reload.spec.ts).
import { expect, test, type Page } from '@playwright/test';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { PHONE } from './phone.ts';
import { loaded } from './loaded.ts';

const REFERENCE = /[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}/;
const { exitUrl } = loadPartnership('content/partnership.yaml');
const CONCERN = 'Two men wait outside the flats at night and a boy brings them bags.';

/** Goes to another page by a link, as a person would, then presses Back; says whether the page came back from the cache. */
async function leaveAndComeBack(page: Page, link: string): Promise<boolean> {
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
  const from = page.url();
  await page.getByRole('link', { name: link }).first().click();
  await expect(page).not.toHaveURL(from);
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(from);
  // Not waitForLoadState: a page shown from the cache fires no load event. A page loaded again has
  // its fields restored by the browser during loading, so wait for that to finish before looking.
  await loaded(page);
  return page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
}

async function fillReport(page: Page) {
  await page.getByRole('group', { name: 'Is anyone in danger right now?' }).getByLabel('No').check();
  await page.getByLabel('A neighbour or member of the community').check();
  await page.getByLabel('A home being taken over (cuckooing)').check();
  await page.getByLabel('Tell us what you have seen or heard').fill(CONCERN);
  await page.getByLabel('Where did it happen? (optional)').fill('Acacia Avenue');
}

async function expectEmptyReport(page: Page) {
  await expect(page.getByLabel('Tell us what you have seen or heard')).toHaveValue('');
  await expect(page.getByLabel('Where did it happen? (optional)')).toHaveValue('');
  await expect(page.getByLabel('A home being taken over (cuckooing)')).not.toBeChecked();
  await expect(page.getByLabel('A neighbour or member of the community')).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Is anyone in danger right now?' }).getByLabel('No')).not.toBeChecked();
  await expect(page.getByText(CONCERN)).toHaveCount(0);
}

/** The suite, for a browser launched with the back-forward cache on (`cache`) or off. */
export function backAndReloadTests(cache: boolean): void {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`back-forward cache ${cache ? 'on' : 'off'}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ ...PHONE, javaScriptEnabled });

      test('a page of the site comes back from the cache only when the cache is on (the control)', async ({ page }) => {
        await page.goto('/parents/');
        expect(await leaveAndComeBack(page, 'Privacy')).toBe(cache);
      });

      test('ticks on /check/ are gone after leaving and pressing Back', async ({ page }) => {
        await page.goto('/check/');
        const sign = page.getByLabel('Going missing, staying out late', { exact: false });
        if (!javaScriptEnabled) {
          // Without JavaScript a tick could change nothing on the page, so there is nothing to tick:
          // the signs are a list, each group with its next step.
          await expect(page.getByRole('checkbox')).toHaveCount(0);
          await expect(page.getByText('Going missing, staying out late', { exact: false })).toBeVisible();
          return;
        }
        await sign.check();
        await page.getByLabel("I'm worried about myself").check();
        await expect(page.locator('[data-step="missing"]')).toBeVisible();
        await leaveAndComeBack(page, 'All warning signs explained');
        await expect(sign).not.toBeChecked();
        await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
        await expect(page.locator('[data-step="missing"]')).toBeHidden();
        await expect(page.locator('[data-audience="young-person"]')).toBeHidden();
      });

      test('choices in the /help/ finder are still there after leaving and pressing Back, and nowhere else', async ({ page }) => {
        test.skip(!javaScriptEnabled, 'without JavaScript the filters are links to pre-built lists');
        await page.goto('/help/');
        const who = page.getByLabel('Who are you?');
        const need = page.getByLabel('What do you need help with?');
        const open = page.getByLabel('Only show services I can reach now');
        await who.selectOption('young-person');
        await need.selectOption('missing');
        await open.check();
        const status = page.locator('[data-finder-status]');
        await expect(status).toHaveText(/^Showing \d+ of \d+ services\.$/);
        const shown = await status.textContent();
        await leaveAndComeBack(page, 'Privacy');
        // Without the cache the page is loaded again: the browser refills the checkbox, and the
        // finder its selects, whose choices it adds after the browser has looked (scripts/finder.ts).
        await expect(who).toHaveValue('young-person');
        await expect(need).toHaveValue('missing');
        await expect(open).toBeChecked();
        await expect(status).toHaveText(shown!);
        // Kept only in this tab's history entry: not in the address, a cookie or the site's storage.
        expect(new URL(page.url()).search).toBe('');
        expect(await page.context().cookies()).toEqual([]);
        expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      });

      test('search results shown by "Show 20 more results" are all there after leaving by the 25th and pressing Back, where they were', async ({ page }) => {
        test.skip(!javaScriptEnabled, 'without JavaScript the search page lists every page');
        await page.goto('/search/?q=police');
        const results = page.locator('[data-search-results] > li');
        await page.getByRole('button', { name: 'Show 20 more results' }).click();
        await expect(results).toHaveCount(40);
        const twentyFifth = results.nth(24);
        await twentyFifth.scrollIntoViewIfNeeded();
        // The script keeps the scroll position in the history entry once scrolling stops: wait for that.
        await expect.poll(() => page.evaluate(() => (history.state as { y?: number } | null)?.y === scrollY)).toBe(true);
        const top = (await twentyFifth.boundingBox())!.y;
        const name = (await twentyFifth.getByRole('link').textContent())!;
        await leaveAndComeBack(page, name);
        // Without the cache the page is loaded again and its results come after the browser has
        // tried to put the page back: the script puts them back where they were (src/scripts/search.ts).
        await expect(results).toHaveCount(40);
        await expect(twentyFifth.getByRole('link')).toHaveText(name);
        await expect.poll(async () => Math.abs((await twentyFifth.boundingBox())!.y - top)).toBeLessThan(10);
        await expect(page.locator('[data-search-status]')).toContainText('Showing the first 40.');
        expect(new URL(page.url()).search).toBe('?q=police');
      });

      test('words typed in /report/ are gone after leaving by a link and pressing Back', async ({ page }) => {
        await page.goto('/report/');
        await fillReport(page);
        await leaveAndComeBack(page, 'What to include in a report');
        await expectEmptyReport(page);
      });

      test('words typed in /report/ are gone after reload, as the form says before anything is typed', async ({ page }) => {
        await page.goto('/report/');
        // Said above the first question, so that emptying on reload is no surprise (review of 21:30).
        const said = page.getByText('Leaving or reloading this page before you send empties the form, on purpose');
        await expect(said).toBeVisible();
        expect((await said.boundingBox())!.y).toBeLessThan((await page.getByRole('group', { name: 'Is anyone in danger right now?' }).boundingBox())!.y);
        await fillReport(page);
        await page.reload();
        await loaded(page);
        await expectEmptyReport(page);
      });

      test('after sending a report, reload sends nothing and Back shows an empty form', async ({ page }) => {
        await page.goto('/report/');
        await fillReport(page);
        await page.waitForTimeout(1100);
        const posts: string[] = [];
        page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
        await page.getByRole('button', { name: 'Send report' }).click();
        await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
        const reference = (await page.locator('[data-reference]').textContent())!.trim();
        const code = (await page.locator('[data-follow-up-code]').textContent())!.trim();
        expect(reference).toMatch(REFERENCE);
        expect(posts).toHaveLength(1);
        // Neither is in the address, so neither is in the history list.
        expect(page.url()).not.toContain(reference);
        expect(page.url()).not.toContain(code);
        // Nor anything shaped like a reference outside the sealed receipt, whose random characters
        // can spell one by chance (about one run in 200: "MTTK-DU9C" inside it failed a run).
        const address = new URL(page.url());
        expect(address.searchParams.get('receipt')).toMatch(/^[\w-]{40,}$/);
        address.searchParams.delete('receipt');
        expect(decodeURIComponent(address.href)).not.toMatch(REFERENCE);

        await page.reload();
        await expect(page.locator('[data-reference]')).toHaveText(reference);
        await expect(page.locator('[data-follow-up-code]')).toHaveText(code);
        expect(posts).toHaveLength(1);

        await page.goBack({ waitUntil: 'commit' });
        await expect(page).toHaveURL(/\/report\/$/);
        await loaded(page);
        await expectEmptyReport(page);
        expect(posts).toHaveLength(1);
      });

      test('after adding to a report, reload sends nothing and Back shows an empty form', async ({ page }) => {
        await page.goto('/report/');
        await page.getByLabel('Tell us what you have seen or heard').fill(CONCERN);
        await page.waitForTimeout(1100);
        await page.getByRole('button', { name: 'Send report' }).click();
        const reference = (await page.locator('[data-reference]').textContent())!.trim();
        const code = (await page.locator('[data-follow-up-code]').textContent())!.trim();
        await page.getByRole('link', { name: 'add to a report' }).click();
        await page.getByLabel('Reference').fill(reference);
        await page.getByLabel('Follow-up code').fill(code);
        await page.getByLabel('What do you want to add?').fill('The van is white.');
        await page.waitForTimeout(1100);
        const posts: string[] = [];
        page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
        await page.getByRole('button', { name: 'Add to report' }).click();
        await expect(page.getByRole('heading', { name: 'Added to your report' })).toBeVisible();
        await page.reload();
        await expect(page.getByText('This is addition 1 to report')).toBeVisible();
        expect(posts).toHaveLength(1);
        await page.goBack({ waitUntil: 'commit' });
        await expect(page).toHaveURL(/\/report\/follow-up\/$/);
        await loaded(page);
        for (const field of ['Reference', 'Follow-up code', 'What do you want to add?']) await expect(page.getByLabel(field)).toHaveValue('');
      });

      test('after a problem, then sending, Back does not show the first answers', async ({ page }) => {
        await page.goto('/report/');
        await page.getByLabel('Where did it happen? (optional)').fill('Acacia Avenue');
        // With JavaScript the browser's own check would stop the post: send it as a browser without it would.
        await Promise.all([page.waitForURL('**/report/'), page.locator('[data-report-form]').evaluate((f: HTMLFormElement) => f.submit())]);
        await expect(page).toHaveTitle(/^Error: /);
        await page.getByLabel('Tell us what you have seen or heard').fill(CONCERN);
        await page.waitForTimeout(1100);
        await page.getByRole('button', { name: 'Send report' }).click();
        await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
        if (javaScriptEnabled) {
          // The page with the problem made its history entry an ordinary visit: Back loads an empty form.
          await page.goBack({ waitUntil: 'commit' });
          await expect(page).toHaveURL(/\/report\/$/);
          await loaded(page);
          await expectEmptyReport(page);
        } else {
          // Without JavaScript that entry is the post itself, which Chromium will not show again
          // without asking: Back shows its "Confirm Form Resubmission" page, and none of the answers.
          await expect(page.goBack()).rejects.toThrow('net::ERR_CACHE_MISS');
          expect(await page.content()).not.toContain('Acacia Avenue');
        }
      });

      test('after Exit from the report form, Back does not show what was typed', async ({ page }) => {
        await page.context().route(`${new URL(exitUrl).origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }));
        await page.goto('/');
        await page.goto('/report/');
        await fillReport(page);
        await page.getByRole('link', { name: /^Emergency: Exit this page/ }).tap();
        await expect(page).toHaveURL(exitUrl);
        await page.goBack({ waitUntil: 'commit' });
        if (javaScriptEnabled) {
          // The form was replaced in history: Back goes to the page before it.
          await expect(page).toHaveURL(/\/$/);
        } else {
          // Without JavaScript the button is a plain link, so Back returns to the form: empty.
          await expect(page).toHaveURL(/\/report\/$/);
          await loaded(page);
          await expectEmptyReport(page);
        }
      });
    });
  }
}


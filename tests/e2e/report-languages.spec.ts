// The report form as a reader in Welsh, Polish or Urdu meets it on a phone: changing language halfway
// keeps every word typed (JavaScript on and off) without storing or sending anything, and after a
// mistake the error summary is on the first screen. Run on both targets (playwright.cloudflare.config.ts).
import { expect, test, type Page } from '@playwright/test';
import { PHONE } from '../support/phone.ts';
import { loaded } from '../support/loaded.ts';

const CONCERN = 'Mój syn ma nowy telefon i dużo pieniędzy. Wraca późno.';
const WHERE = 'Przy sklepie na rogu';

/** Fills part of the Polish form: choices, ticks, texts, and asks to be contacted by email. */
async function fillPolish(page: Page) {
  await page.locator('input[name="danger"][value="no"]').check();
  await page.locator('input[name="reporter"][value="parent"]').check();
  await page.locator('input[name="categories"][value="drug-dealing"]').check();
  await page.locator('#field-concern').fill(CONCERN);
  await page.locator('#field-where').fill(WHERE);
  await page.locator('input[name="contact"][value="contact"]').check();
  await page.locator('#field-name').fill('Anna');
  await page.locator('input[name="contactMethod"][value="email"]').check();
  await page.locator('#field-email').fill('anna@example.org');
}

/** Every answer fillPolish gave is still in the form, and nothing is said to be wrong. */
async function expectKept(page: Page) {
  await expect(page.locator('#field-concern')).toHaveValue(CONCERN);
  await expect(page.locator('#field-where')).toHaveValue(WHERE);
  await expect(page.locator('#field-name')).toHaveValue('Anna');
  await expect(page.locator('input[name="danger"][value="no"]')).toBeChecked();
  await expect(page.locator('input[name="reporter"][value="parent"]')).toBeChecked();
  await expect(page.locator('input[name="categories"][value="drug-dealing"]')).toBeChecked();
  await expect(page.locator('input[name="contact"][value="contact"]')).toBeChecked();
  await expect(page.locator('input[name="contactMethod"][value="email"]')).toBeChecked();
  await expect(page.locator('#field-email')).toHaveValue('anna@example.org');
  // A change of language is not a send: no error summary, no "Error:" title.
  await expect(page.locator('[data-error-summary]')).toBeHidden();
  expect(await page.title()).not.toMatch(/^(Error|Gwall|Błąd|خرابی)/);
}

/**
 * The page's HTML once Chromium has finished drawing what Back led to. After a refused Back it is
 * still putting up its own "Confirm form resubmission" page for a moment (on a fast server, such as
 * the Worker, the test gets there first), and reading a page mid-navigation throws.
 */
async function settledContent(page: Page): Promise<string> {
  for (let tries = 1; ; tries++) {
    try {
      return await page.content();
    } catch (error) {
      if (tries === 20) throw error;
      await page.waitForTimeout(100);
    }
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ ...PHONE, javaScriptEnabled });

    test('changing language on the report form keeps what was typed, stores nothing, and Back does not bring it back', async ({ page }) => {
      const posts: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
      await page.goto('/pl/report/');
      await fillPolish(page);
      await page.waitForTimeout(1100);

      // The translation notice's "Read this page in English", right above the form.
      await page.locator('[data-translation-notice]').getByRole('button', { name: 'Przeczytaj tę stronę po angielsku.' }).click();
      await expect(page).toHaveURL(/\/report\/$/);
      expect(new URL(page.url()).pathname).toBe('/report/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a concern');
      await expectKept(page);
      // The form now says it is in English, so the report records the language it was sent in.
      await expect(page.locator('input[name="language"]')).toHaveValue('en');

      // The switcher, from English to Welsh: the same words, in the Welsh form.
      await page.getByRole('navigation', { name: 'Languages' }).getByRole('button', { name: 'Cymraeg' }).click();
      await expect(page).toHaveURL(/\/cy\/report\/$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
      await expectKept(page);
      await expect(page.locator('input[name="language"]')).toHaveValue('cy');
      // Both changes went to a form page, never to the store or the API, and nothing was confirmed.
      expect(posts).toEqual(['/report/', '/cy/report/']);
      await expect(page.locator('[data-reference]')).toHaveCount(0);

      // The person can still send it, from the language they ended in.
      await page.getByRole('button', { name: 'Anfon adroddiad' }).click();
      await expect(page).toHaveURL(/\/cy\/report\/sent\/\?/);
      await expect(page.locator('[data-reference]')).toHaveText(/[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}/);

      // Back, on a shared laptop, never shows the words again.
      if (javaScriptEnabled) {
        await page.goBack({ waitUntil: 'commit' });
        await expect(page).toHaveURL(/\/cy\/report\/$/);
        await loaded(page);
        await expect(page.locator('#field-concern')).toHaveValue('');
        await expect(page.locator('#field-where')).toHaveValue('');
      } else {
        // Without JavaScript that history entry is a post, which Chromium will not show again without asking.
        await expect(page.goBack()).rejects.toThrow('net::ERR_CACHE_MISS');
        expect(await settledContent(page)).not.toContain(WHERE);
      }
    });
  });
}

test('on the follow-up form, changing language keeps the reference, the code and the words', async ({ page }) => {
  await page.setViewportSize(PHONE.viewport);
  await page.goto('/ur/report/follow-up/');
  await page.locator('#field-reference').fill('ABCD-2345');
  await page.locator('#field-details').fill('وہ ہر جمعہ آتے ہیں');
  await page.getByRole('navigation', { name: 'زبانیں' }).getByRole('button', { name: 'Polski' }).click();
  await expect(page).toHaveURL(/\/pl\/report\/follow-up\/$/);
  await expect(page.locator('#field-reference')).toHaveValue('ABCD-2345');
  await expect(page.locator('#field-details')).toHaveValue('وہ ہر جمعہ آتے ہیں');
  await expect(page.locator('[data-error-summary]')).toBeHidden();
});

test('elsewhere the languages stay links, and a report form that cannot be used has no buttons for it', async ({ page }) => {
  await page.goto('/pl/check/');
  await expect(page.getByRole('navigation', { name: 'Języki' }).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Języki' }).getByRole('link', { name: 'English' })).toHaveAttribute('href', '/check/');
});

for (const code of ['', 'cy', 'pl', 'ur']) {
  test(`JavaScript off: after a mistake, the error summary is on the first screen of a phone (${code || 'en'})`, async ({ browser }) => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(code ? `/${code}/report/` : '/report/');
    // Asked to be contacted, with nothing else: two problems.
    await page.locator('input[name="contact"][value="contact"]').check();
    await page.locator('form[data-report-form] button[type="submit"]:not([formaction])').click();
    await expect(page).toHaveTitle(/^(Error|Gwall|Błąd|خرابی):/);
    // The page opens at its top, as a page loaded without JavaScript does.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const summary = page.locator('[data-error-summary]');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link')).toHaveCount(2);
    // Its heading and first problem are both on the first screen, not under the notices and boxes.
    const first = (await summary.getByRole('link').first().boundingBox())!;
    expect(first.y + first.height, 'the first problem is on the first screen').toBeLessThanOrEqual(PHONE.viewport.height);
    // Right after the page's heading: nothing but the heading comes before it in main.
    const before = await summary.evaluate((s) => {
      const main = document.querySelector('main')!;
      return [...main.querySelectorAll('h1, p, [data-translation-notice], [data-report-hours]')]
        .filter((e) => e.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING && !s.contains(e))
        .map((e) => e.tagName.toLowerCase());
    });
    expect(before).toEqual(['h1']);
    await context.close();
  });
}

// Following a problem's link shows the question it is about, not only its box: the field comes to
// rest below the sticky Exit this page bar with its question and error above it in view (a review
// found the question 285 px out of sight, above the bar, with JavaScript off).
for (const javaScriptEnabled of [false, true]) {
  for (const code of ['', 'ur']) {
    test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: each problem's link shows its question and its box (${code || 'en'})`, async ({ browser }) => {
      const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(code ? `/${code}/report/` : '/report/');
      await page.locator('input[name="contact"][value="contact"]').check();
      if (javaScriptEnabled) await page.waitForTimeout(1100);
      await page.locator('form[data-report-form] button[type="submit"]:not([formaction])').click();
      const links = page.locator('[data-error-summary]').getByRole('link');
      await expect(links).toHaveCount(2);
      for (let i = 0; i < 2; i++) {
        await page.evaluate(() => scrollTo(0, 0));
        const href = (await links.nth(i).getAttribute('href'))!;
        await links.nth(i).click();
        const field = page.locator(href);
        await expect(field).toBeFocused();
        const seen = await field.evaluate((f) => {
          const group = f.closest('.form-group')!;
          const question = group.querySelector('legend, label')!;
          const bar = document.querySelector('exit-this-page')!.getBoundingClientRect().bottom;
          return { bar, question: question.getBoundingClientRect().top, error: group.querySelector('[data-field-error]')!.getBoundingClientRect().top, bottom: f.getBoundingClientRect().bottom };
        });
        expect(seen.question, `${href}: its question is below the bar`).toBeGreaterThanOrEqual(seen.bar);
        expect(seen.error, `${href}: its error is below the bar`).toBeGreaterThanOrEqual(seen.bar);
        expect(seen.bottom, `${href}: the box is on the screen`).toBeLessThanOrEqual(PHONE.viewport.height);
      }
      await context.close();
    });
  }
}

// Both forms empty themselves when left or reloaded, on purpose (shared devices): each says so, in
// its language, before the first question (review of 21:30), on both targets.
for (const [code, words] of [
  ['', 'Leaving or reloading this page before you send empties the form, on purpose'],
  ['cy', "Mae gadael neu ail-lwytho'r dudalen hon cyn i chi anfon yn gwagio'r ffurflen, yn fwriadol"],
  ['pl', 'Opuszczenie lub odświeżenie tej strony przed wysłaniem celowo czyści formularz'],
  ['ur', 'بھیجنے سے پہلے یہ صفحہ چھوڑنے یا دوبارہ لوڈ کرنے سے فارم جان بوجھ کر خالی ہو جاتا ہے'],
] as const) {
  test(`the report forms say that leaving or reloading empties them (${code || 'en'})`, async ({ page }) => {
    for (const path of ['/report/', '/report/follow-up/']) {
      await page.goto(code ? `/${code}${path}` : path);
      const said = page.locator('form').getByText(words);
      await expect(said, path).toBeVisible();
      const firstQuestion = page.locator('form fieldset, form label:not(.sr-only)').first();
      expect((await said.boundingBox())!.y, path).toBeLessThan((await firstQuestion.boundingBox())!.y);
    }
  });
}

// The report form, end to end, in every state, with JavaScript on and off.
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { heldScriptsFetched } from '../support/held-scripts.ts';
import { gzipBodyBytes } from '../support/wire.ts';

const REFERENCE = /^[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}$/;

async function fillValidReport(page: Page) {
  await page.getByRole('group', { name: 'Is anyone in danger right now?' }).getByLabel('No').check();
  await page.getByLabel('A neighbour or member of the community').check();
  await page.getByLabel('A home being taken over (cuckooing)').check();
  await page.getByLabel('Tell us what you have seen or heard').fill('Cars stop outside number 12 every few minutes after 10pm.');
  await page.getByLabel('Where did it happen? (optional)').fill('Acacia Avenue, by the station');
  // The form token asks for a short pause between loading and sending.
  await page.waitForTimeout(1100);
}

// Each state is checked by axe, in a browser of its own when JavaScript is off: slow on a shared machine.
test.describe.configure({ timeout: 90_000 });

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('an empty report is refused with a clear error, and nothing typed is lost', async ({ page }) => {
      await page.goto('/report/');
      await expectNoAxeViolations(page, javaScriptEnabled);
      await page.getByLabel('When did it happen? (optional)').fill('Most evenings');
      const posts: number[] = [];
      page.on('response', (r) => r.request().method() === 'POST' && posts.push(r.status()));
      await page.getByRole('button', { name: 'Send report' }).click();

      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('link', { name: 'Tell us what you are worried about' })).toHaveAttribute('href', '#field-concern');
      await expect(page).toHaveTitle(/^Error: Report a concern/);
      await expect(page.getByLabel('When did it happen? (optional)')).toHaveValue('Most evenings');
      await expect(page.locator('#concern-error')).toContainText('Tell us what you are worried about');
      // With JavaScript the browser checks first and nothing is sent; without it the server answers 422.
      expect(posts).toEqual(javaScriptEnabled ? [] : [422]);
      if (javaScriptEnabled) await expect(page.locator('[data-error-summary]')).toBeFocused();
      await expectNoAxeViolations(page, javaScriptEnabled);

      await summary.getByRole('link', { name: 'Tell us what you are worried about' }).click();
      await expect(page.getByLabel('Tell us what you have seen or heard')).toBeFocused();
    });

    test('a complete report gets a reference only once it is stored, on a page of its own', async ({ page }) => {
      await page.goto('/report/');
      await fillValidReport(page);
      const post = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Send report' }).click();
      // Post/redirect/get: reload on the confirmation cannot send the report again.
      expect((await post).status()).toBe(303);
      await expect(page).toHaveURL(/\/report\/sent\/\?receipt=/);
      await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
      const reference = (await page.locator('[data-reference]').textContent())!.trim();
      expect(reference).toMatch(REFERENCE);
      expect(page.url()).not.toContain(reference);
      await expect(page).toHaveTitle(/^Report sent/);
      await expectNoAxeViolations(page, javaScriptEnabled);
    });

    test('asking to be contacted needs a way to contact you', async ({ page }) => {
      await page.goto('/report/');
      await page.getByLabel('Tell us what you have seen or heard').fill('A boy of about 14 is dropped off at the flat each night.');
      await page.getByLabel('Yes, you can contact me').check();
      await page.getByLabel('Email', { exact: true }).check();
      await page.getByLabel('Email address').fill('not-an-email');
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Send report' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter an email address in the correct format');
      await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
      await expect(page.getByLabel('Tell us what you have seen or heard')).toHaveValue('A boy of about 14 is dropped off at the flat each night.');
      await expectNoAxeViolations(page, javaScriptEnabled);
    });
  });
}

test('choosing "Yes, someone is in danger" is announced at once, and "No" takes the warning away', async ({ page }) => {
  await page.goto('/report/');
  // A live region must already be on the page, empty, for a screen reader to announce what appears in it.
  const live = page.locator('[data-danger-warning]');
  await expect(live).toHaveAttribute('role', 'alert');
  await expect(live).toHaveText('');
  const danger = page.getByRole('group', { name: 'Is anyone in danger right now?' });
  await danger.getByLabel('Yes').check();
  await expect(page.getByRole('alert')).toHaveText('Call 999 now. You can come back to this form afterwards.');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, true);
  await danger.getByLabel('No').check();
  await expect(live).toHaveText('');
});

test('the server-rendered error and confirmation pages are accessible', async ({ page }) => {
  await page.goto('/report/');
  // form.submit() skips the browser-side check, so the server's 422 page is what gets checked.
  await Promise.all([page.waitForURL('**/report/'), page.locator('[data-report-form]').evaluate((f: HTMLFormElement) => f.submit())]);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expectNoAxeViolations(page, true);
  await fillValidReport(page);
  await page.locator('[data-report-form]').evaluate((f: HTMLFormElement) => f.submit());
  await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
  await expectNoAxeViolations(page, true);
});

// On both targets: the Welsh form (its "how did you hear" question too) and its confirmation, which
// the translation notice and the language switcher open in another language with the same receipt,
// not as an expired page.
test('a report sent from the Welsh form is confirmed in Welsh, and in English and Polish with the same reference', async ({ page }) => {
  await page.goto('/cy/report/');
  await page.getByRole('group', { name: 'A oes unrhyw un mewn perygl ar hyn o bryd?' }).getByLabel('Nac oes').check();
  await page.getByLabel("Dywedwch wrthym beth rydych wedi'i weld neu ei glywed").fill('Mae ceir yn stopio y tu allan i rif 12 bob nos.');
  await page.getByRole('group', { name: /^Sut glywsoch chi am y wefan hon\?/ }).getByLabel('Ffordd arall').check();
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Anfon adroddiad' }).click();
  await expect(page.getByRole('heading', { name: "Adroddiad wedi'i anfon" })).toBeVisible();
  const reference = (await page.locator('[data-reference]').textContent())!.trim();
  expect(reference).toMatch(REFERENCE);
  // The draft translation's notice links to the English page, and the switcher to each language.
  await page.locator('[data-translation-notice]').getByRole('link', { name: 'Darllenwch y dudalen hon yn Saesneg.' }).click();
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/report\/sent\/\?receipt=/);
  await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
  await expect(page.locator('[data-reference]')).toHaveText(reference);
  await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'Polski' }).click();
  await expect(page.getByRole('heading', { name: 'Zgłoszenie wysłane' })).toBeVisible();
  await expect(page.locator('[data-reference]')).toHaveText(reference);
});

test('sending the same form twice gives one report, the same reference', async ({ page }) => {
  await page.goto('/report/');
  await fillValidReport(page);
  const form = await page.locator('[data-report-form]').evaluate((f: HTMLFormElement) => new URLSearchParams(new FormData(f) as never).toString());
  const send = () => page.request.post('/report/', { data: form, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(page.url()).origin } });
  const [first, second] = [await send(), await send()];
  const ref = (html: string) => html.match(/data-reference[^>]*>([A-Z0-9-]+)</)?.[1];
  expect(ref(await first.text())).toMatch(REFERENCE);
  expect(ref(await second.text())).toBe(ref(await first.text()));
});

test('the JSON API answers 201 with a reference, and 422 with field errors', async ({ request }) => {
  const { token, minFillSeconds } = await (await request.get('/api/reports/token')).json();
  expect(minFillSeconds).toBe(1);
  await new Promise((r) => setTimeout(r, 1100));
  const bad = await request.post('/api/reports', { data: { token, concern: '' } });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toEqual({ errors: [{ field: 'concern', message: 'Tell us what you are worried about' }] });
  const good = await request.post('/api/reports', { data: { token, concern: 'Two men are using the flat downstairs to sell drugs.' } });
  expect(good.status()).toBe(201);
  expect((await good.json()).reference).toMatch(REFERENCE);
});

test('the form page, rendered on demand, is one document: nothing after </html>', async ({ request }) => {
  const html = (await (await request.get('/report/')).text()).trim();
  expect(html.endsWith('</html>')).toBe(true);
  expect(html.indexOf('</html>')).toBe(html.lastIndexOf('</html>'));
});

test('the form page stays within its JavaScript budget (12 kB gzip), its checks included', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(r.url());
  });
  await page.goto('/report/');
  // The page's scripts load after its first paint (src/lib/after-paint.ts), and the form's checks
  // when someone first uses the form: all of it counts, each file gzipped as sent (gzipBodyBytes).
  await heldScriptsFetched(page);
  await page.getByLabel('Tell us what you have seen or heard').focus();
  await page.waitForLoadState('networkidle');
  let bytes = 0;
  for (const url of scripts) bytes += await gzipBodyBytes(url);
  const inline = await page.locator('script:not([src])').evaluateAll((s) => s.map((e) => e.textContent ?? ''));
  bytes += inline.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
  console.log(`/report/ JavaScript: ${bytes} B gzip as served, in ${scripts.size} files and ${inline.length} inline`);
  // The checks are most of it: a count without them would measure little (on Cloudflare nothing is
  // held, so only their file's name shows they were counted).
  expect([...scripts].some((url) => url.includes('/report-form-checks.'))).toBe(true);
  expect(bytes).toBeLessThanOrEqual(12 * 1024);
});

// "Tell us more", end to end, with JavaScript on and off: the confirmation shows the follow-up code
// once, the add-to-a-report form refuses a wrong code without losing what was typed, and with the
// right code the addition is stored. Every state is checked by axe.
import { expect, test, type Page } from '@playwright/test';
import { RECEIPT_MAX_AGE_MS } from '../../src/report/receipt.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

const REFERENCE = /^[A-HJ-NPR-Z2-9]{4}-[A-HJ-NPR-Z2-9]{4}$/;
const CODE = /^[A-HJ-NPR-Z2-9]{4}(-[A-HJ-NPR-Z2-9]{4}){3}$/;

test.describe.configure({ timeout: 90_000 });

/** Sends a report through the form and returns what the confirmation shows. */
async function sendReport(page: Page): Promise<{ reference: string; code: string }> {
  await page.goto('/report/');
  await page.getByLabel('Tell us what you have seen or heard').fill('A van parks by the garages every night and boys carry bags in.');
  // The form token asks for a short pause between loading and sending.
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
  const reference = (await page.locator('[data-reference]').textContent())!.trim();
  const code = (await page.locator('[data-follow-up-code]').textContent())!.trim();
  expect(reference).toMatch(REFERENCE);
  expect(code).toMatch(CODE);
  await expect(page.getByText(`The follow-up code is the only way to add to your report. This page shows it for ${RECEIPT_MAX_AGE_MS / 60_000} minutes after you send your report; after that it cannot be shown again or recovered`)).toBeVisible();
  return { reference, code };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 844 } });

    test('the code from the confirmation adds to the report; a wrong one is refused and nothing typed is lost', async ({ page }) => {
      const { reference, code } = await sendReport(page);
      await expectNoAxeViolations(page, javaScriptEnabled);

      await page.getByRole('link', { name: 'add to a report' }).click();
      await expect(page).toHaveURL(/\/report\/follow-up\/$/);
      await expectNoAxeViolations(page, javaScriptEnabled);
      await page.getByLabel('Reference').fill(reference.toLowerCase());
      // Another real-looking code: the same answer as for a reference that does not exist.
      const wrong = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      await page.getByLabel('Follow-up code').fill(wrong);
      await page.getByLabel('What do you want to add?').fill('It is a white van, and the plate starts KX.');
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Add to report' }).click();

      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toContainText('could not find a report with that reference and follow-up code');
      await expect(page).toHaveTitle(/^Error: Add to a report/);
      await expect(page.getByLabel('What do you want to add?')).toHaveValue('It is a white van, and the plate starts KX.');
      await expectNoAxeViolations(page, javaScriptEnabled);

      await page.getByLabel('Follow-up code').fill(code);
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Add to report' }).click();
      await expect(page.getByRole('heading', { name: 'Added to your report' })).toBeVisible();
      await expect(page.locator('[data-reference]')).toHaveText(reference);
      await expect(page.getByText('This is addition 1 to report')).toBeVisible();
      await expectNoAxeViolations(page, javaScriptEnabled);
    });
  });
}

test('the JSON API: a report answers with its follow-up code, and the code adds to it', async ({ request }) => {
  const token = async () => (await (await request.get('/api/reports/token')).json()).token as string;
  const first = await token();
  await new Promise((r) => setTimeout(r, 1100));
  const created = await request.post('/api/reports', { data: { token: first, concern: 'Two men use the flat downstairs to sell drugs.' } });
  expect(created.status()).toBe(201);
  const { reference, followUpCode } = await created.json();
  expect(followUpCode).toMatch(CODE);
  const second = await token();
  await new Promise((r) => setTimeout(r, 1100));
  const added = await request.post('/api/reports/follow-ups/', { data: { token: second, reference, followUpCode, details: 'They have a dog with them.' } });
  expect(added.status()).toBe(201);
  expect(await added.json()).toEqual({ reference, addition: 1 });
});

// True in every sentence, on a phone, with JavaScript on and off: each service says what happens to
// what you tell it (anonymous is not confidential); each fact says whether it was confirmed and
// against what; no promise the partnership cannot keep; every "call" can be tapped.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { contactFor } from '../../src/schemas/partnership.ts';
import { telHref } from '../../src/schemas/common.ts';
import { readMdx } from '../../scripts/lib/content.ts';
import { findService } from '../support/content.ts';
import { WCAG22AA } from '../support/site.ts';

const partnership = loadPartnership('content/partnership.yaml');
const withLine = findService((s) => typeof s.outOfHours === 'string');
const closedLocal = withLine && { ...withLine, line: String(readMdx('services').find((s) => s.file.endsWith(`/${withLine.id}.md`))!.data.outOfHours) };

test.use({ viewport: { width: 390, height: 844 } });

const card = (page: Page, id: string) => page.locator(`[data-service="${id}"]`);
/** Every tel: link in a part of the page, as the numbers they dial. */
const dialled = async (scope: import('@playwright/test').Locator) =>
  (await scope.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort();

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('each card says what happens to what you tell that service: anonymous is not confidential', async ({ page }) => {
      await page.goto('/help/');
      await expect(page.getByText('What you say is kept private, unless someone is in danger')).toHaveCount(0);
      await expect(card(page, 'crimestoppers').locator('[data-privacy]')).toHaveText('What you tell them: No name needed. What you tell them is passed on to the police, without your name.');
      await expect(card(page, 'fearless').locator('[data-privacy]')).toContainText('passed on to the police');
      await expect(card(page, 'modern-slavery-helpline').locator('[data-privacy]')).toContainText("They may pass on what you tell them to children's services or the police");
      await expect(card(page, 'childline').locator('[data-privacy]')).toContainText('Kept between you and them, unless they think someone is in serious danger.');
      await expect(card(page, 'police').locator('[data-privacy]')).toContainText('They may ask your name. You are talking to the police.');
      await expect(card(page, 'frank').locator('[data-privacy]')).toContainText('We could not confirm what they do with what you tell them');
    });

    test("a service's page gives its own words on what happens, with where and how that was checked", async ({ page }) => {
      await page.goto('/help/crimestoppers/');
      const section = page.locator('#what-you-tell-them ~ *').filter({ hasText: 'Anonymous does not mean secret' });
      await expect(section.first()).toBeVisible();
      await expect(page.getByText('What happens to what you tell them: checked on 22 November 2026 against a saved copy of the page at crimestoppers-uk.org, not the live page')).toBeVisible();
      await expect(page.getByRole('link', { name: 'crimestoppers-uk.org' }).last()).toHaveAttribute('href', 'https://crimestoppers-uk.org/give-information/what-we-do-with-your-information');
    });

    test('what could not be confirmed is shown plainly, and nothing claims a live check', async ({ page }) => {
      for (const [id, words] of [
        ['missing-people-safecall', 'SafeCall was relaunched in 2025'],
        ['victim-support', 'written in 2020'],
        ['childline', "Childline's online chat"],
        ['fearless', 'Which ages Fearless is for'],
        ['the-mix', 'may be the older rules'],
      ] as const) {
        await page.goto(`/help/${id}/`);
        await expect(page.locator('[data-unconfirmed]').filter({ hasText: words }), id).toBeVisible();
        await expect(page.locator('[data-unconfirmed]').filter({ hasText: words }), id).toContainText('Not confirmed:');
      }
      // A fact checked only against a saved copy says so; none of the demo's facts say "confirmed".
      await page.goto('/help/nspcc-helpline/');
      await expect(page.locator('[data-unconfirmed]')).toHaveCount(0);
      await expect(page.locator('[data-checked-against="saved-copy"]').first()).toContainText('The details above: checked on 21 November 2026 against a saved copy');
      await expect(page.getByText(/confirmed on/i)).toHaveCount(0);
      // From a card, the reader reaches what was not confirmed in one tap.
      await page.goto('/help/');
      await card(page, 'missing-people-safecall').getByRole('link', { name: /what we could not confirm about SafeCall/ }).click();
      await expect(page).toHaveURL(/\/help\/missing-people-safecall\/#checked$/);
      await expect(page.locator('#checked [data-unconfirmed]')).toBeInViewport();
      await expect(card(page, 'nspcc-helpline')).toHaveCount(0);
    });

    test("the partnership's own numbers say where they were checked, one tap away", async ({ page }) => {
      await page.goto('/parents/');
      const sources = page.locator('.contact-list details').first();
      await expect(sources.getByText('Police, when it is not an emergency: checked on 21 November 2026')).toBeHidden();
      await sources.getByText('Where these numbers come from').click();
      await expect(sources.getByText('Police, when it is not an emergency: checked on 21 November 2026 against a saved copy')).toBeVisible();
    });

    test('the Crime and Policing Act 2026 offence is never stated as in force', async ({ page }) => {
      await page.goto('/law/crime-and-policing-act-2026/');
      await expect(page.locator('[data-unconfirmed]')).toContainText('Whether the child criminal exploitation and cuckooing offences are in force yet');
      for (const path of ['/child-criminal-exploitation/', '/myths-and-facts/']) {
        await page.goto(path);
        const main = page.locator('main');
        await expect(main, path).not.toContainText('Since 2026 the law makes');
        await expect(main, path).toContainText('we could not confirm that it is');
        await expect(main.getByRole('link', { name: 'Crime and Policing Act 2026' }), path).toHaveAttribute('href', '/law/crime-and-policing-act-2026/');
      }
    });

    test('no page promises a child or parent "you are not in trouble"', async ({ page }) => {
      for (const path of ['/young-people/', '/parents/', '/check/', '/warning-signs/', '/campaigns/whos-controlling-your-child/']) {
        await page.goto(path);
        await expect(page.locator('main'), path).not.toContainText(/not in trouble/i);
      }
      await page.goto('/young-people/');
      await expect(page.getByRole('heading', { name: 'Will I get in trouble?' })).toBeVisible();
      await expect(page.locator('main')).toContainText('Nobody can promise you that nothing will happen');
      await expect(page.locator('main')).toContainText('section 45 defence');
    });

    test('Silent Solution is explained: press 55 on a mobile when asked', async ({ page }) => {
      await page.goto('/help/police/');
      const main = page.locator('main');
      await expect(main).not.toContainText('If you cannot speak, stay on the line');
      await expect(main).toContainText('press 55 when it asks');
      await expect(main).toContainText('works only from a mobile');
    });

    test("Kooth is not said to be for anyone in the UK: its own age and area limits are", async ({ page }) => {
      await page.goto('/help/kooth/');
      await expect(page.locator('main')).not.toContainText('For anyone in the UK');
      await expect(page.locator('main')).toContainText('Who it is for: Young people aged about 10 to 25, in areas where the local NHS or council pays for Kooth.');
    });

    test('no dead ends: Fearless is linked, a closed local service gives its out-of-hours number, checker advice can be tapped', async ({ page }) => {
      await page.goto('/young-people/');
      await expect(card(page, 'fearless').getByRole('link', { name: 'Fearless', exact: true })).toHaveAttribute('href', '/help/fearless/');
      await expect(card(page, 'fearless').getByRole('link', { name: 'www.fearless.org' })).toHaveAttribute('href', 'https://www.fearless.org/');

      // A local service that names a line to call when it is closed, from the content.
      if (closedLocal) {
        const line = contactFor(partnership, closedLocal.line);
        await page.goto(`/help/${closedLocal.id}/`);
        await expect(page.locator('main')).not.toContainText('Out of hours, call ');
        await expect(page.locator('main p').filter({ hasText: 'When they are closed:' })).toContainText(`call ${line.label} on ${line.number}`);
        expect(await dialled(page.locator('main'))).toContain(telHref(line.number));
      }

      await page.goto('/check/');
      if (javaScriptEnabled) {
        await page.getByLabel('Going missing, staying out late', { exact: false }).check();
        await expect(page.locator('[data-step="missing"] a[href="tel:999"]')).toBeVisible();
      } else {
        // Without JavaScript every group's next step shows; more than one may give the 999 number.
        await expect(page.locator('[data-step-inline] a[href="tel:999"]').first()).toBeVisible();
      }
      // The "Who are you?" choice exists only with JavaScript; without it every audience's advice is shown.
      if (javaScriptEnabled) await page.getByLabel("I'm a parent or carer").check();
      const parentAdvice = page.locator('[data-audience="parent"]');
      const lines = ['children', 'out-of-hours', 'police', 'emergency'].map((key) => telHref(contactFor(partnership, key).number));
      expect(await dialled(parentAdvice)).toEqual([...lines].sort());
      await expect(parentAdvice.getByRole('link', { name: 'report a concern' })).toHaveAttribute('href', '/report/');
      if (javaScriptEnabled) await page.getByLabel("I'm worried about myself").check();
      const youngAdvice = page.locator('[data-audience="young-person"]');
      if (javaScriptEnabled) await expect(youngAdvice).toBeVisible();
      expect(await dialled(youngAdvice)).toEqual(['tel:08001111', 'tel:999']);
      await expect(youngAdvice.getByRole('link', { name: 'Fearless', exact: true })).toHaveAttribute('href', '/help/fearless/');
      if (javaScriptEnabled) {
        const axe = await new AxeBuilder({ page }).withTags(WCAG22AA).analyze();
        expect(axe.violations.map((v) => v.id)).toEqual([]);
      }
    });

    test('the report form says when reports are read, and who to call at other times', async ({ page }) => {
      await page.goto('/report/');
      const hours = page.locator('[data-report-hours]');
      await expect(hours).toContainText('When reports are read (UK time): Monday to Friday, 9am to 5pm. Closed on bank holidays.');
      await expect(hours).toContainText('At other times nobody reads this form.');
      expect(await dialled(hours)).toEqual([telHref(contactFor(partnership, 'out-of-hours').number), telHref(contactFor(partnership, 'emergency').number)].sort());
      await expect(page.locator('main .warning').first().getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
    });

    test('a form that must be sent again says why, and keeps every word', async ({ page }) => {
      await page.goto('/report/');
      await page.getByLabel('Tell us what you have seen or heard').fill('A van parks outside the school at 3pm and two boys get in.');
      // A copy of the form that the server cannot check, as an old saved page would be.
      await page.locator('input[name="token"]').evaluate((input: HTMLInputElement) => { input.value = 'not-a-token'; });
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Send report' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toContainText('Your report was not sent, because this copy of the form could not be checked');
      await expect(summary).toContainText('Your answers are still here');
      await expect(page.getByLabel('Tell us what you have seen or heard')).toHaveValue('A van parks outside the school at 3pm and two boys get in.');
    });

    test('the confirmation promises nothing it cannot keep, and says when the report will be read', async ({ page }) => {
      await page.goto('/report/');
      await page.getByRole('group', { name: 'Is anyone in danger right now?' }).getByLabel('Yes').check();
      await page.getByLabel('Tell us what you have seen or heard').fill('A girl of about 13 was pushed into a car on Mill Lane.');
      await page.waitForTimeout(1100);
      await page.getByRole('button', { name: 'Send report' }).click();
      await expect(page.getByRole('heading', { name: 'Report sent' })).toBeVisible();
      const main = page.locator('main');
      await expect(main).not.toContainText('in case you want to tell us more');
      await expect(main.locator('[data-report-hours]')).toContainText('At other times nobody reads this form.');
      await expect(main.locator('.warning').getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
    });
  });
}

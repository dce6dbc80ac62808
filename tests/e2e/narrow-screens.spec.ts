// A 320 px screen (WCAG 1.4.10: a small phone, or a desktop zoomed to 400%) never scrolls sideways,
// and nothing a reader must copy out runs off its edge. The review of 23 Nov (02:30) found the
// follow-up code running off 360 and 375 px phones (and cut off on Urdu pages, whose overflow is on
// the side a right-to-left page cannot scroll to), and the help lists widened by one long address.
import { expect, test, type Page } from '@playwright/test';

const NARROW = { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true };
const CODE = /^[A-HJ-NPR-Z2-9]{4}(-[A-HJ-NPR-Z2-9]{4}){3}$/;

/** The page's width as laid out, and the viewport's: equal when nothing scrolls sideways. */
const widths = (page: Page) => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth] as const);

test.use(NARROW);

for (const javaScriptEnabled of [true, false]) {
  for (const language of ['', '/ur']) {
    test(`the follow-up code fits a 320 px screen (${language ? 'Urdu' : 'English'}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}), and reads exactly`, async ({ browser }) => {
      const context = await browser.newContext({ ...NARROW, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${language}/report/`);
      await page.locator('#field-concern').fill('A van parks by the garages every night and boys carry bags in.');
      // The form token asks for a short pause between loading and sending.
      await page.waitForTimeout(1100);
      await page.locator('#report-form button[type="submit"]:not([name])').click();
      await expect(page).toHaveURL(/\/report\/sent\//);
      const code = page.locator('[data-follow-up-code]');
      // What is copied or read out is the code itself: the breaks between its groups add nothing.
      expect((await code.textContent())!.trim()).toMatch(CODE);
      // Every letter of it is on the screen: its text, not just its box, within the viewport.
      const [left, right] = await code.evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        const box = range.getBoundingClientRect();
        return [box.left, box.right];
      });
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(NARROW.viewport.width);
      const [scroll, client] = await widths(page);
      expect(scroll).toBeLessThanOrEqual(client);
      await context.close();
    });
  }
}

// Every page is checked at 320 px by every-page.spec.ts; this is the list that was too wide, and why.
test('a long web address breaks inside its card, so a help list fits a 320 px screen', async ({ page }) => {
  await page.goto('/help/need/housing/');
  const [scroll, client] = await widths(page);
  expect(scroll, `/help/need/housing/ is ${scroll} px wide on a ${client} px screen`).toBeLessThanOrEqual(client);
  // The address that did it is still one link, shown whole.
  await expect(page.locator('[data-service="modern-slavery-helpline"]').getByRole('link', { name: 'www.modernslaveryhelpline.org' })).toBeVisible();
});

// The shared 404 page in every language, and the Urdu font wherever Urdu is written: the Urdu section
// of the 404 page is drawn in Nastaliq (not in a system font without Urdu's letters), while a page
// with no Urdu text but the language switcher's "اردو" downloads no font at all.
import { expect, test, type Page } from '@playwright/test';
import { PHONE } from '../support/phone.ts';

test.use(PHONE);

/** The URLs of every font the page downloads. */
function watchFonts(page: Page): string[] {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font' || /\.woff2?(\?|$)/.test(r.url())) fonts.push(r.url());
  });
  return fonts;
}

/** The families the browser has finished loading for this page. */
const loadedFamilies = (page: Page) => page.evaluate(async () => {
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
});

test('a page with no Urdu text downloads no font; the 404 page, which has an Urdu section, draws it in Nastaliq', async ({ browser }) => {
  for (const path of ['/', '/pl/', '/cy/check/']) {
    // A fresh browser each time, so nothing comes from the cache of an earlier page.
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const fonts = watchFonts(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    // The switcher's "اردو" is on the page, in the system font.
    await expect(page.locator('.language-nav [lang="ur"]')).toHaveCount(1);
    expect(fonts, path).toEqual([]);
    expect(await loadedFamilies(page), path).not.toContain('Noto Nastaliq Urdu');
    await context.close();
  }
  for (const path of ['/pl/nie-ma-takiej-strony/', '/no-such-page/']) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const fonts = watchFonts(page);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expect(fonts, path).toHaveLength(1);
    expect(fonts[0]).toMatch(/\/_astro\/noto-nastaliq-urdu-[0-9a-f]{16}\.[\w-]+\.woff2$/);
    expect(await loadedFamilies(page), path).toContain('Noto Nastaliq Urdu');
    const urdu = page.locator('section[lang="ur"]');
    expect(await urdu.locator('h2').evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/^"Noto Nastaliq Urdu"/);
    // Nastaliq's tall letters get their line height in the Urdu section of an English page too.
    const lineHeight = await urdu.locator('p').first().evaluate((p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize));
    expect(lineHeight).toBeGreaterThan(2);
    await context.close();
  }
});

for (const [code, heading] of [['pl', 'Nie znaleziono strony'], ['cy', "Heb ddod o hyd i'r dudalen"], ['ur', 'صفحہ نہیں ملا']] as const) {
  test(`the 404 page under /${code}/ shows the reader's language first`, async ({ page }) => {
    await page.goto(`/${code}/no-such-page/`);
    const first = page.locator('main .prose > *').first();
    await expect(first).toHaveAttribute('lang', code);
    await expect(first.getByRole('heading', { level: 2 })).toHaveText(heading);
    // Straight after the page's heading, on the first screen.
    const box = (await first.boundingBox())!;
    expect(box.y).toBeLessThan(PHONE.viewport.height - 100);
    // The English is still there, after it.
    await expect(page.locator('main .prose > *').nth(1)).not.toHaveAttribute('lang', /.+/);
  });
}

test('the 404 page at an English address keeps English first', async ({ page }) => {
  await page.goto('/no-such-page/');
  await expect(page.locator('main .prose > *').first()).not.toHaveAttribute('lang', /.+/);
});

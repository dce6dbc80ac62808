// The site in Welsh, Polish and Urdu, as a reader meets it: right-to-left layout that mirrors, the
// Urdu font only on Urdu pages and only from this site, search that answers in the page's language,
// the report form answering in Welsh with JavaScript on and off, and the team told which language
// a report was written in.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { openSearchFilters } from '../support/search-page.ts';

test.use({ viewport: { width: 390, height: 844 } });

/** The URLs of every font the page downloads. */
function watchFonts(page: Page): string[] {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font' || /\.woff2?(\?|$)/.test(r.url())) fonts.push(r.url());
  });
  return fonts;
}

test('an Urdu page runs right to left: Exit this page at the inline end, nothing off the side', async ({ page }) => {
  for (const [path, side] of [['/', 'right'], ['/ur/', 'left']] as const) {
    // On a phone the button is a bar as wide as the page; from the tablet breakpoint it sits at the
    // inline end: the right in English, the left in Urdu.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(path);
    const exit = (await page.locator('exit-this-page a[data-exit-link]').boundingBox())!;
    const middle = exit.x + exit.width / 2;
    expect(side === 'right' ? middle > 512 : middle < 512, `${path}: Exit this page on the ${side}`).toBe(true);
    // No page may scroll sideways: a physical "left: -9999px" would make an RTL page 10,000 px wide.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // Crimestoppers' number keeps its digit groups in order, left to right: unisolated in a
  // right-to-left line, "0800 555 111" would show as "111 555 0800".
  const order = await page.locator('a[href="tel:0800555111"]').first().evaluate((link) => {
    const text = link.querySelector('bdi')!.firstChild!;
    const at = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, end);
      return range.getBoundingClientRect().left;
    };
    return { first: at(0, 4), last: at(9, 12) };
  });
  expect(order.first).toBeLessThan(order.last);
});

test('the Urdu font is downloaded by Urdu pages only, and from this site', async ({ page, baseURL }) => {
  const fonts = watchFonts(page);
  for (const path of ['/', '/cy/', '/pl/check/', '/parents/']) await page.goto(path, { waitUntil: 'networkidle' });
  expect(fonts).toEqual([]);
  await page.goto('/ur/help/', { waitUntil: 'networkidle' });
  expect(fonts).toHaveLength(1);
  // The copy cut to Urdu's letters at build time (src/integrations/urdu-font.ts), not the whole font.
  expect(fonts[0]).toMatch(new RegExp(`^${baseURL}/_astro/noto-nastaliq-urdu-[0-9a-f]{16}\\.[\\w-]+\\.woff2$`));
  expect((await (await page.request.get(fonts[0]!)).body()).length).toBeLessThan(120 * 1024);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'اردو'))).toBe(true);
});

test('searching on an Urdu page finds Urdu pages', async ({ page }) => {
  await page.goto('/ur/search/');
  await page.getByLabel('آپ کیا تلاش کر رہے ہیں؟').fill('علامات');
  await page.getByRole('button', { name: 'تلاش کریں', exact: true }).last().click();
  const results = page.locator('[data-search-results] a');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs.length).toBeGreaterThan(0);
  // Urdu pages, and the Easy Read pages (in English only, filed in every language's index) marked as English.
  expect(hrefs.every((h) => h.startsWith('/ur/') || h.startsWith('/easy-read/'))).toBe(true);
  expect(hrefs[0]).toBe('/ur/warning-signs/');
  const english = page.locator('[data-search-results] a[href^="/easy-read/"]');
  expect(await english.count()).toBeGreaterThan(0);
  for (const link of await english.all()) await expect(link).toContainText('(انگریزی میں)');
  await expect(page.locator('[data-search-status]')).toContainText('“علامات” کے لیے');
});

test('the language switcher names each language in itself and goes to the same page where it exists', async ({ page }) => {
  await page.goto('/check/');
  const nav = page.getByRole('navigation', { name: 'Languages' });
  await expect(nav.getByRole('link', { name: 'Cymraeg' })).toHaveAttribute('href', '/cy/check/');
  await expect(nav.getByRole('link', { name: 'اردو' })).toHaveAttribute('lang', 'ur');
  await nav.getByRole('link', { name: 'Polski' }).click();
  await expect(page).toHaveURL(/\/pl\/check\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprawdź, co zauważyłeś');
  await expect(page.getByRole('navigation', { name: 'Języki' }).locator('[aria-current="true"]')).toHaveText('Polski');
  // A page with no Welsh version sends Welsh readers to the Welsh home page, and says so.
  await page.goto('/law/');
  await expect(page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: /^Cymraeg/ })).toHaveAttribute('href', '/cy/');
});

for (const javaScriptEnabled of [true, false]) {
  test(`the Welsh report form answers in Welsh (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/cy/report/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await page.getByRole('group', { name: 'Ydych chi am i ni allu cysylltu â chi?' }).getByLabel('Ydw, gallwch gysylltu â mi').check();
    await page.getByRole('button', { name: 'Anfon adroddiad' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Mae problem' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link')).toHaveText(["Dywedwch wrthym beth sy'n eich poeni", 'Dewiswch sut y dylem gysylltu â chi, neu dewiswch aros yn ddienw']);
    await expect(page.locator('#concern-error')).toContainText("Gwall: Dywedwch wrthym beth sy'n eich poeni");
    await expect(page).toHaveTitle(/^Gwall: Rhoi gwybod am bryder/);
    await context.close();
  });
}

test('a Welsh page speaks Welsh where the browser knows no Welsh: day names, plurals, report status, sources', async ({ page }) => {
  // Chromium has no Welsh data: its own Intl would say "Monday" and pick English plural forms.
  expect(await page.evaluate(() => Intl.DateTimeFormat.supportedLocalesOf('cy'))).toEqual([]);
  // Friday 17 July 2026, 17:30 BST: nobody reads reports until Monday.
  await page.clock.setFixedTime(new Date('2026-07-17T16:30:00Z'));
  await page.goto('/cy/report/');
  await expect(page.locator('[data-report-hours] [data-open-status]')).toHaveText('Does neb yn darllen adroddiadau nawr · yn darllen eto o 09:00 Dydd Llun, amser y DU');
  // Welsh has a form for two: "press twice more", not "press 2 times more". (The shortcut works once
  // its script has run, just after the first paint: it shows the hint then.)
  await expect(page.locator('[data-exit-hint]')).not.toHaveAttribute('hidden');
  await page.keyboard.press('Shift');
  await expect(page.locator('[data-exit-status]')).toHaveText('Shift: pwyswch ddwywaith eto i adael.');
  await page.goto('/cy/parents/');
  const sources = page.locator('.contact-list details').first();
  await sources.getByText("O ble daw'r rhifau hyn").click();
  await expect(sources.getByText("Yr heddlu, pan nad yw'n argyfwng: gwiriwyd ar 21 Tachwedd 2026 yn erbyn copi wedi'i gadw")).toBeVisible();
});

test('a report sent in Welsh is confirmed in Welsh, the team is told it was in Welsh, and it is added to in Welsh', async ({ page }) => {
  await page.goto('/cy/report/');
  await page.getByRole('group', { name: 'A oes unrhyw un mewn perygl ar hyn o bryd?' }).getByLabel('Nac oes').check();
  await page.getByLabel("Dywedwch wrthym beth rydych wedi'i weld neu ei glywed").fill('Mae ceir yn stopio y tu allan i rif 12 bob ychydig funudau ar ôl 10yh.');
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Anfon adroddiad' }).click();
  await expect(page.getByRole('heading', { name: "Adroddiad wedi'i anfon" })).toBeVisible();
  const reference = (await page.locator('[data-reference]').textContent())!.trim();
  const shown = execFileSync(process.execPath, ['src/targets/node/cli.ts', 'show', reference], {
    env: { ...process.env, REPORT_DB_PATH: '.tmp/e2e/reports.sqlite', REPORT_KEY_FILE: '.tmp/e2e/report.key' },
    encoding: 'utf8',
  });
  expect(shown).toContain('Form language: Welsh (cy)');
  expect(shown).toContain('Mae ceir yn stopio');

  // The confirmation's follow-up link goes to the Welsh form; a wrong code is refused in Welsh
  // (its words kept), the right one adds to the report, confirmed in Welsh.
  const code = (await page.locator('[data-follow-up-code]').textContent())!.trim();
  await page.getByRole('link', { name: 'ychwanegu at adroddiad' }).click();
  await expect(page).toHaveURL(/\/cy\/report\/follow-up\/$/);
  await page.getByLabel('Cyfeirnod').fill(reference);
  await page.getByLabel('Cod dilynol').fill(code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
  await page.getByLabel('Beth ydych chi am ei ychwanegu?').fill('Car glas.');
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Ychwanegu at adroddiad' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Mae problem' })).toContainText("Ni allem ddod o hyd i adroddiad gyda'r cyfeirnod a'r cod dilynol hwnnw");
  await expect(page).toHaveTitle(/^Gwall: Ychwanegu at adroddiad/);
  await expect(page.getByLabel('Beth ydych chi am ei ychwanegu?')).toHaveValue('Car glas.');
  await page.getByLabel('Cod dilynol').fill(code);
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Ychwanegu at adroddiad' }).click();
  await expect(page.getByRole('heading', { name: "Wedi'i ychwanegu at eich adroddiad" })).toBeVisible();
  await expect(page.locator('[data-reference]')).toHaveText(reference);
});

test('Easy Read is found from the page it is a version of, and from search as a filter', async ({ page }) => {
  await page.goto('/report/');
  await page.getByRole('link', { name: 'Easy Read version of this page, with pictures' }).click();
  await expect(page).toHaveURL(/\/easy-read\/reporting\/$/);
  await expect(page.getByRole('img', { name: 'A laptop computer' })).toBeVisible();
  // On a Welsh page the link says the Easy Read is in English.
  await page.goto('/cy/report/');
  await expect(page.locator('.easy-read-link')).toContainText('(yn Saesneg)');

  await page.goto('/search/?q=help');
  await expect(page.locator('[data-search-results] a').first()).toBeVisible();
  expect(await page.locator('[data-search-results] a').evaluateAll((links) => links.some((a) => !a.getAttribute('href')!.includes('/easy-read/')))).toBe(true);
  await openSearchFilters(page);
  await page.getByRole('checkbox', { name: 'Easy Read' }).check();
  await expect(page.locator('[data-search-status]')).toContainText('for “help”');
  await expect(async () => {
    const hrefs = await page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h.startsWith('/easy-read/'))).toBe(true);
  }).toPass();
});

test('on a phone the partnership name and the Menu button never overlap, whatever the language calls it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/', '/cy/', '/pl/', '/ur/']) {
    await page.goto(path);
    // Each line of the name as drawn, against the button's box.
    const hits = await page.evaluate(() => {
      const name = document.querySelector('header .site-name')!;
      const menu = document.querySelector('header summary.menu-button')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(name);
      return [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.left < menu.right && menu.left < r.right && r.top < menu.bottom && menu.top < r.bottom)
        .map((r) => `${Math.round(r.left)}–${Math.round(r.right)} against ${Math.round(menu.left)}–${Math.round(menu.right)}`);
    });
    expect(hits, path).toEqual([]);
  }
});

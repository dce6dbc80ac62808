// Urdu as it is written, on a phone: opening hours with Urdu's own punctuation, and an English note
// after a phone number kept in one piece, in the right order, in a right-to-left line.
import { expect, test } from '@playwright/test';
import { PHONE } from '../support/phone.ts';

test.use(PHONE);

test('on /ur/help/, hours use Urdu punctuation and an English note after a number reads in order', async ({ page }) => {
  await page.goto('/ur/help/');
  const safecall = page.locator('li', { has: page.locator('a[href="tel:116000"]') }).first();
  // "پیر سے اتوار تک، 09:00 سے 23:00 تک۔", not "پیر سے اتوار تک, 09:00 سے 23:00 تک."
  const hours = safecall.locator('.text-muted').first();
  await expect(hours).toHaveText(/^[^,.;]+،[^,.;]+۔$/);

  const note = safecall.locator('[lang="en-GB"]', { hasText: 'Free, even with no credit' });
  await expect(note).toHaveText('(Free, even with no credit)');
  const shape = await note.evaluate((n) => {
    const text = n.firstChild!;
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return range.getBoundingClientRect();
    };
    const box = n.getBoundingClientRect();
    const number = n.closest('li')!.querySelector('a[href="tel:116000"]')!.getBoundingClientRect();
    return { open: at(0), box, number, length: text.textContent!.length };
  });
  // Left to right inside: the opening bracket starts the note's first line, at its left edge.
  expect(Math.abs(shape.open.left - shape.box.left)).toBeLessThan(2);
  expect(shape.open.top - shape.box.top).toBeLessThan(shape.open.height / 2);
  // Whole: either beside the number on one line, or on lines of its own below it, never split around it.
  const oneLine = shape.box.height < shape.open.height * 1.5;
  expect(oneLine || shape.box.top >= shape.number.bottom - 1).toBe(true);
});

// A Snapchat name and a phone number typed in Latin letters on the Urdu form read as typed: each
// free-text box follows what is typed in it (dir="auto"), where a right-to-left box showed
// "@dan_x99 on Snapchat" as "dan_x99 on Snapchat@". Urdu typed there stays right to left.
test('on /ur/report/, a free-text box follows the direction of what is typed in it', async ({ page }) => {
  await page.goto('/ur/report/');
  const concern = page.locator('#field-concern');
  const direction = () => concern.evaluate((c) => getComputedStyle(c).direction);
  await concern.fill('@dan_x99 on Snapchat, 07700 900 123');
  expect(await direction()).toBe('ltr');
  await concern.fill('وہ سکول کے باہر انتظار کرتا ہے');
  expect(await direction()).toBe('rtl');
  // The reference and the code are always left to right; the page itself is right to left.
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
});

// The Urdu web font arrives after the page is drawn (font-display: swap). In DejaVu Sans, the system
// font most Linux desktops draw Urdu in until then, Urdu was 19% wider, so lines wrapped otherwise and
// the page moved up to 61 px when the font came (review of 21:30: CLS 0.13-0.31); the fallback is now
// scaled to Nastaliq's width (src/styles/global.css). The font is held back until the page has been
// drawn, then let through, and the shifts it causes are summed as the browser reports them.
for (const [width, height] of [[390, 844], [1280, 800]] as const) {
  test(`on /ur/parents/ at ${width}x${height}, the Urdu font arriving late moves nothing`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/noto-nastaliq-urdu.*\.woff2$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.addInitScript(() => {
      const shifts: { value: number; moved: number }[] = [];
      (window as unknown as { shifts: typeof shifts }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; sources: { previousRect: DOMRect; currentRect: DOMRect }[] }[]) {
          shifts.push({ value: e.value, moved: Math.max(0, ...e.sources.map((s) => Math.abs(s.currentRect.y - s.previousRect.y))) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Not until "load": the held font holds that up.
    await page.goto('/ur/parents/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const fallback = await page.evaluate(() => document.fonts.load('16px "Urdu fallback"', 'ب').then((faces) => faces.length > 0));
    test.skip(!fallback, 'this machine has no DejaVu Sans, the font the fallback scales');
    await page.waitForTimeout(500);
    const sum = () => page.evaluate(() => (window as unknown as { shifts: { value: number; moved: number }[] }).shifts);
    const before = (await sum()).length;
    release();
    await page.waitForFunction(() => [...document.fonts].some((f) => f.family.includes('Nastaliq') && f.status === 'loaded'));
    await page.waitForTimeout(500);
    const after = (await sum()).slice(before);
    const score = after.reduce((total, s) => total + s.value, 0);
    expect(score, JSON.stringify(after)).toBeLessThan(0.01);
    expect(Math.max(0, ...after.map((s) => s.moved)), 'pixels moved').toBeLessThanOrEqual(2);
  });
}

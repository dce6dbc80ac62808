// "Exit this page": on screen at every scroll position on a phone and a desktop; by tap, by the first
// Tab stop and by Shift pressed three times — also while typing in a field, ticking a box or choosing
// a radio — and without JavaScript. The neutral site is answered by the test itself, so no request
// leaves the machine.
import { expect, test, type Page } from '@playwright/test';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { PHONE } from '../support/phone.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

const { exitUrl } = loadPartnership('content/partnership.yaml');
const exitButton = (page: Page) => page.getByRole('link', { name: /^Emergency: Exit this page/ });

async function stubExitSite(page: Page) {
  await page.context().route(`${new URL(exitUrl).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
}

/** The button is wholly inside the viewport and nothing covers its middle. */
async function expectOnScreen(page: Page) {
  const button = exitButton(page);
  const box = (await button.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-exit-link]') !== null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(onTop, 'nothing covers the button').toBe(true);
}

/**
 * The Shift shortcut works once the page's script has run, which is just after the first paint
 * (src/lib/after-paint.ts); the button itself is a link and works from the start. The script shows
 * the shortcut's hint when it is ready.
 */
async function shortcutReady(page: Page) {
  await expect(page.locator('[data-exit-hint]')).not.toHaveAttribute('hidden');
}

async function scrollTo(page: Page, fraction: number) {
  // Aimed again while waiting: a page script that runs after the first paint can make the page taller
  // (the checker's boxes), and a scroll measured before that never matches after.
  await page.waitForFunction((f) => {
    const target = (document.documentElement.scrollHeight - innerHeight) * f;
    if (Math.abs(scrollY - target) >= 2) window.scrollTo(0, target);
    return Math.abs(scrollY - target) < 2;
  }, fraction);
}

const LONG_PAGES = ['/report/', '/check/', '/law/modern-slavery-act-2015/', '/'];

for (const [device, options] of [['phone', PHONE], ['desktop', { viewport: { width: 1280, height: 800 } }]] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`on a ${device}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ ...options, javaScriptEnabled });
      test.beforeEach(async ({ page }) => stubExitSite(page));

      test('the button stays on screen at the top, middle and bottom of long pages', async ({ page }) => {
        for (const path of LONG_PAGES) {
          await page.goto(path);
          // Once its script has run (its hint shown, after the first paint), the page keeps its height.
          if (javaScriptEnabled) await shortcutReady(page);
          for (const fraction of [0, 0.5, 1]) {
            await scrollTo(page, fraction);
            await expectOnScreen(page);
          }
        }
      });

      test('scrolled to the bottom of the report form, one tap or click leaves', async ({ page }) => {
        await page.goto('/report/');
        await scrollTo(page, 1);
        if (device === 'phone') await exitButton(page).tap();
        else await exitButton(page).click();
        await expect(page).toHaveURL(exitUrl);
      });
    });
  }
}

test.describe('with JavaScript', () => {
  test.beforeEach(async ({ page }) => stubExitSite(page));

  test('the button leaves, and Back goes to the page before, not the page that was left', async ({ page }) => {
    await page.goto('/');
    await page.goto('/young-people/');
    await exitButton(page).click();
    await expect(page).toHaveURL(exitUrl);
    await page.goBack();
    // The page that was left has gone from history: Back lands on the one before it.
    await expect(page).toHaveURL(/\/$/);
  });

  test('on a desktop the Shift hint appears without moving the page', async ({ page }) => {
    // The hint shows when the script is ready, just after the first paint (src/lib/after-paint.ts):
    // its line is there, unseen, from the start, so nothing someone has begun to read moves.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const button = document.querySelector('[data-exit-link]')!.getBoundingClientRect();
        (window as unknown as { before: number[] }).before = [document.querySelector('main')!.getBoundingClientRect().top, button.left, button.width];
      });
    });
    for (const path of ['/parents/', '/pl/help/', '/ur/help/']) {
      await page.goto(path);
      await shortcutReady(page);
      await expect(page.locator('[data-exit-hint]')).toBeVisible();
      // Nor the button's edge: it is wide enough for the hint (Polish's is the widest).
      const [before, after] = await page.evaluate((): [number[], number[]] => {
        const button = document.querySelector('[data-exit-link]')!.getBoundingClientRect();
        return [(window as unknown as { before: number[] }).before, [document.querySelector('main')!.getBoundingClientRect().top, button.left, button.width]];
      });
      // (On an Urdu page the page's own font arrives after the first paint and changes the header's
      // height, moving the page whatever Exit does: there only the button's edge is compared.)
      if (path.startsWith('/ur/')) expect(after.slice(1), path).toEqual(before.slice(1));
      else expect(after, path).toEqual(before);
    }
  });

  test('Shift pressed three times leaves, and each press is announced and lit', async ({ page }) => {
    await page.goto('/parents/');
    await shortcutReady(page);
    const status = page.locator('[data-exit-status]');
    const lit = page.locator('[data-exit-dots] [data-on]');
    await expect(page.locator('[data-exit-dots]')).toBeHidden();
    await page.keyboard.press('Shift');
    await expect(status).toHaveText('Shift, press 2 more times to exit.');
    await expect(lit).toHaveCount(1);
    await page.keyboard.press('Shift');
    await expect(status).toHaveText('Shift, press 1 more time to exit.');
    await expect(lit).toHaveCount(2);
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(exitUrl);
  });

  // The moment someone is filling in a form is the moment they most need to leave.
  const focusCases: [string, string, (page: Page) => Promise<void>][] = [
    ['typing in the report form', '/report/', async (page) => {
      await page.getByLabel('Tell us what you have seen or heard').click();
      await page.keyboard.type('A man waits outside the school');
    }],
    ['on a radio button', '/report/', async (page) => page.getByLabel('A neighbour or member of the community').check()],
    ['on a checkbox', '/check/', async (page) => page.getByLabel('Going missing, staying out late', { exact: false }).check()],
    ['in the search box', '/search/', async (page) => page.getByLabel('What are you looking for?').fill('help')],
  ];
  for (const [name, path, focus] of focusCases) {
    test(`Shift pressed three times leaves with focus ${name}`, async ({ page }) => {
      await page.goto(path);
      await shortcutReady(page);
      await focus(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await expect(page).toHaveURL(exitUrl);
    });
  }

  test('typing capital letters in a field never counts, whichever key is let go first', async ({ page }) => {
    await page.goto('/report/');
    const field = page.getByLabel('Tell us what you have seen or heard');
    await field.click();
    // Shift down, letter down and up, Shift up: how most people type a capital.
    for (const letter of ['H', 'E', 'L']) await page.keyboard.press(`Shift+${letter}`);
    // A fast typist often lets go of Shift before the letter.
    for (const letter of ['J', 'K', 'M']) {
      await page.keyboard.down('Shift');
      await page.keyboard.down(letter);
      await page.keyboard.up('Shift');
      await page.keyboard.up(letter);
    }
    await expect(page).toHaveURL(/\/report\/$/);
    await expect(field).toHaveValue('HELJKM');
    await expect(page.locator('[data-exit-status]')).toHaveText('');
  });

  test('another key between presses starts the count again', async ({ page }) => {
    await page.goto('/parents/');
    await shortcutReady(page);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    await expect(page).toHaveURL(/\/parents\/$/);
    await expect(page.locator('[data-exit-status]')).toHaveText('Shift, press 2 more times to exit.');
  });

  test('the first Tab stop is Exit this page, the second skips to the content', async ({ page }) => {
    await page.goto('/community/');
    await page.keyboard.press('Tab');
    await expect(exitButton(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText('Skip to main content');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(exitUrl);
  });

  test('the one Exit link sends no referrer and asks search engines not to follow', async ({ page }) => {
    await page.goto('/');
    const links = page.locator('a[data-exit-link]');
    await expect(links).toHaveCount(1);
    await expect(links).toHaveAttribute('rel', 'nofollow noreferrer');
    await expect(links).toHaveAttribute('href', exitUrl);
  });

  test('the Shift hint shows where a keyboard is likely, and passes axe while counting', async ({ page }) => {
    await page.goto('/parents/');
    await expect(page.getByText('Or press Shift 3 times')).toBeVisible();
    await page.keyboard.press('Shift');
    await expect(page.locator('[data-exit-dots]')).toBeVisible();
    await expectNoAxeViolations(page, true);
  });
});

test.describe('on a touch phone', () => {
  test.use(PHONE);
  test('the Shift hint is not shown, and the button is a full-width bar at the top', async ({ page }) => {
    await page.goto('/parents/');
    await expect(page.locator('[data-exit-hint]')).toBeHidden();
    const box = (await exitButton(page).boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: 390 });
    expect(box.height).toBeGreaterThanOrEqual(44);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(async ({ page }) => stubExitSite(page));

  test('the button is a plain link that still leaves; Back then shows the page that was left', async ({ page }) => {
    await page.goto('/young-people/');
    // Shift presses need JavaScript, so the hint is not shown.
    await expect(page.locator('[data-exit-hint]')).toBeHidden();
    await exitButton(page).click();
    await expect(page).toHaveURL(exitUrl);
    await page.goBack();
    await expect(page).toHaveURL(/\/young-people\/$/);
  });

  // No line is kept for a hint that cannot come: the review of 21:30 saw the label at the top of the
  // desktop button with an empty red band below it.
  test('on a desktop the label is in the middle of the button, with no empty band', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/young-people/');
    const { button, label } = await exitButton(page).evaluate((a) => {
      // The label's own words: the text beside the screen readers' "Emergency:" and the hidden hint.
      const words = [...a.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
      const range = document.createRange();
      range.selectNodeContents(words);
      const text = [...range.getClientRects()];
      const top = Math.min(...text.map((r) => r.top));
      const bottom = Math.max(...text.map((r) => r.bottom));
      const box = a.getBoundingClientRect();
      return { button: { top: box.top, bottom: box.bottom }, label: { top, bottom } };
    });
    const above = label.top - button.top;
    const below = button.bottom - label.bottom;
    expect(Math.abs(above - below), `space above ${above}, below ${below}`).toBeLessThanOrEqual(3);
  });
});

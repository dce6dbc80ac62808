// Pages' script files load after the first paint (src/lib/after-paint.ts): tests that look at what
// the scripts did, or count what they fetched, wait for them here first.
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Waits until every held script file on the page has been fetched; returns their URLs. */
export async function heldScriptsFetched(page: Page): Promise<string[]> {
  const held = await page.locator('script[type="after-paint"]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  await expect.poll(() => page.evaluate((srcs) => srcs.every((src) => performance.getEntriesByName(src).length > 0), held)).toBe(true);
  return held;
}

/**
 * Waits until the page's loader (src/components/AfterPaint.astro) has done its work: the tab icon
 * swapped in, and every held script fetched and run, with every module it imports. What Playwright's
 * 'networkidle' was used for, without its half second of quiet on every page, and without its
 * guess: under load a script could arrive after the network had been quiet that long.
 */
export async function heldScriptsRun(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLLinkElement>('link[data-icon]')].every((icon) => icon.getAttribute('href') === icon.dataset.icon) &&
      [...document.querySelectorAll<HTMLScriptElement>('script[type="after-paint"]')].every((s) => performance.getEntriesByName(s.src).length > 0),
  );
  // The loader's import() of each has begun (its file has arrived): an import() of the same address
  // shares that module, and settles once it and all it imports have run. A string, so that it is
  // evaluated in the page as written. A script that failed to load or run fails the test here.
  await page.evaluate(`Promise.all([...document.querySelectorAll('script[type="after-paint"]')].map((s) => import(s.src))).then(() => undefined)`);
}

/**
 * Counts the requests made in a context (every page in it) that are not yet answered. `answered()`
 * resolves once none is open: a response that sets a cookie, or a style sheet that asks for a font,
 * has then done so.
 */
export function openRequests(context: BrowserContext): { answered: () => Promise<void> } {
  let open = 0;
  let waiting: (() => void)[] = [];
  context.on('request', () => open++);
  const done = () => {
    if (--open > 0) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return { answered: () => (open === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))) };
}

// How long the search page takes to show its first result, timed inside the page so the browser
// automation adds nothing: from the form's submit event (Enter) on a loaded page, and from the
// start of a navigation to /search/?q=… (the header's search box). A fresh browser context each
// time, so nothing of Pagefind is cached.
import type { Browser } from '@playwright/test';

export async function searchLatency(browser: Browser, base: string, term: string): Promise<{ afterEnter: number; fromNavigation: number }> {
  const firstResultAt = () => new Promise<number>((resolve) => {
    const list = document.querySelector('[data-search-results]')!;
    const seen = () => list.querySelector('li') && resolve(performance.now());
    new MutationObserver(seen).observe(list, { childList: true, subtree: true });
    seen();
  });

  let context = await browser.newContext();
  let page = await context.newPage();
  await page.goto(new URL('/search/', base).href, { waitUntil: 'load' });
  await page.locator('#search-query').fill(term);
  await page.evaluate(() => {
    const w = window as unknown as { submittedAt: number };
    document.querySelector('[data-search-form]')!.addEventListener('submit', () => { w.submittedAt = performance.now(); }, { capture: true });
  });
  const result = page.evaluate(firstResultAt);
  await page.locator('#search-query').press('Enter');
  const shown = await result;
  const afterEnter = shown - (await page.evaluate(() => (window as unknown as { submittedAt: number }).submittedAt));
  await context.close();

  context = await browser.newContext();
  page = await context.newPage();
  // performance.now() counts from the start of the navigation.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const list = document.querySelector('[data-search-results]');
      if (!list) return;
      const seen = () => { if (list.querySelector('li')) (window as unknown as { shownAt: number }).shownAt ??= performance.now(); };
      new MutationObserver(seen).observe(list, { childList: true, subtree: true });
    });
  });
  await page.goto(new URL(`/search/?q=${encodeURIComponent(term)}`, base).href);
  await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, null, { timeout: 30_000 });
  const fromNavigation = await page.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
  await context.close();
  return { afterEnter, fromNavigation };
}

// Pages' script files load after the first paint (src/lib/after-paint.ts): tests that look at what
// the scripts did, or count what they fetched, wait for them here first.
import { expect, type Page } from '@playwright/test';

/** Waits until every held script file on the page has been fetched; returns their URLs. */
export async function heldScriptsFetched(page: Page): Promise<string[]> {
  const held = await page.locator('script[type="after-paint"]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  await expect.poll(() => page.evaluate((srcs) => srcs.every((src) => performance.getEntriesByName(src).length > 0), held)).toBe(true);
  return held;
}

// Waiting for a page to finish loading after Back, whether it came from the back-forward cache (no
// load event) or was loaded again, and with JavaScript on or off.
import { expect, type Page } from '@playwright/test';

/**
 * Waits until the document has finished loading (the browser has restored a form's fields by then).
 * Asked from the test again and again: page.waitForFunction polls inside the page with
 * requestAnimationFrame, which never runs with JavaScript off, so when its first look came while the
 * page was still loading it waited until the test timed out (seen once in a full run, 06:50).
 */
export async function loaded(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
}

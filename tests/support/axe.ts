// axe in a real browser, in whatever state the page is in: WCAG 2.2 A and AA, and all content inside
// landmarks. axe is a script: with JavaScript off it cannot run in the page itself (it waits for
// ever), so the page as the browser holds it is copied, its scripts removed so it stays exactly as a
// no-JavaScript visitor sees it, and checked in a page of its own at the same address (its styles
// load from the real server, so contrast is real).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { WCAG22AA, WITH_LANDMARK_RULES } from './site.ts';

// The same axe-core, minified: 0.65 MB to send to and compile in each page checked, not 1.5 MB.
// Found from @axe-core/playwright's own folder: axe-core is its dependency, not ours, so this is the
// copy the builder would send, wherever npm puts it.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_MIN = readFileSync(fromBuilder.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe for one page. Legacy mode runs axe once, in the page (and in any same-origin frame): by default
 * it runs in each frame and then again in a blank page of its own that joins the frames' results,
 * which took over half of each check's time here, on pages that have no frames. Either way the
 * builder puts axe in the page twice; that is why the smaller copy matters.
 */
export const axeFor = (page: Page) => new AxeBuilder({ page, axeSource: AXE_MIN }).setLegacyMode();

async function violations(page: Page): Promise<string[]> {
  const results = await axeFor(page).withTags(WCAG22AA).options(WITH_LANDMARK_RULES).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
}

export async function expectNoAxeViolations(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (javaScriptEnabled) {
    expect(await violations(page)).toEqual([]);
    return;
  }
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const url = page.url();
  // Playwright Test hands a new context the test's own options, so JavaScript is turned on explicitly.
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(url);
    // The copy is the state that was checked: same title, same error summary.
    expect(await copy.title()).toBe(await page.title());
    expect(await violations(copy)).toEqual([]);
  } finally {
    await context.close();
  }
}

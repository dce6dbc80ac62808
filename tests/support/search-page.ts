// The search page as a person uses it (src/pages/[...locale]/search.astro).
import { expect, type Page } from '@playwright/test';

/** Opens the folded filters by their summary, as a person would, and waits for their boxes. */
export async function openSearchFilters(page: Page): Promise<void> {
  await page.locator('[data-search-filters] > summary').click();
  await expect(page.locator('[data-filter-boxes]')).toBeVisible();
}

// The language switcher on a page that exists only in English: a language it has no version in leads
// to that language's home page, and says so where everyone can see it, not only to screen readers.
import { expect, test } from '@playwright/test';
import { PHONE } from '../support/phone.ts';

test.use(PHONE);

test('on an English-only page, each other language is visibly marked as leading to its home page', async ({ page }) => {
  await page.goto('/professionals/');
  const nav = page.getByRole('navigation', { name: 'Languages' });
  for (const [name, home, href] of [['Cymraeg', '(Hafan)', '/cy/'], ['Polski', '(Strona główna)', '/pl/'], ['اردو', '(ہوم پیج)', '/ur/']] as const) {
    const link = nav.getByRole('link', { name: new RegExp(`^${name}`) });
    await expect(link).toHaveAttribute('href', href);
    // Seen: the words for "home page" in that language, beside its name, on the phone's screen.
    const cue = link.getByText(home, { exact: true });
    await expect(cue).toBeVisible();
    const box = (await cue.boundingBox())!;
    expect(box.width).toBeGreaterThan(20);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.viewport.width);
  }
  // Heard: the full reason, in that language.
  await expect(nav.getByRole('link', { name: /^Polski/ })).toHaveAccessibleName('Polski (strona główna: ta strona nie jest przetłumaczona na polski)');

  // On a page that is translated, each language is its name alone and keeps the reader on the same page.
  await page.goto('/check/');
  await expect(page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'Polski', exact: true })).toHaveAttribute('href', '/pl/check/');
  await expect(page.getByRole('navigation', { name: 'Languages' })).not.toContainText('Strona główna');
});

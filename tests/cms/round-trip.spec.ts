// Every content file, opened in the editor, changed in one field and saved: the file on the draft
// branch differs from the original by exactly the typed characters. Comments, quoting, flow lists,
// blank lines and the page text all survive.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { changedLines } from '../support/changed-lines.ts';
import { collections } from '../../src/cms/config.ts';
import type { CmsField } from '../../src/cms/fields.ts';
import { readFrontmatter, readYaml } from '../../src/cms/preserve.ts';
import { fileOn, git, signIn } from './editor.ts';

const MARK = '-edited';

type Entry = { collection: string; slug: string; file: string; fields: CmsField[] };

/** Each content file the editor can open, with the address of its entry and its draft branch. */
function entries(): Entry[] {
  return collections().flatMap((c) => {
    if ('files' in c) return c.files.map((f) => ({ collection: c.name, slug: f.name, file: f.file, fields: f.fields }));
    const pattern = c.filter ? new RegExp(c.filter.pattern) : undefined;
    return readdirSync(c.folder)
      .filter((name) => name.endsWith(`.${c.extension}`) && !name.startsWith('_'))
      .map((name) => name.slice(0, -(c.extension.length + 1)))
      .filter((slug) => !pattern || pattern.test(slug))
      .map((slug) => ({ collection: c.name, slug, file: join(c.folder, `${slug}.${c.extension}`), fields: c.fields }));
  });
}

/**
 * Waits for this entry's form (the editor reuses the last entry's while it loads the next): its
 * first field's label, and the first text the file gives a top-level field, must show.
 */
async function waitForEntry(page: Page, entry: Entry, text: string) {
  const form = page.locator('[class*=ControlPaneContainer]');
  const label = entry.fields[0]!.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(form.locator('label').first()).toHaveText(new RegExp(`^${label}( \\(optional\\))?$`), { timeout: 60_000 });
  const data = /\.ya?ml$/.test(entry.file) ? readYaml(text) : readFrontmatter(text);
  const shown = entry.fields.find((f) => ['string', 'text'].includes(f.widget) && typeof data[f.name] === 'string');
  if (shown) {
    const value = data[shown.name] as string;
    await expect.poll(() => form.locator('input, textarea').evaluateAll((els, v) => els.some((e) => (e as HTMLInputElement).value === v), value), { timeout: 30_000, intervals: [100] }).toBe(true);
  }
}

/** Opens list items and groups until a field to edit shows, and returns it. */
async function fieldToEdit(page: Page) {
  const form = page.locator('[class*=ControlPaneContainer]');
  const editable = form.locator('textarea:visible, input[type=text]:visible');
  for (let attempt = 0; attempt < 3; attempt++) {
    const count = await editable.count();
    for (let i = 0; i < count; i++) {
      const field = editable.nth(i);
      const value = await field.inputValue();
      // Not a number, time, date or hashtag, whose formats a typed word would break.
      if (value && !/^[\d\s:+-]+$/.test(value) && !value.startsWith('#')) return field;
    }
    const closed = form.getByRole('button', { name: 'Expand' });
    if (!(await closed.count())) break;
    await closed.first().click();
  }
  throw new Error('no field to edit');
}

const all = entries();
const groups = [...new Set(all.map((e) => e.collection))];

test('every content file is an entry in the editor', () => {
  const listed = new Set(all.map((e) => e.file));
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
  expect(files('content').filter((f) => !listed.has(f))).toEqual([]);
});

for (const group of groups) {
  test(`${group}: a one-field edit changes only the typed characters`, async ({ page }) => {
    test.setTimeout(600_000);
    // The preview pane is what an editor reads, not what is saved: left closed, each entry opens faster.
    await page.addInitScript(() => localStorage.setItem('cms.preview-visible', 'false'));
    await signIn(page);
    for (const entry of all.filter((e) => e.collection === group)) {
      const original = readFileSync(entry.file, 'utf8');
      // The editor loads an entry when it is opened from elsewhere (not from another entry).
      await page.goto(`/admin/#/collections/${entry.collection}`);
      await expect(page.locator('[class*=ControlPaneContainer]')).toHaveCount(0);
      await page.goto(`/admin/#/collections/${entry.collection}/entries/${entry.slug}`);
      await waitForEntry(page, entry, original);
      const field = await fieldToEdit(page);
      await field.click();
      await field.press('End');
      await page.keyboard.insertText(MARK);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const branch = `cms/${entry.collection}/${entry.slug}`;
      await expect.poll(() => git('branch', '--list', branch).trim(), { timeout: 30_000, intervals: [100], message: `${entry.file} saved as ${branch}` }).toBe(branch);
      await expect(page.getByText('Changes saved', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
      const saved = fileOn(branch, entry.file);
      const { removed, added } = changedLines(original, saved);
      expect({ file: entry.file, removed: removed.length, added: added.length }).toEqual({ file: entry.file, removed: 1, added: 1 });
      expect(added[0]!.replace(MARK, ''), entry.file).toBe(removed[0]);
      // The draft has been read: delete it, as "Delete unpublished entry" would. Left in place, every
      // draft would be re-read by the editor on each later step, and the run would slow as it went.
      git('branch', '-D', branch);
    }
  });
}

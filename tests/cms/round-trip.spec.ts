// A round trip of every content file through the editor leaves it byte-identical but for the one
// change: every file read and written by the editor's own file formats, in Chromium; and one entry
// of each kind (every single file, the first of each folder and of a page section's subfolder)
// opened in the editor, changed in one field by typing and saved, so the file on the draft branch
// differs by exactly the typed characters. Comments, quoting, flow lists, blank lines and the page text all survive. (Typing
// into all 60-odd entries took 13 minutes on a loaded machine; the formats are the part that
// differs between files, and tests/unit/cms-preserve.test.ts runs them on every file in Node too.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { changedLines } from '../support/changed-lines.ts';
import { collections, kebab } from '../../src/cms/config.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import type { CmsField } from '../../src/cms/fields.ts';
import { readFrontmatter, readYaml } from '../../src/cms/preserve.ts';
import { fileOn, git, signIn } from './editor.ts';

const MARK = '-edited';

type Entry = { collection: string; slug: string; file: string; fields: CmsField[] };

/** Each content file the editor can open, with the address of its entry and its draft branch. */
function entries(): Entry[] {
  return collections().flatMap((c) => {
    if ('files' in c) return c.files.map((f) => ({ collection: c.name, slug: f.name, file: f.file, fields: f.fields }));
    // A nested collection has entries in subfolders too (their slug is their path); a filter keeps
    // only its own entries where other files sit beside them (easy-read/pictures.yaml).
    const own = (name: string) => !c.filter || ((readYaml(readFileSync(join(c.folder, name), 'utf8'))[c.filter.field] ?? []) as unknown[]).includes(c.filter.value);
    return readdirSync(c.folder, { recursive: !!c.nested })
      .map(String)
      .filter((name) => name.endsWith(`.${c.extension}`) && !/(^|\/)_/.test(name) && own(name))
      .map((name) => name.slice(0, -(c.extension.length + 1)))
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
      // Not a number, time, date, hashtag or fingerprint, whose formats a typed word would break.
      if (value && !/^[\d\s:+-]+$/.test(value) && !value.startsWith('#') && !/^[0-9a-f]{12}$/.test(value)) return field;
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

test('every content file, read and written by the editor’s own formats in the browser, changes only where it was edited', async ({ page }) => {
  await page.goto('/admin/');
  await page.waitForFunction(() => typeof (window as { CMS?: { getCustomFormats?: unknown } }).CMS?.getCustomFormats === 'function');
  const format = (collection: string) => {
    const c = collections().find((x) => x.name === collection)!;
    return c.format;
  };
  const inputs = all.map((e) => ({ file: e.file, format: format(e.collection), text: readFileSync(e.file, 'utf8') }));
  const outputs = await page.evaluate(({ inputs, mark }) => {
    type Value = unknown;
    const formats = (window as unknown as { CMS: { getCustomFormats(): Record<string, { formatter: { fromFile(t: string): Record<string, Value>; toFile(d: Record<string, Value>, order?: string[]): string } }> } }).CMS.getCustomFormats();
    /** Appends the mark to the first plain-text value (not a date, number, time or hashtag), as typing would. */
    const edit = (value: Value): [Value, boolean] => {
      if (typeof value === 'string') return /^[\d\s:+-]+$/.test(value) || value.startsWith('#') || value.includes('\n') || !value ? [value, false] : [value + mark, true];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const [next, done] = edit(value[i]);
          if (done) return [value.map((v, j) => (j === i ? next : v)), true];
        }
        return [value, false];
      }
      if (value && typeof value === 'object' && !(value instanceof Date)) {
        for (const key of Object.keys(value)) {
          if (key === 'body' || key.startsWith('__')) continue;
          const [next, done] = edit((value as Record<string, Value>)[key]);
          if (done) return [{ ...(value as object), [key]: next }, true];
        }
      }
      return [value, false];
    };
    return inputs.map(({ file, format, text }) => {
      const { formatter } = formats[format]!;
      const data = formatter.fromFile(text);
      const [changed] = edit(data);
      return { file, saved: formatter.toFile(changed as Record<string, Value>, Object.keys(data)) };
    });
  }, { inputs, mark: MARK });
  expect(outputs).toHaveLength(all.length);
  for (const { file, saved } of outputs) {
    const { removed, added } = changedLines(readFileSync(file, 'utf8'), saved);
    expect({ file, removed: removed.length, added: added.length }).toEqual({ file, removed: 1, added: 1 });
    expect(added[0]!.replace(MARK, ''), file).toBe(removed[0]);
  }
});

/**
 * Typed into in the editor: every single file (of the translations, one of each kind), and the first
 * entry of each folder and subfolder; of a source split into several collections (a section of the
 * pages, a language's pages), the first two.
 */
const sourceOf = (group: string) => Object.keys(COLLECTIONS).map(kebab).filter((k) => group === k || group.startsWith(`${k}-`)).sort((a, b) => b.length - a.length)[0] ?? group;
const folderGroups = groups.filter((g) => 'folder' in collections().find((c) => c.name === g)!);
const typedGroups = groups.filter((g) => !folderGroups.includes(g) || folderGroups.filter((o) => sourceOf(o) === sourceOf(g)).indexOf(g) < 2);
const typedInto = typedGroups.flatMap((group) => {
  const inGroup = all.filter((e) => e.collection === group);
  if (!folderGroups.includes(group)) {
    // A translation file per kind (the site's words, signs…): the languages' files are alike.
    return group === 'translations' ? inGroup.filter((e, i) => inGroup.findIndex((o) => o.slug.replace(/-[a-z]{2,3}$/, '') === e.slug.replace(/-[a-z]{2,3}$/, '')) === i) : inGroup;
  }
  const subfolders = [...new Set(inGroup.map((e) => e.slug.replace(/[^/]*$/, '')))];
  return subfolders.slice(0, 2).map((dir) => inGroup.find((e) => e.slug.replace(/[^/]*$/, '') === dir)!);
});

for (const group of typedGroups) {
  test(`${group}: a one-field edit typed in the editor changes only the typed characters`, async ({ page }) => {
    test.setTimeout(300_000);
    // The preview pane is what an editor reads, not what is saved: left closed, each entry opens faster.
    await page.addInitScript(() => localStorage.setItem('cms.preview-visible', 'false'));
    await signIn(page);
    for (const entry of typedInto.filter((e) => e.collection === group)) {
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

// A comms officer publishes a campaign in the editor: draft → ready → publish, each step a branch
// in a real git repository, then the next build of that repository contains the campaign.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, stopServer } from '../../scripts/lib/server.ts';
import { fileOn, git, save, signIn } from './editor.ts';
import { CMS_REPO } from './make-repo.ts';

test.describe.configure({ mode: 'serial' });

test('a new campaign goes from draft to ready to published, as a branch merged into main', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/#/collections/campaigns/new');
  await page.getByLabel('Campaign name').fill('Safer Summer');
  await page.getByLabel('Tagline').fill('Long days, new friends. Know who your child is with.');
  await page.getByLabel('Summary').fill('A summer campaign for parents about grooming and county lines in the school holidays.');
  await page.getByLabel('Who it is for').click();
  await page.getByRole('option', { name: 'Parents and carers' }).click();
  await page.getByLabel('First day', { exact: true }).fill('2027-07-15');
  await page.getByLabel('Hashtag (optional)').fill('#SaferSummer');
  await page.getByRole('button', { name: 'Add short links' }).click();
  await page.getByLabel('Short links', { exact: true }).last().fill('/SaferSummer');
  await page.getByLabel('Share text').fill('Summer holidays are when exploiters look for new recruits. Know the signs. #SaferSummer');
  const body = page.getByRole('textbox').last();
  await body.click();
  await page.keyboard.insertText('The school holidays give children more free time, and exploiters know it.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('If someone is in danger now, call <Call contact="emergency" />.');
  // The editor's preview says when the campaign becomes public (the live site shows nothing yet).
  await expect(page.locator('iframe').first().contentFrame().getByText('Preview: this campaign is not public until 15 July 2027')).toBeVisible();
  await expect(page.locator('iframe').first().contentFrame().getByText('If someone is in danger now, call ☎ emergency.')).toBeVisible();
  await page.screenshot({ path: 'test-results/cms-new-campaign.png', fullPage: true });
  await save(page);

  // Saved as a draft: its own branch, with the file on it and nothing on main.
  expect(git('branch', '--list', 'cms/*')).toContain('cms/campaigns/safer-summer');
  const draft = fileOn('cms/campaigns/safer-summer', 'content/campaigns/safer-summer.mdx');
  expect(draft).toContain('title: Safer Summer\n');
  expect(draft).toContain('shareText: "Summer holidays are when exploiters look for new recruits. Know the signs. #SaferSummer"');
  expect(git('ls-tree', '--name-only', 'main', 'content/campaigns/')).not.toContain('safer-summer');
  expect(git('config', 'branch.cms/campaigns/safer-summer.description').trim()).toBe('content/draft');

  // Ready: recorded on the branch (a label on the pull request, on a forge); still not on main.
  await page.getByRole('button', { name: /Status/ }).click();
  await page.getByRole('menuitem', { name: 'Ready' }).click();
  await expect(page.getByText('Entry status updated', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  expect(git('config', 'branch.cms/campaigns/safer-summer.description').trim()).toBe('content/pending_publish');
  expect(git('ls-tree', '--name-only', 'main', 'content/campaigns/')).not.toContain('safer-summer');

  // Publish: the branch is merged into main and deleted.
  await page.getByRole('button', { name: /Publish/ }).click();
  // The editor asks "Are you sure…?" before it publishes.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await expect(page.getByText('Entry published', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  expect(git('branch', '--list', 'cms/*').trim()).toBe('');
  expect(fileOn('main', 'content/campaigns/safer-summer.mdx')).toBe(draft);
});

test('the next build of that repository has the campaign: its page and its short link, from its first day', async () => {
  test.setTimeout(600_000);
  const out = join('.tmp', 'cms-build');
  rmSync(out, { recursive: true, force: true });
  execFileSync('npm', ['run', 'build'], { env: { ...process.env, CONTENT_DIR: join(CMS_REPO, 'content'), OUT_DIR: out }, stdio: 'ignore' });
  const env = { OUT_DIR: out, REPORT_DB_PATH: join(out, 'r.sqlite'), REPORT_KEY_FILE: join(out, 'r.key') };
  const before = await startServer(4334, { ...env, SITE_DATE: '2027-07-14' });
  const first = await startServer(4335, { ...env, SITE_DATE: '2027-07-15' });
  try {
    expect((await fetch('http://127.0.0.1:4334/campaigns/safer-summer/')).status).toBe(404);
    expect((await fetch('http://127.0.0.1:4334/safersummer', { redirect: 'manual' })).status).toBe(404);
    const page = await fetch('http://127.0.0.1:4335/campaigns/safer-summer/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1');
    expect(html).toContain('Safer Summer');
    expect(html).toContain('#SaferSummer');
    const short = await fetch('http://127.0.0.1:4335/SAFERSUMMER', { redirect: 'manual' });
    expect(short.status).toBe(302);
    expect(short.headers.get('location')).toBe('/campaigns/safer-summer/');
    expect(await (await fetch('http://127.0.0.1:4335/campaigns/')).text()).toContain('/campaigns/safer-summer/');
    // Its pack was made by that build, and is public from the same day.
    for (const file of ['poster-a4.pdf', 'poster-a3.png', 'share-1200x630.png', 'safer-summer-campaign-pack.zip']) {
      expect((await fetch(`http://127.0.0.1:4335/campaigns/safer-summer/${file}`)).status, file).toBe(200);
      expect((await fetch(`http://127.0.0.1:4334/campaigns/safer-summer/${file}`)).status, file).toBe(404);
    }
  } finally {
    await Promise.all([stopServer(before), stopServer(first)]);
  }
});

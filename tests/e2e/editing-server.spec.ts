// `npm run dev`, as a comms officer uses it: the preview looks like the site (its styles load), and a
// mistake in a content file shows in the browser, with the fix, until the file is fixed.
// Runs Astro's dev server on a copy of content/, so the real files are never touched. The copy is
// inside the project (.tmp/), where the dev server watches files, as it watches content/.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { stopServer } from '../../scripts/lib/server.ts';

const PORT = 4394;
const URL = `http://127.0.0.1:${PORT}`;
mkdirSync('.tmp', { recursive: true });
const content = resolve(mkdtempSync(join('.tmp', 'dev-content-')));
let server: ChildProcess;

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
  // Astro's dev server takes 20 s or more to start on a busy two-core machine.
  test.setTimeout(180_000);
  cpSync('content', content, { recursive: true });
  server = spawn(join('node_modules', '.bin', 'astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${URL}/`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('astro dev did not start');
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(content, { recursive: true, force: true });
  // Astro's dev server caches the throwaway content folder; the next build must not start from it.
  rmSync('.astro', { recursive: true, force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
});

test('the preview looks like the site: its styles are not blocked', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
  const response = await page.goto(`${URL}/parents/`);
  expect(response!.headers()['content-security-policy']).toBeUndefined();
  // The bar with the site's name carries the brand colour (the banner also holds the emergency line).
  const header = page.locator('header .bg-brand').first();
  // The brand colour comes from partnership.yaml through the stylesheet.
  const brand = (readFileSync(join(content, 'partnership.yaml'), 'utf8').match(/brandColour: "(#[0-9a-f]{6})"/i) ?? [])[1]!;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(brand.slice(i, i + 2), 16));
  await expect(header).toHaveCSS('background-color', `rgb(${r}, ${g}, ${b})`);
  expect(blocked).toEqual([]);
});

/**
 * Breaks one line of a content file, expects the browser to show the message, mends the file and
 * expects the page back. The dev server notices each save by itself, so each step is retried.
 */
async function breakAndMend(page: Page, path: string, line: RegExp, broken: string, shown: string) {
  const file = join(content, path);
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace(line, broken));
  await expect(async () => {
    await page.goto(`${URL}/parents/`, { timeout: 15_000 });
    await expect(page.getByText(shown, { exact: false }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByText(path, { exact: false }).first()).toBeVisible();

  writeFileSync(file, good);
  // The error page's own script reloads it when the file is saved, and a reload that starts while
  // the test navigates aborts the test's navigation (net::ERR_ABORTED, seen on a fast CI machine).
  // So the page that showed the error is closed, and each try opens a fresh one.
  const context = page.context();
  await page.close();
  await expect(async () => {
    const fresh = await context.newPage();
    try {
      const response = await fresh.goto(`${URL}/parents/`, { timeout: 15_000 });
      expect(response!.status()).toBe(200);
      await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 2_000 });
    } finally {
      await fresh.close();
    }
  }).toPass({ timeout: 90_000 });
}

test('a content mistake shows in the browser, with the fix, until the file is fixed', async ({ page }) => {
  await breakAndMend(page, 'campaigns/see-the-signs.mdx', /^start: .*$/m, 'start: 01/12/2026', 'If you mean 1 December 2026, write 2026-12-01');
});

test('a mistake in partnership.yaml shows in the browser too, and the preview comes back once it is fixed', async ({ page }) => {
  await breakAndMend(page, 'partnership.yaml', /^brandColour: .*$/m, 'brandColour: navy', 'brandColour: must be written as #rrggbb');
});

// Helpers for driving Decap CMS in the tests: signing in to the local backend, opening entries,
// and reading what it wrote into the throwaway repository.
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { CMS_REPO } from './make-repo.ts';

/** Runs git in the editor's repository. */
export function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: CMS_REPO, encoding: 'utf8' });
}

/** A file's text on a branch of the editor's repository. */
export function fileOn(branch: string, path: string): string {
  return git('show', `${branch}:${path}`);
}

/** Opens the editor and signs in to the local backend (no password: it is on loopback). */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: /Campaigns/ }).first()).toBeVisible();
}

/** Saves the open entry and waits until the editor says so. */
export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Entry saved', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
}

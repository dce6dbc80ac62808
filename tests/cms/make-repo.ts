// A throwaway git repository holding a copy of the site's content, for the editor's tests:
// decap-server (npm run cms) works on it, and the publish test builds the site from it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CMS_REPO = resolve('.tmp/cms-repo');

export function makeRepo(dir = CMS_REPO): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('content', join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Kit tests');
  git('config', 'user.email', 'tests@example.org');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.');
  git('commit', '-q', '-m', 'The site content');
}

if (import.meta.url === `file://${process.argv[1]}`) makeRepo();

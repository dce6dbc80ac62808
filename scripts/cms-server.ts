// `npm run cms`: the content editor's local git backend (decap-server in git mode), so that /admin
// works on this computer without signing in to a forge. Drafts become branches (cms/<collection>/<slug>),
// "Ready" is recorded on the branch, and Publish merges it into the main branch, as on GitHub.
//
// decap-server has no authentication: anyone who can reach it can change the repository. So it
// listens on 127.0.0.1 only, and this script refuses any other address.
//
//   npm run cms                      the repository this script is in
//   CMS_REPO=/path/to/clone npm run cms   another clone (the tests use a throwaway one)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { LOCAL_BACKEND_PORT } from '../src/cms/shared.ts';

const repo = resolve(process.env.CMS_REPO ?? '.');
const host = process.env.CMS_HOST ?? '127.0.0.1';
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.error(`CMS_HOST is ${host}: the local editing server has no sign-in, so it only listens on 127.0.0.1.`);
  process.exit(1);
}

// The server checks out branches and commits with `git add .`: a change not yet committed in this
// folder would be swept into an editor's draft. Stop before that can happen.
const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).trim();
if (dirty) {
  console.error(`${repo} has changes that are not committed:\n${dirty}\nCommit or stash them first: the editor's drafts are commits in this repository.`);
  process.exit(1);
}

process.env.MODE = 'git';
process.env.GIT_REPO_DIRECTORY = repo;
process.env.BIND_HOST = host;
process.env.PORT = String(process.env.CMS_PORT ?? LOCAL_BACKEND_PORT);
process.env.LOG_LEVEL ??= 'warn';
console.log(`Content editor backend for ${repo} at http://${host}:${process.env.PORT}/ (open /admin/ on the site: npm run dev, or npm start).`);
createRequire(import.meta.url)('decap-server');

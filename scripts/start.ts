// npm start: serves the site on this machine, building it first only when something it is built
// from has changed since the last build (src/integrations/build-stamp.ts), so a restart with
// nothing new takes a couple of seconds rather than a full build.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildFingerprint, readStamp } from '../src/integrations/build-stamp.ts';

// npm start is the Node target, whatever the shell says.
const env = { ...process.env, DEPLOY_TARGET: 'node' };
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const built = readStamp(outDir);
if (built && built === buildFingerprint('node')) {
  console.log('Nothing has changed since the last build: serving it.');
} else {
  console.log(built ? 'Something has changed since the last build: building the site again.' : 'Building the site (this takes a minute or so the first time).');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../src/targets/node/start.ts');

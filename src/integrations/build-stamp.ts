// What a build was made from, so `npm start` can serve an existing build at once when nothing it
// depends on has changed, and rebuild when anything has. The fingerprint hashes the contents (not
// the dates) of every file the build reads — code, content, public files, configuration and the
// lockfile that pins every dependency — with the target and the content folder. A build removes
// the old stamp when it starts and writes the new one only after its last step, so a build that
// fails or is stopped leaves no stamp, and the next start builds again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-dir.ts';

export const STAMP_FILE = 'build-inputs.json';
/** Everything in the project a build reads, beside the content folder. */
const PROJECT_INPUTS = ['src', 'public', 'astro.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function filesIn(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesIn(join(path, name)));
}

/** A hash of everything a build for `target` would be made from, read from `root`. */
export function buildFingerprint(target: string, root = process.cwd()): string {
  const content = contentDir();
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ version: 1, target, content }));
  for (const input of [...PROJECT_INPUTS.map((p) => resolve(root, p)), content]) {
    for (const file of filesIn(input)) {
      const data = readFileSync(file);
      // The name and length first, so that moving bytes between files changes the hash.
      hash.update(`\0${relative(root, file).split(sep).join('/')}\0${data.length}\0`);
      hash.update(data);
    }
  }
  return hash.digest('hex');
}

/** The fingerprint the build in `outDir` was made from, or undefined if it has none. */
export function readStamp(outDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8')) as { fingerprint?: string }).fingerprint;
  } catch {
    return undefined;
  }
}

/** Put last in the integrations, so the stamp is written after every other step has finished. */
export function buildStampIntegration(target: string): AstroIntegration {
  let stamp = '';
  let fingerprint = '';
  return {
    name: 'see-the-signs:build-stamp',
    hooks: {
      'astro:config:done': ({ config }) => {
        stamp = join(fileURLToPath(config.outDir), STAMP_FILE);
      },
      'astro:build:start': () => {
        // Taken before anything is built: a file changed during the build makes the stamp old.
        fingerprint = buildFingerprint(target);
        rmSync(stamp, { force: true });
      },
      'astro:build:done': () => {
        writeFileSync(stamp, JSON.stringify({ fingerprint, target, built: new Date().toISOString() }));
      },
    },
  };
}

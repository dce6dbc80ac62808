// Where editors' files live. A test or benchmark may point the build at another folder.
import { resolve } from 'node:path';
import { readBuildSettings } from '../settings.ts';

/** The absolute content folder: `$CONTENT_DIR`, or `content/` in the project. */
export function contentDir(): string {
  return resolve(readBuildSettings(process.env).contentDir);
}

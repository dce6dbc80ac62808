// Where editors' files live. A test or benchmark may point the build at another folder.
import { resolve } from 'node:path';

/** The absolute content folder: `$CONTENT_DIR`, or `content/` in the project. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

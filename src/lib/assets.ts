// Sizes of downloadable files, shown beside each link so people on a data plan can choose.
// BUILD-TIME ONLY: reads public/.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from './content-files.ts';

/** "118 KB"; throws, naming the content file, when the download is missing from public/. */
export function assetSize(file: string, from: string): { bytes: number; size: string } {
  let bytes: number;
  try {
    bytes = statSync(join('public', file)).size;
  } catch {
    throw new ContentError(`${from}: assets: ${file} is not in public/. Put the file there, or take it out of assets. (Posters are made for you: do not list them.)`);
  }
  return { bytes, size: formatSize(bytes) };
}

/** A size for a download link: "118 KB". */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

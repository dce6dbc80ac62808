// Sizes of downloadable files, shown beside each link so people on a data plan can choose.
// BUILD-TIME ONLY: reads public/.
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** "118 KB"; throws, naming the content file, when the download is missing from public/. */
export function assetSize(file: string, from: string): { bytes: number; size: string } {
  let bytes: number;
  try {
    bytes = statSync(join('public', file)).size;
  } catch {
    throw new Error(`${from}: assets: ${file} is not in public/ (run node scripts/make-posters.ts for campaign posters)`);
  }
  const size = bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return { bytes, size };
}

// Content mistakes for the editing server (`npm run dev`): a mistake found while Astro re-reads a
// file is kept here until the file is fixed, and every page shows it in the browser (Astro's error
// overlay), not only in a terminal an editor may never look at. Kept on globalThis because the
// content loaders and the pages run as separate module instances in the same process.

const KEY = Symbol.for('see-the-signs:content-mistakes');
/** Each file with a mistake, and how to check it again (it throws while the mistake is there). */
const mistakes = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<string, () => void>()) as Map<string, () => void>;

/** Remembers a file with a mistake, with the check that found it. */
export function noteContentMistake(file: string, recheck: () => void): void {
  mistakes.set(file, recheck);
}

/**
 * Throws the first mistake still in a file, for Astro to show; forgets files that are right now.
 * Checked again here because Astro does not re-read a fixed file whose text matches what it last stored.
 */
export function throwContentMistake(): void {
  for (const [file, recheck] of mistakes) {
    try {
      recheck();
      mistakes.delete(file);
    } catch (error) {
      throw error;
    }
  }
}

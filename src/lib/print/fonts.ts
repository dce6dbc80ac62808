// The typeface printed material uses, self-hosted from npm (no font service is ever called):
// Atkinson Hyperlegible Next, drawn by the Braille Institute so that letters people confuse
// (I, l and 1; O and 0) look different, which helps readers with low vision. OFL-1.1.
// The Latin subset covers English and the punctuation the site uses; other scripts need their own
// font added here (and a language's own font for PDF text, which cannot fall back glyph by glyph).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const file = (weight: 400 | 700) => require.resolve(`@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-${weight}-normal.woff`);

export const FONT_FAMILY = 'Atkinson Hyperlegible Next';

let loaded: { regular: Buffer; bold: Buffer } | undefined;

/** The regular and bold faces as WOFF (read by both satori and pdfkit). */
export function fonts(): { regular: Buffer; bold: Buffer } {
  loaded ??= { regular: readFileSync(file(400)), bold: readFileSync(file(700)) };
  return loaded;
}

// The Urdu web font, cut at build time to the letters Urdu is written with. Noto Nastaliq Urdu's
// Arabic-script file (@fontsource, OFL-1.1) holds every letter of Persian, Pashto, Sindhi, Kashmiri
// and more, 156 KB; with only Urdu's letters, marks, digits and punctuation (and every joined form
// and ligature they make, which hb-subset keeps) it is about 112 KB. It is downloaded only by a
// device that has no Nastaliq of its own (see src/styles/global.css), once, and kept for a year.
//
// The subset is made once per font and letter set and kept in node_modules/.cache (nothing derived
// is committed); the stylesheet names the @fontsource file, which this points at the subset, so
// without this integration the page still gets the whole font.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/** How the stylesheet names the font file. */
export const URDU_FONT = '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2';

/**
 * What Urdu is written with: the alphabet (with the Arabic forms of ی and ک that text pasted from
 * elsewhere often carries), the vowel and other marks, both sets of digits, and punctuation and
 * the joiners. tests/unit/urdu-font.test.ts checks that every Urdu word on the site is made of these.
 */
export const URDU_LETTERS = [
  'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٹپچڈڑژکگںھہۂۃیےۓ',
  '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0654\u0655\u0656\u0657\u0658\u0670\u0640',
  '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩',
  '،؛؟۔٪٫٬؍\u06D4\u200C\u200D\u200E\u200F',
].join('');

/** The subset's path, made now if it is not already in the cache. */
export async function urduFontSubset(cacheDir = join('node_modules', '.cache', 'see-the-signs')): Promise<string> {
  const source = readFileSync(require.resolve(URDU_FONT));
  const version = (JSON.parse(readFileSync(require.resolve('subset-font/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(source).update(URDU_LETTERS).update(version).digest('hex').slice(0, 16);
  const file = join(process.cwd(), cacheDir, `noto-nastaliq-urdu-${key}.woff2`);
  if (existsSync(file)) return file;
  const subset = await subsetFont(source, URDU_LETTERS, { targetFormat: 'woff2' });
  mkdirSync(join(process.cwd(), cacheDir), { recursive: true });
  // Written whole, then renamed: a build stopped half-way leaves no broken font for the next one.
  writeFileSync(`${file}.part`, subset);
  renameSync(`${file}.part`, file);
  return file;
}

export function urduFontIntegration(): AstroIntegration {
  return {
    name: 'see-the-signs:urdu-font',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        const file = await urduFontSubset();
        updateConfig({ vite: { resolve: { alias: [{ find: URDU_FONT, replacement: file }] } } });
      },
    },
  };
}

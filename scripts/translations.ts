// The state of every translation, after Lunaria's dashboard: for each language, each translated file,
// how it was made, whether a person has reviewed it, whether its English has changed since, and which
// translatable pages have no translation yet. Prints the English fingerprint to record in
// `translation.sourceHash` when a translation is made or brought up to date.
//   npm run translations                  the table
//   npm run translations -- --english     the English catalogue, every key (for a new language)
//   npm run translations -- --stamp FILE… after bringing a translation up to date with its English:
//                                         records the English's current fingerprint in it
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import yaml from 'js-yaml';
import { englishCatalogue, loadI18n, TRANSLATED_VIEWS } from '../src/integrations/i18n.ts';
import { loadPartnership } from '../src/integrations/partnership.ts';
import { fingerprint } from '../src/i18n/fingerprint.ts';
import { contentDir } from '../src/lib/content-dir.ts';

const content = contentDir();
const partnership = loadPartnership(join(content, 'partnership.yaml'));

if (process.argv.includes('--english')) {
  console.log(yaml.dump({ strings: englishCatalogue(content, partnership) }, { lineWidth: -1 }));
  process.exit(0);
}

function englishHash(source: string): string {
  return source.startsWith('content/i18n/en.yaml')
    ? fingerprint(JSON.stringify(englishCatalogue(content, partnership)))
    : fingerprint(readFileSync(source.replace(/^content\//, `${content}/`), 'utf8'));
}

/** The English file a translated file follows. */
function sourceOf(file: string): string {
  const rel = file.replace(/^.*?content\//, '');
  if (/^i18n\/[a-z]+\.yaml$/.test(rel)) return 'content/i18n/en.yaml';
  const signs = /^signs\/[a-z]+\/([\w-]+\.yaml)$/.exec(rel);
  if (signs) return `content/signs/${signs[1]}`;
  const page = /^pages\/[a-z]+\/(.+\.mdx)$/.exec(rel);
  if (page) return `content/pages/${page[1]}`;
  throw new Error(`${file} is not a translation (content/i18n/<code>.yaml, content/signs/<code>/*.yaml or content/pages/<code>/*.mdx)`);
}

const stamp = process.argv.indexOf('--stamp');
if (stamp !== -1) {
  for (const file of process.argv.slice(stamp + 1)) {
    const text = readFileSync(file, 'utf8');
    const hash = englishHash(sourceOf(file));
    if (!/sourceHash: "?[0-9a-f]{12}"?/.test(text)) throw new Error(`${file} has no translation.sourceHash to update`);
    writeFileSync(file, text.replace(/sourceHash: "?[0-9a-f]{12}"?/, `sourceHash: "${hash}"`));
    console.log(`${file}: follows ${sourceOf(file)} at ${hash}`);
  }
  process.exit(0);
}

let data: ReturnType<typeof loadI18n>;
try {
  data = loadI18n(content, partnership);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Every English page, in folders too (/parents/arrested/), but not the translations' own folders.
const codes = new Set(data.locales.map((l) => l.code));
const englishPages = (readdirSync(join(content, 'pages'), { recursive: true }) as string[])
  .map((f) => f.split(sep).join('/'))
  .filter((f) => f.endsWith('.mdx') && !codes.has(f.split('/')[0]!) && !f.split('/').pop()!.startsWith('_'))
  .sort()
  .map((f) => `/${f.replace(/\.mdx$/, '')}/`);
for (const locale of data.locales.slice(1)) {
  console.log(`\n${locale.name} (${locale.code})`);
  for (const f of data.files.filter((x) => x.locale === locale.code)) {
    const status = [
      f.translation.method === 'machine' ? 'machine draft' : 'by a person',
      f.translation.reviewed ? `reviewed by ${f.translation.reviewed.by} on ${f.translation.reviewed.date.toISOString().slice(0, 10)}` : 'NOT REVIEWED',
      f.state.outdated ? `ENGLISH CHANGED (now ${englishHash(f.source)}, translated from ${f.translation.sourceHash})` : 'up to date',
      partnership.translations.publishUnreviewed || f.translation.reviewed ? 'published' : 'not published (unreviewed)',
    ];
    console.log(`  ${f.file.padEnd(44)} ${status.join(' · ')}`);
  }
  const translated = new Set(Object.keys(data.pages[locale.code] ?? {}));
  const missing = englishPages.filter((p) => !translated.has(p) && !existsSync(join(content, 'pages', locale.code, `${p.slice(1, -1)}.mdx`)));
  console.log(`  pages in ${locale.name}: ${[...translated].sort().join(' ')}`);
  console.log(`  English only (${missing.length}): ${missing.join(' ')}`);
  const views = Object.keys(TRANSLATED_VIEWS).filter((v) => !translated.has(v));
  if (views.length) console.log(`  not built in ${locale.name} (their words are not all published): ${views.join(' ')}`);
}
console.log('\nFingerprints of the English sources (translation.sourceHash):');
console.log(`  content/i18n/en.yaml (with labels from schemas and partnership.yaml)  ${fingerprint(JSON.stringify(englishCatalogue(content, partnership)))}`);
for (const name of ['signs', 'next-steps', 'checker-audiences']) console.log(`  content/signs/${name}.yaml  ${fingerprint(readFileSync(join(content, 'signs', `${name}.yaml`), 'utf8'))}`);
for (const page of englishPages) console.log(`  content/pages${page.slice(0, -1)}.mdx  ${fingerprint(readFileSync(join(content, 'pages', `${page.slice(1, -1)}.mdx`), 'utf8'))}`);

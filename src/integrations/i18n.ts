// Loads every language's words when Astro reads its configuration: the UI catalogues
// (content/i18n/<code>.yaml), the translated warning signs (content/signs/<code>/) and the status of
// each translated page (content/pages/<code>/). Checks them against the English, works out which
// pages exist in which language, and hands it all to pages as `virtual:see-the-signs/i18n`, so
// nothing reads files at request time (the report form renders in a Worker too).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { defaultExport, virtualModules } from './virtual-modules.ts';
import { catalogueProblems, type Strings } from '../i18n/check.ts';
import { fingerprint } from '../i18n/fingerprint.ts';
import { localesOf, SOURCE, type Locale } from '../i18n/languages.ts';
import type { Message } from '../i18n/format.ts';
import { loadMarkdownFile, loadYamlFile, parseSource, readSource } from '../lib/content-files.ts';
import { OPEN_WORDS } from '../lib/open-now.ts';
import { HOURS_WORDS } from '../lib/opening-hours.ts';
import { REFUSALS } from '../report/refusals.ts';
import { CATEGORIES, CONTACT_METHODS, FOLLOW_UP_ERRORS, REPORT_ERRORS, REPORTERS } from '../report/words.ts';
import { AUDIENCE_LABELS } from '../schemas/common.ts';
import { PAGE_KINDS } from '../schemas/page.ts';
import type { Partnership } from '../schemas/partnership.ts';
import { NEEDS, SHARING } from '../schemas/service.ts';
import { SIGN_CATEGORIES } from '../schemas/sign.ts';
import { SETTINGS, TRANSLATIONS } from '../schemas/collections.ts';
import { OTHER_GROUP } from '../schemas/help-group.ts';
import { HEARD_WORDS } from '../reach/heard.ts';
import { TranslatedPageSchema } from '../schemas/page.ts';
import type { Translation, TranslationState } from '../schemas/translation.ts';

export interface SignWords { noticed: string; why: string }
export interface CheckerWords { label: string; steps: string[]; avoid: string[] }
export interface SignsWords {
  signs: Record<string, SignWords>;
  nextSteps: Record<string, string>;
  checkerAudiences: Record<string, CheckerWords>;
}

export interface I18nData {
  locales: Locale[];
  /** Every language's catalogue, complete (English included). */
  strings: Record<string, Strings>;
  /** Translated warning signs, for languages whose signs files are published. */
  signs: Record<string, SignsWords>;
  /** Per language: each English path that exists in it, and the state of its translation. */
  pages: Record<string, Record<string, TranslationState>>;
}

/** Pages made from the catalogue (and, for some, the translated signs) rather than from a page file. */
export const TRANSLATED_VIEWS: Record<string, readonly ('signs' | 'next-steps' | 'checker-audiences')[]> = {
  '/': [],
  '/help/': [],
  '/report/': [],
  '/report/follow-up/': [],
  '/report/sent/': [],
  '/search/': [],
  '/warning-signs/': ['signs'],
  '/check/': ['signs', 'next-steps', 'checker-audiences'],
};

const readYamlFile = (path: string): unknown => parseSource(readSource(path));
const shown = (path: string) => relative(process.cwd(), path) || path;

/**
 * Words whose English lives where the thing is defined (a schema, the partnership file, the /help/
 * groups in content/help-groups.yaml).
 */
export function englishFromDefinitions(content: string, partnership: Partnership): Strings {
  const prefixed = (prefix: string, labels: Record<string, Message>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]));
  return {
    ...prefixed('audience', AUDIENCE_LABELS),
    ...prefixed('need', NEEDS),
    ...prefixed('kind', PAGE_KINDS),
    ...prefixed('signs.category', SIGN_CATEGORIES),
    ...prefixed('report.reporter', REPORTERS),
    ...prefixed('report.category', CATEGORIES),
    ...prefixed('report.contactMethod', CONTACT_METHODS),
    ...prefixed('report.error', REPORT_ERRORS),
    ...prefixed('hours', HOURS_WORDS),
    ...prefixed('open', OPEN_WORDS),
    ...prefixed('sharing', SHARING),
    ...prefixed('followUp.error', FOLLOW_UP_ERRORS),
    ...prefixed('refusal', REFUSALS),
    ...prefixed('heard', HEARD_WORDS),
    ...Object.fromEntries(partnership.contacts.flatMap((c) => [[`contact.${c.key}.label`, c.label], [`contact.${c.key}.hours`, c.hours]])),
    ...Object.fromEntries([...loadYamlFile(join(content, SETTINGS.helpGroups.file), SETTINGS.helpGroups.schema), OTHER_GROUP]
      .flatMap((g) => [[`helpGroup.${g.id}.title`, g.title], [`helpGroup.${g.id}.intro`, g.intro]])),
  };
}

/** The complete English catalogue: content/i18n/en.yaml and the words defined elsewhere. */
export function englishCatalogue(content: string, partnership: Partnership): Strings {
  const file = join(content, 'i18n', `${SOURCE}.yaml`);
  const own = loadYamlFile(file, TRANSLATIONS.catalogue.schema).strings;
  const defined = englishFromDefinitions(content, partnership);
  const clash = Object.keys(own).filter((k) => k in defined);
  if (clash.length) throw new Error(`${shown(file)}: ${clash.join(', ')} come from elsewhere (a schema, partnership.yaml or help-groups.yaml); remove them here`);
  return { ...defined, ...own };
}

/** The state a reader is told about: reviewed or not, and whether the English moved on. */
export function stateOf(translation: Translation, currentHash: string): TranslationState {
  return { method: translation.method, reviewed: translation.reviewed !== null, outdated: translation.sourceHash !== currentHash };
}
const worst = (states: TranslationState[]): TranslationState => ({
  method: states.some((s) => s.method === 'machine') ? 'machine' : 'human',
  reviewed: states.every((s) => s.reviewed),
  outdated: states.some((s) => s.outdated),
});

/** Every .mdx file under a folder, as paths relative to it ("parents.mdx", "help/x.mdx"). */
function mdxFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mdxFiles(path, `${prefix}${name}/`);
    return name.endsWith('.mdx') && !name.startsWith('_') ? [`${prefix}${name}`] : [];
  });
}

/** One translated file, for the status table and the build. */
export interface TranslatedFile {
  locale: string;
  file: string;
  source: string;
  translation: Translation;
  state: TranslationState;
  /** The English path it provides, for pages. */
  path?: string;
}

/** Reads and checks every translation; throws one message naming each file and problem. */
export function loadI18n(content: string, partnership: Partnership): I18nData & { files: TranslatedFile[] } {
  const locales = localesOf(partnership);
  const english = englishCatalogue(content, partnership);
  const englishHash = fingerprint(JSON.stringify(english));
  const strings: Record<string, Strings> = { [SOURCE]: english };
  const signs: Record<string, SignsWords> = {};
  const pages: Record<string, Record<string, TranslationState>> = { [SOURCE]: {} };
  const files: TranslatedFile[] = [];
  const problems: string[] = [];
  const publishable = (t: Translation) => partnership.translations.publishUnreviewed || t.reviewed !== null;

  const englishSigns = {
    signs: readYamlFile(join(content, 'signs', 'signs.yaml')) as { id: string }[],
    'next-steps': readYamlFile(join(content, 'signs', 'next-steps.yaml')) as Record<string, unknown>,
    'checker-audiences': readYamlFile(join(content, 'signs', 'checker-audiences.yaml')) as Record<string, unknown>,
  };
  const signIds = englishSigns.signs.map((s) => s.id);

  for (const locale of locales.slice(1)) {
    const code = locale.code;
    pages[code] = {};
    // The catalogue: required, complete and checked, or the language cannot be built at all.
    const catalogueFile = join(content, 'i18n', `${code}.yaml`);
    if (!existsSync(catalogueFile)) {
      problems.push(`${shown(catalogueFile)} is missing: content/partnership.yaml lists the language "${code}", so its words must be translated (copy content/i18n/en.yaml and translate each text)`);
      continue;
    }
    const catalogue = loadYamlFile(catalogueFile, TRANSLATIONS.catalogue.schema);
    if (!catalogue.translation) {
      problems.push(`${shown(catalogueFile)}: translation: is missing (method, sourceHash, reviewed)`);
      continue;
    }
    const mistakes = catalogueProblems(english, catalogue.strings, locale.lang);
    if (mistakes.length) problems.push(`${shown(catalogueFile)} does not match the English catalogue:\n  ${mistakes.join('\n  ')}`);
    strings[code] = catalogue.strings;
    const catalogueState = stateOf(catalogue.translation, englishHash);
    files.push({ locale: code, file: shown(catalogueFile), source: 'content/i18n/en.yaml (and labels defined in schemas and partnership.yaml)', translation: catalogue.translation, state: catalogueState });
    if (!publishable(catalogue.translation)) continue;

    // The warning signs, if translated: each file follows its own English file.
    const signStates: Partial<Record<'signs' | 'next-steps' | 'checker-audiences', TranslationState>> = {};
    const signsDir = join(content, 'signs', code);
    const words: Partial<SignsWords> = {};
    const loaders = {
      signs: () => {
        const file = join(signsDir, 'signs.yaml');
        const data = loadYamlFile(file, TRANSLATIONS.signs.schema);
        const missing = signIds.filter((id) => !data.signs[id]);
        const unknown = Object.keys(data.signs).filter((id) => !signIds.includes(id));
        if (missing.length || unknown.length) problems.push(`${shown(file)}: ${[missing.length ? `missing signs: ${missing.join(', ')}` : '', unknown.length ? `signs not in content/signs/signs.yaml: ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`);
        words.signs = data.signs;
        return data.translation;
      },
      'next-steps': () => {
        const file = join(signsDir, 'next-steps.yaml');
        const data = loadYamlFile(file, TRANSLATIONS.nextSteps.schema);
        const keys = Object.keys(englishSigns['next-steps']);
        if (keys.some((k) => !data.steps[k]) || Object.keys(data.steps).some((k) => !keys.includes(k))) problems.push(`${shown(file)}: steps must have exactly the categories of content/signs/next-steps.yaml: ${keys.join(', ')}`);
        words.nextSteps = data.steps;
        return data.translation;
      },
      'checker-audiences': () => {
        const file = join(signsDir, 'checker-audiences.yaml');
        const data = loadYamlFile(file, TRANSLATIONS.checkerAudiences.schema);
        const source = englishSigns['checker-audiences'] as Record<string, { steps: unknown[]; avoid?: unknown[] }>;
        for (const [id, entry] of Object.entries(source)) {
          const t = data.audiences[id];
          if (!t) problems.push(`${shown(file)}: audiences.${id} is missing`);
          else if (t.steps.length !== entry.steps.length || t.avoid.length !== (entry.avoid ?? []).length) problems.push(`${shown(file)}: audiences.${id} must have as many steps and "avoid" lines as the English`);
        }
        words.checkerAudiences = data.audiences;
        return data.translation;
      },
    } as const;
    for (const [name, load] of Object.entries(loaders) as [keyof typeof loaders, () => Translation][]) {
      const file = join(signsDir, `${name}.yaml`);
      if (!existsSync(file)) continue;
      const translation = load();
      const state = stateOf(translation, fingerprint(readFileSync(join(content, 'signs', `${name}.yaml`), 'utf8')));
      files.push({ locale: code, file: shown(file), source: `content/signs/${name}.yaml`, translation, state });
      if (publishable(translation)) signStates[name] = state;
    }
    if (signStates.signs && signStates['next-steps'] && signStates['checker-audiences']) signs[code] = words as SignsWords;

    for (const [path, needs] of Object.entries(TRANSLATED_VIEWS)) {
      const parts = needs.map((n) => signStates[n]);
      if (parts.every((p) => p)) pages[code]![path] = worst([catalogueState, ...(parts as TranslationState[])]);
    }

    // Translated pages: content/pages/<code>/<slug>.mdx follows content/pages/<slug>.mdx.
    for (const relativeFile of mdxFiles(join(content, 'pages', code))) {
      const file = join(content, 'pages', code, relativeFile);
      const sourceFile = join(content, 'pages', relativeFile);
      if (!existsSync(sourceFile)) {
        problems.push(`${shown(file)}: there is no English page ${shown(sourceFile)} for it to translate (the file name must match)`);
        continue;
      }
      const { translation } = loadMarkdownFile(file, TranslatedPageSchema).data;
      const state = stateOf(translation, fingerprint(readFileSync(sourceFile, 'utf8')));
      const path = `/${relativeFile.replace(/\.mdx$/, '')}/`;
      files.push({ locale: code, file: shown(file), source: shown(sourceFile), translation, state, path });
      if (publishable(translation)) pages[code]![path] = worst([state, catalogueState]);
    }
  }
  if (problems.length) throw new Error(`The translations have mistakes:\n${problems.join('\n')}`);
  return { locales, strings, signs, pages, files };
}

const VIRTUAL_ID = 'virtual:see-the-signs/i18n';

/** Exposes the checked words and the map of translated pages as `virtual:see-the-signs/i18n`. */
export function i18nIntegration(data: I18nData): AstroIntegration {
  const { locales, strings, signs, pages } = data;
  const source = defaultExport({ locales, strings, signs, pages });
  return {
    name: 'see-the-signs:i18n',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: { plugins: [virtualModules('see-the-signs:i18n', { [VIRTUAL_ID]: source })] },
        });
      },
    },
  };
}

/** The sitemap's language settings: each page is paired with its versions in other languages. */
export function sitemapLanguages(data: I18nData) {
  return { defaultLocale: SOURCE, locales: Object.fromEntries(data.locales.map((l) => [l.code, l.lang])) };
}

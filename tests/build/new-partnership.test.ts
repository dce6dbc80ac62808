// `npm run new-partnership` in a copy of the repository: it writes the partnership's file, removes
// the demo's own content, and both builds then publish no trace of the demo. Every file the builds
// write is read (compressed search index files unpacked, PDF text extracted) and searched for the
// demo's name, colour and numbers. The copy's own `npm test` is not run here (it takes minutes);
// the note for issue 14 records a full run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPartnership } from '../../src/integrations/partnership.ts';
import { iconPng, TAB_ICON_PX } from '../../src/lib/favicon.ts';
import { readMdx, readYaml } from '../../scripts/lib/content.ts';

// What the demo is, read from its own files, so the test follows the demo if it changes.
const demo = loadPartnership('content/partnership.yaml');
const demoNumbers = demo.contacts.filter((c) => c.demo).map((c) => c.number);
const demoServices = readMdx('services').filter((s) => s.data.demo).map((s) => String(s.data.name));
const TRACES = [demo.area, demo.name, demo.shortName, demo.brandColour, new URL(demo.siteUrl).host, demo.siteEmail, ...demoNumbers, ...demoServices];

const NEW = {
  name: 'Riverbridge Safeguarding Children Partnership',
  'short-name': 'Riverbridge SCP',
  area: 'Riverbridge',
  site: 'https://seethesigns.riverbridge.example.net',
  colour: '#0b5394',
  email: 'website@riverbridge.example.net',
  'children-number': '020 7946 0000',
  'out-of-hours-number': '020 7946 0001',
};
const flags = Object.entries(NEW).flatMap(([k, v]) => [`--${k}`, v]);

const copy = mkdtempSync(join(tmpdir(), 'adopt-'));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(args[0]!, args.slice(1), { cwd: copy, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 });
const node = (script: string, args: string[] = []) => run([process.execPath, script, ...args]);

beforeAll(() => {
  // The repository as a fresh clone would have it, sharing the installed packages (each package
  // linked, so the copy's build cache is its own).
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(file)) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(file, join(copy, file));
  }
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync('node_modules')) {
    if (entry !== '.astro' && entry !== '.vite') symlinkSync(join(process.cwd(), 'node_modules', entry), join(copy, 'node_modules', entry));
  }
}, 120_000);
// Two builds of the whole site are in the copy: removing them takes more than the default 10 s on a busy machine.
afterAll(() => rmSync(copy, { recursive: true, force: true }), 120_000);

/** Every file under a folder, as text: gzip-packed files (the search index) unpacked, PDFs' text extracted. */
async function publishedText(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    let text = bytes.toString('latin1') + bytes.toString('utf8');
    if (name.endsWith('.pdf')) {
      const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
      const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
      text += JSON.stringify(info);
      for (let p = 1; p <= pdf.numPages; p++) text += (await (await pdf.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    }
    out.push({ file: relative(copy, file), text });
  }
  return out;
}

function leaks(files: { file: string; text: string }[]) {
  const found: string[] = [];
  for (const { file, text } of files) {
    const lower = text.toLowerCase();
    for (const trace of TRACES) {
      const n = lower.split(trace.toLowerCase()).length - 1;
      if (n) found.push(`${file}: "${trace}" ×${n}`);
    }
  }
  return found;
}

// Only the demo can be adopted: on a partnership's own site there is no demo left to remove.
describe.runIf(demo.demo)('npm run new-partnership', () => {
  test('without a terminal, a missing value stops it, naming the option; nothing is changed', () => {
    const result = node('scripts/new-partnership.ts', flags.slice(0, -2));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Missing --out-of-hours-number: Children’s services’ out-of-hours number, e\.g\. --out-of-hours-number "/);
    expect(readFileSync(join(copy, 'content/partnership.yaml'), 'utf8')).toBe(readFileSync('content/partnership.yaml', 'utf8'));
  });

  test('a colour too light for white text is refused before anything changes', () => {
    const result = node('scripts/new-partnership.ts', flags.map((f) => (f === NEW.colour ? '#ffdd00' : f)));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--colour "#ffdd00": .*white text/);
  });

  test('it writes the partnership file and removes the demo’s own content, keeping the national content', () => {
    const result = node('scripts/new-partnership.ts', flags);
    expect(result.status, result.stderr).toBe(0);
    const written = loadPartnership(join(copy, 'content/partnership.yaml'));
    expect(written).toMatchObject({ name: NEW.name, shortName: NEW['short-name'], area: NEW.area, siteUrl: NEW.site, brandColour: NEW.colour, siteEmail: NEW.email, demo: false });
    expect(written.contacts.map((c) => [c.key, c.number])).toEqual([['emergency', '999'], ['police', '101'], ['children', NEW['children-number']], ['out-of-hours', NEW['out-of-hours-number']]]);
    for (const folder of ['services', 'campaigns', 'pages']) {
      const before = readMdx(folder);
      // Pages may sit in folders (content/pages/parents/arrested.mdx): compare paths inside the folder.
      const after = readdirSync(join(copy, 'content', folder), { recursive: true }).map(String);
      for (const entry of before) expect(after.includes(entry.file.slice(`content/${folder}/`.length)), entry.file).toBe(!entry.data.demo);
    }
    const figures = readdirSync(join(copy, 'content/figures')).filter((f) => /^\d{4}-\d{2}\.yaml$/.test(f));
    expect(figures.filter((f) => readYaml<{ demo?: boolean }>(`content/figures/${f}`).demo)).toEqual([]);
    // It runs a script in a child process: 5 s (the default) was not enough on a shared, loaded machine.
  }, 60_000);

  for (const [target, env] of [['node', {}], ['cloudflare', { DEPLOY_TARGET: 'cloudflare' }]] as const) {
    test(`the ${target} build publishes no trace of the demo: HTML, JSON, CSV, search index, posters, icons, headers, server bundle`, async () => {
      const outDir = `dist-${target}`;
      const build = run(['npm', 'run', 'build'], { ...env, OUT_DIR: outDir });
      expect(build.status, build.stdout + build.stderr).toBe(0);
      const files = await publishedText(join(copy, outDir));
      // The kinds of file the issue names are all there to search.
      for (const kind of [/\.html$/, /\.json$/, /\.csv$/, /pagefind\/.*\.pf_fragment$/, /poster-a4\.pdf$/, /poster-a4\.png$/, /favicon\.png$/, /^dist-\w+\/server\//]) {
        expect(files.some((f) => kind.test(f.file)), String(kind)).toBe(true);
      }
      if (target === 'cloudflare') expect(files.some((f) => f.file.endsWith('client/_headers'))).toBe(true);
      expect(leaks(files)).toEqual([]);
      // No languages are listed in the new file, so nothing is published in them: no /cy/ pages, no
      // alternates, no language switcher (the demo's translations stay in content/ as drafts).
      for (const code of demo.languages.map((l) => l.code)) expect(files.filter((f) => f.file.includes(`/client/${code}/`)).map((f) => f.file), code).toEqual([]);
      // (The home page is rendered on request: a built page stands for every page here.)
      const page = files.find((f) => f.file.endsWith('client/help/index.html'))!.text;
      expect(page).not.toMatch(/hreflang="(?!en-GB|x-default)/);
      // The new partnership is there instead: its name on its pages, its colour in the icon.
      expect(page).toContain(NEW.name);
      expect(readFileSync(join(copy, outDir, 'client/favicon.png')).equals(iconPng(NEW.colour, TAB_ICON_PX))).toBe(true);
    }, 900_000);
  }

  test('the same check finds the demo in the demo’s own build (so a leak would be seen)', async () => {
    expect(existsSync('dist/client/404.html'), 'run npm run build first').toBe(true);
    const html = await publishedText(join(process.cwd(), 'dist/client/help'));
    expect(leaks(html.map((f) => ({ ...f, file: `dist/${f.file}` }))).length).toBeGreaterThan(0);
  });
});

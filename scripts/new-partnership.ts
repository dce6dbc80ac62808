// npm run new-partnership -- --name "…" --short-name "…" --area "…" --site https://… --colour "#…"
//   --email … --children-number "…" --out-of-hours-number "…"
//
// Turns the demo into a partnership's own kit: writes content/partnership.yaml, deletes every
// content file (and YAML entry) marked `demo: true`, keeps the national content, and says what to
// do next. A value not given is asked for when someone is at the keyboard; otherwise (CI, a script)
// it stops and names the missing option. Nothing is changed until every value is valid.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { z } from 'astro/zod';
import { contentDir } from '../src/lib/content-dir.ts';
import { ContentError, parseSource, readSource } from '../src/lib/content-files.ts';
import { checkData, formatMistakes } from '../src/lib/plain-errors.ts';
import { COLLECTIONS, SETTINGS } from '../src/schemas/collections.ts';
import { PartnershipSchema } from '../src/schemas/partnership.ts';
import { PhoneNumberSchema } from '../src/schemas/common.ts';

const fields = PartnershipSchema.shape;
/** Each option, the schema that checks it, and what to say when asking for it. */
const OPTIONS = {
  name: { schema: fields.name, ask: 'The partnership’s full name', example: 'Riverbridge Safeguarding Children Partnership' },
  'short-name': { schema: fields.shortName, ask: 'A short name for the header on a phone', example: 'Riverbridge SCP' },
  area: { schema: fields.area, ask: 'The place it serves, as it reads after "in"', example: 'Riverbridge' },
  site: { schema: fields.siteUrl, ask: 'The site’s public address', example: 'https://seethesigns.riverbridge.gov.uk' },
  colour: { schema: fields.brandColour, ask: 'The brand colour, dark enough for white text', example: '#0b5394' },
  email: { schema: fields.siteEmail, ask: 'An email address for questions about the site (never for reports)', example: 'website@riverbridge.gov.uk' },
  'children-number': { schema: PhoneNumberSchema, ask: 'Children’s services’ phone number', example: '020 7946 0000' },
  'out-of-hours-number': { schema: PhoneNumberSchema, ask: 'Children’s services’ out-of-hours number', example: '020 7946 0001' },
} satisfies Record<string, { schema: z.ZodType; ask: string; example: string }>;
type Option = keyof typeof OPTIONS;

const { values } = parseArgs({
  options: {
    ...(Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: 'string' }])) as Record<Option, { type: 'string' }>),
    'children-hours': { type: 'string', default: 'Monday to Friday, 9am to 5pm' },
    'out-of-hours-hours': { type: 'string', default: 'evenings, weekends and bank holidays' },
    'numbers-source': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

const usage = `npm run new-partnership -- ${Object.entries(OPTIONS).map(([k, o]) => `--${k} "${o.example}"`).join(' ')}
Optional: --children-hours "…" --out-of-hours-hours "…" --numbers-source https://… (the page that publishes the two
numbers; until it is given, the site says they have not been checked).`;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const content = contentDir();
const interactive = process.stdin.isTTY && process.stdout.isTTY;
const answers = {} as Record<Option, string>;
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

for (const [key, option] of Object.entries(OPTIONS) as [Option, (typeof OPTIONS)[Option]][]) {
  let value = values[key];
  for (;;) {
    if (value === undefined) {
      if (!prompt) {
        console.error(`Missing --${key}: ${option.ask}, e.g. --${key} "${option.example}".\n\nThe whole command:\n  ${usage}`);
        process.exit(2);
      }
      value = (await prompt.question(`${option.ask} (e.g. ${option.example}): `)).trim();
    }
    const checked = checkData(option.schema, value);
    if (checked.success) break;
    const why = checked.mistakes.map((m) => m.message).join(' ');
    if (!prompt) {
      console.error(`--${key} "${value}": ${why}`);
      process.exit(2);
    }
    console.log(`  ${why}`);
    value = undefined;
  }
  answers[key] = value;
}
prompt?.close();

const today = new Date().toISOString().slice(0, 10);
const partnershipFile = join(content, 'partnership.yaml');
// The national lines (999, 101) are kept as they are, with the source and date they were checked on.
const current = parseSource(readSource(partnershipFile)) as { contacts?: { key: string; demo?: boolean }[] };
const national = (current.contacts ?? []).filter((c) => !c.demo && c.key !== 'children' && c.key !== 'out-of-hours');
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const kept = `${stringify(national.map((c) => ({ ...c, checked: day((c as { checked?: unknown }).checked) }))).trimEnd().replace(/^/gm, '  ')}\n`;
const numbersSource = values['numbers-source'] ?? answers.site;
// Until someone checks the two numbers against the page that publishes them, every page that shows
// them says so (the same warning any unconfirmed fact gets).
const numbersCheck = values['numbers-source']
  ? `    source: ${numbersSource}\n    checked: ${today}\n    checkedAgainst: live-page`
  : `    # Set source to the page where the council publishes this number, check it there, then
    # delete the unconfirmed line.
    source: ${numbersSource}
    checked: ${today}
    checkedAgainst: live-page
    unconfirmed: This number has not yet been checked against the page that publishes it.`;
const q = (s: string) => JSON.stringify(s);
const partnershipYaml = `# The partnership this site belongs to: the one file that brands the whole kit.
# Written by npm run new-partnership on ${today}. Every number carries where it was checked
# (source) and when (checked, YYYY-MM-DD); a test fails when a check is more than 12 months old.
name: ${q(answers.name)}
shortName: ${q(answers['short-name'])}
area: ${q(answers.area)}
siteUrl: ${answers.site}
# White text sits on this colour in the header and on posters: it must reach 4.5:1 against white.
brandColour: ${q(answers.colour)}
exitUrl: https://www.bbc.co.uk/weather
siteEmail: ${answers.email}
# When the safeguarding team reads reports sent through the site, in UK time: the report form says
# so, and gives the out-of-hours number for other times. Change it to your team's hours.
reportsRead:
  weekly:
    - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }
  bankHolidays: closed
contacts:
${national.length ? kept : ''}  - key: children
    label: ${q(`${answers.area} children's services`)}
    number: ${q(answers['children-number'])}
    hours: ${q(values['children-hours'])}
${numbersCheck}
  - key: out-of-hours
    label: ${q(`${answers.area} children's services out of hours`)}
    number: ${q(answers['out-of-hours-number'])}
    hours: ${q(values['out-of-hours-hours'])}
${numbersCheck}
# The site is in English only until languages are listed here, each with its words translated in
# content/i18n/<code>.yaml (docs/languages.md). For example:
# languages:
#   - { code: cy, name: Cymraeg, dir: ltr }
#   - { code: ur, name: اردو, dir: rtl }
`;

// The file as written must pass the same check the build makes, before anything is changed.
const check = checkData(PartnershipSchema, parseSource({ file: partnershipFile, yaml: partnershipYaml, firstLine: 1 }));
if (!check.success) throw new ContentError(formatMistakes(partnershipFile, check.mistakes));

/** Deletes each file of a folder collection marked demo, and each demo entry of a YAML list. */
function removeDemo(): string[] {
  const removed: string[] = [];
  for (const source of Object.values(COLLECTIONS)) {
    if ('folder' in source) {
      const dir = join(content, source.folder);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir, { recursive: true }).map(String)) {
        const file = join(dir, name);
        if (!/\.(mdx?|ya?ml)$/.test(name)) continue;
        const data = parseSource(readSource(file)) as { demo?: unknown };
        if (data?.demo === true) {
          rmSync(file);
          removed.push(relative(process.cwd(), file));
        }
      }
    } else {
      const file = join(content, source.file);
      if (!existsSync(file)) continue;
      // Edited as a YAML document, so the editors' comments stay.
      const doc = parseDocument(readFileSync(file, 'utf8'));
      const items = doc.contents;
      const isDemo = (node: unknown) => isMap(node) && node.get('demo') === true;
      let count = 0;
      if (isSeq(items)) {
        for (let i = items.items.length - 1; i >= 0; i--) if (isDemo(items.items[i])) (items.items.splice(i, 1), count++);
      } else if (isMap(items)) {
        for (let i = items.items.length - 1; i >= 0; i--) if (isDemo(items.items[i]!.value)) (items.items.splice(i, 1), count++);
      }
      if (count) {
        writeFileSync(file, doc.toString());
        removed.push(`${relative(process.cwd(), file)} (${count} demo ${count === 1 ? 'entry' : 'entries'})`);
      }
    }
  }
  return removed;
}

/**
 * Pages that show a few services by name (<Services ids="a, b" />, or the list form ids={["a"]}),
 * and the groups on /help/, stop naming the ones removed; a list left empty goes. Each file is
 * changed only where it named one.
 */
function forgetServices(ids: ReadonlySet<string>): string[] {
  const changed: string[] = [];
  for (const source of Object.values(COLLECTIONS)) {
    if (!('folder' in source)) continue;
    const dir = join(content, source.folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true }).map(String).filter((n) => /\.mdx$/.test(n))) {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      const next = text.replace(/^[ \t]*<Services ids=(?:\{\[([^\]]*)\]\}|"([^"]*)") \/>[ \t]*\n?/gm, (element, array: string | undefined, words: string | undefined) => {
        const list = array ?? words!;
        const kept = list.split(',').map((id) => id.trim()).filter((id) => id && !ids.has(id.replace(/^["']|["']$/g, '')));
        return kept.length ? element.replace(list, kept.join(', ')) : '';
      });
      if (next !== text) {
        writeFileSync(file, next);
        changed.push(relative(process.cwd(), file));
      }
    }
  }
  // The /help/ page's groups name services too: the removed ones go, and a group left empty goes.
  const groupsFile = join(content, SETTINGS.helpGroups.file);
  if (existsSync(groupsFile)) {
    const doc = parseDocument(readFileSync(groupsFile, 'utf8'));
    const groups = doc.contents;
    let touched = false;
    if (isSeq(groups)) {
      for (let i = groups.items.length - 1; i >= 0; i--) {
        const group = groups.items[i];
        const list = isMap(group) ? group.get('services', true) : undefined;
        if (!isSeq(list)) continue;
        const before = list.items.length;
        list.items = list.items.filter((item) => !(isScalar(item) && ids.has(String(item.value))));
        if (list.items.length !== before) touched = true;
        if (!list.items.length) groups.items.splice(i, 1);
      }
    }
    if (touched) {
      writeFileSync(groupsFile, doc.toString());
      changed.push(relative(process.cwd(), groupsFile));
    }
  }
  return changed;
}

writeFileSync(partnershipFile, partnershipYaml);
const removed = removeDemo();
const removedServices = new Set(removed.filter((f) => /services\/[^/]+\.mdx?$/.test(f)).map((f) => f.replace(/^.*\//, '').replace(/\.mdx?$/, '')));
const relinked = forgetServices(removedServices);
console.log(`Wrote ${relative(process.cwd(), partnershipFile)} for ${answers.name}.`);
console.log(removed.length ? `Removed the demo's own content:\n${removed.map((f) => `  ${f}`).join('\n')}` : 'There was no demo content left to remove.');
if (relinked.length) console.log(`Took the removed services out of the lists on:\n${relinked.map((f) => `  ${f}`).join('\n')}`);
console.log(`
Next:
  1. ${values['numbers-source'] ? `The two children's services numbers are checked against ${numbersSource}.` : `Check the two children's services numbers against the page that publishes them, set their
     source in ${relative(process.cwd(), partnershipFile)} and delete their "unconfirmed" lines: until then,
     the site says they have not been checked.`}
     Set reportsRead to the hours your safeguarding team reads reports.
  2. Add your local services to content/services/ and your figures to content/figures/
     (docs/editing.md shows how), and read each page in content/pages/ as your partnership.
  3. npm run build, then npm test. docs/adopting.md goes on from there to a live site.
  4. The site is in English only. To publish in Welsh, Polish, Urdu or other languages, list them
     under languages: in ${relative(process.cwd(), partnershipFile)}: the demo's machine-drafted translations
     in content/i18n/ and content/pages/<code>/ are a start, to be reviewed (docs/languages.md).`);

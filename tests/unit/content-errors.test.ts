// A comms officer's mistake must stop the build with the file's path and the field's name.
// Runs the real `astro sync` on a copy of content/ with one field broken.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { readCampaignSchedule } from '../../src/integrations/campaign-schedule.ts';

const run = promisify(execFile);

async function syncWith(edit: (dir: string) => void): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync('content', dir, { recursive: true });
  edit(dir);
  try {
    const { stdout, stderr } = await run('node_modules/.bin/astro', ['sync'], {
      env: { ...process.env, CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    return { code: 0, output: stripVTControlCharacters(stdout + stderr) };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: stripVTControlCharacters(e.stdout + e.stderr) };
  }
}

const replaceIn = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the test's edit did not apply to ${file}`);
  writeFileSync(file, next);
};

// `astro sync` caches the content layer in .astro/ for the folder it last saw; the real build that
// follows must not start from a cache of these throwaway folders.
afterAll(() => {
  rmSync('.astro', { recursive: true, force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
});

describe('content mistakes fail the build, naming the file and the field', () => {
  test('the content as shipped is valid, and a byte-order mark (as some editors save) changes nothing', async () => {
    const { code, output } = await syncWith((dir) => {
      const file = join(dir, 'campaigns/see-the-signs.mdx');
      writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    });
    expect(output).not.toMatch(/Error/);
    expect(code).toBe(0);
  });

  test('a campaign with a bad hashtag', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'campaigns/see-the-signs.mdx'), 'hashtag: "#SeeTheSigns"', 'hashtag: "See the signs"'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/campaigns\/see-the-signs\.mdx has a mistake:\s+line \d+, hashtag: must start with # and have no spaces, in quotes: "#SeeTheSigns"\./);
  });

  test('a misspelt field, a day-first date and a hashtag YAML would drop, all in one message', async () => {
    const { code, output } = await syncWith((dir) => {
      const file = join(dir, 'campaigns/see-the-signs.mdx');
      replaceIn(file, 'hashtag: "#SeeTheSigns"', 'hashtg: "#SeeTheSigns"');
      replaceIn(file, 'start: 2026-01-01', 'start: 01/12/2026');
      replaceIn(file, /shareText: "(.*)"/, 'shareText: $1');
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/campaigns\/see-the-signs\.mdx has 3 mistakes:/);
    expect(output).toMatch(/line 6, start: "01\/12\/2026" is not written as YYYY-MM-DD \(year, month, day\)\. If you mean 1 December 2026, write 2026-12-01\./);
    expect(output).toMatch(/line 7, hashtg: there is no field called "hashtg"\. Did you mean "hashtag"\?/);
    expect(output).toMatch(/line 9, shareText: "#SeeTheSigns" would be lost: in YAML a space followed by # starts a comment\. Put the whole value in double quotes/);
    // Astro's own wording ("Expected type", "**end**") never reaches an editor.
    expect(output).not.toMatch(/Expected type|\*\*/);
  });

  test('a service with a misspelt phone number', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'services/childline.md'), 'value: "0800 1111"', 'value: "0800-1111"'));
    expect(code).not.toBe(0);
    expect(output).toContain('services/childline.md');
    expect(output).toMatch(/line \d+, channels → 1st → value: write the number as digits and single spaces/);
  });

  test('a warning sign with an unknown audience', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'signs/signs.yaml'), 'audiences: [parent, professional]\n  category: money', 'audiences: [parents]\n  category: money'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/signs\.yaml \(the entry "unexplained-money"\) has a mistake:\s+line \d+, audiences → 1st: must be one of: parent, young-person, community, professional, business\. Did you mean parent\?/);
  });

  test('a YAML file that is not valid YAML stops the build, where Astro would carry on without it', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'signs/next-steps.yaml'), /\n(\s+)step: /, '\n$1step: "unclosed '));
    expect(code).not.toBe(0);
    expect(output).toMatch(/signs\/next-steps\.yaml, line \d+: this is not valid YAML/);
  });

  test('a measure with a field the schema does not have', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'figures/metrics.yaml'), /sensitive: false/, 'sensitive: false\n  colour: red'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/figures\/metrics\.yaml \(the entry "[a-z-]+"\) has a mistake:\s+line \d+, colour: there is no field called "colour" here\. Remove it, or use one of: id, title/);
  });

  test('a partnership file with a bad colour', async () => {
    const { code, output } = await syncWith((dir) =>
      replaceIn(join(dir, 'partnership.yaml'), /brandColour: "#[0-9a-f]{6}"/, 'brandColour: navy'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/partnership\.yaml has a mistake:\s+line \d+, brandColour: must be written as #rrggbb/);
  });

  test('a campaign saved with a byte-order mark keeps its short links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bom-'));
    writeFileSync(join(dir, 'see-the-signs.mdx'), `\uFEFF${readFileSync('content/campaigns/see-the-signs.mdx', 'utf8')}`);
    const schedule = readCampaignSchedule(dir);
    expect(schedule.links['/seethesigns']).toEqual({ campaign: 'see-the-signs', sources: ['poster', 'leaflet', 'facebook'] });
    expect(schedule.campaigns['see-the-signs']?.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

// One typed configuration: every environment variable is in src/settings.ts with its check, default
// and meaning; the README's table says the same; a wrong value stops start-up naming the variable.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readBuildSettings, readSettings, SETTINGS, SettingsError } from '../../src/settings.ts';

/** The README's settings table: variable -> [default as shown, what it does]. */
function readmeTable(): Map<string, [string, string]> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
  const rows = section.split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line));
  return new Map(rows.map((row) => {
    const [name, fallback, doc] = row.replace(/^\| | \|$/g, '').split(' | ') as [string, string, string];
    return [name.replace(/`/g, ''), [fallback, doc]];
  }));
}

test('the README lists every setting, in order, with its default and meaning from the schema', () => {
  const table = readmeTable();
  expect([...table.keys()]).toEqual(Object.keys(SETTINGS));
  for (const [name, about] of Object.entries(SETTINGS)) {
    expect(table.get(name), name).toEqual([about.fallback === undefined ? 'unset' : `\`${about.fallback}\``, about.doc]);
  }
});

test('every variable the code reads is in the schema', () => {
  // Nothing under src/ reads process.env except through src/settings.ts (the adapter's own switch aside).
  const hits = execFileSync('grep', ['-rnE', 'process\\.env(\\.|\\[)', 'src', 'astro.config.ts'], { encoding: 'utf8' }).trim().split('\n');
  const outside = hits.filter((line) => !line.startsWith('src/settings.ts') && !line.includes('ASTRO_NODE_AUTOSTART'));
  expect(outside).toEqual([]);
});

test('defaults when nothing is set', () => {
  const s = readSettings({});
  expect(s.server).toEqual({ port: 4321, host: 'localhost', trustProxy: undefined, tls: undefined });
  expect(s.report).toMatchObject({ rateLimit: 10, minFillSeconds: 3, tokenMaxAgeSeconds: 86400, maxBodyBytes: 65536, retentionDays: 7, delivering: false });
  expect(s.delivery).toMatchObject({ target: { kind: 'none' }, intervalSeconds: 30, timeoutMs: 30_000, concurrency: 4, allowPlainLoopback: false });
  expect(readBuildSettings({})).toEqual({ outDir: 'dist', contentDir: 'content', deployTarget: 'node' });
});

test('every wrong value is named at once, and no secret is repeated back', () => {
  let error: unknown;
  try {
    readSettings({ PORT: 'eighty', REPORT_RATE_LIMIT: '-1', REPORT_DELIVERY: 'carrier-pigeon', REPORT_SECRET: 'hunter2', TRUST_PROXY: 'somewhere', DEPLOY_TARGET: 'aws' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SettingsError);
  const message = (error as Error).message;
  for (const name of ['PORT', 'REPORT_RATE_LIMIT', 'REPORT_DELIVERY', 'REPORT_SECRET', 'TRUST_PROXY', 'DEPLOY_TARGET']) expect(message).toMatch(new RegExp(`^  ${name} `, 'm'));
  expect(message).toContain('PORT must be a whole number of at least 1 (it is "eighty")');
  expect(message).not.toContain('hunter2');
});

test('each delivery needs its own settings, and Cloudflare offers only webhook', () => {
  expect(() => readSettings({ REPORT_DELIVERY: 'smtp', REPORT_SMTP_URL: 'smtps://mail.example.org' })).toThrow(/REPORT_EMAIL_FROM must be set for SMTP delivery[\s\S]*REPORT_EMAIL_TO must be set/);
  expect(() => readSettings({ REPORT_DELIVERY: 'notify', REPORT_EMAIL_TO: 'team@example.org' })).toThrow(/NOTIFY_API_KEY must be set/);
  expect(() => readSettings({ REPORT_DELIVERY: 'smtp' }, 'cloudflare')).toThrow(/REPORT_DELIVERY must be none or webhook on Cloudflare/);
  expect(() => readSettings({}, 'cloudflare')).toThrow(/REPORT_SECRET must be set as a Worker secret/);
  expect(() => readSettings({ SERVER_CERT_PATH: 'cert.pem' })).toThrow(/SERVER_KEY_PATH must be set too/);
  expect(readSettings({ REPORT_DELIVERY: 'smtp', REPORT_SMTP_URL: 'smtp://mail.example.org:587', REPORT_EMAIL_FROM: 'a@example.org', REPORT_EMAIL_TO: 'b@example.org' }).delivery.target).toEqual({
    kind: 'smtp', url: 'smtp://mail.example.org:587', from: 'a@example.org', to: 'b@example.org',
  });
});

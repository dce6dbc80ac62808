// Prepares the local Cloudflare target for its tests, fully offline: Worker variables and a fresh
// secret in dist/server/.dev.vars (never committed), and a fresh local D1 with the migrations.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { CLIENT_ID, CLIENT_SECRET, FAKE_GITHUB_PORT } from '../tests/support/github-fake.ts';
import { CLOUDFLARE_SITE_DATE, PREVIEW_KEY } from '../tests/support/campaigns.ts';

export const WEBHOOK_PORT = 4398;
const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
writeFileSync(
  'dist/server/.dev.vars',
  [
    `REPORT_SECRET=${secret}`,
    'REPORT_MIN_FILL_SECONDS=1',
    'REPORT_RATE_LIMIT=0',
    'REPORT_FOLLOW_UP_RATE_LIMIT=0',
    'REPORT_DELIVERY=webhook',
    `REPORT_WEBHOOK_URL=http://127.0.0.1:${WEBHOOK_PORT}/reports`,
    'REPORT_WEBHOOK_SECRET=cloudflare-test-secret',
    // The test's receiver is on loopback without TLS; anywhere else delivery needs https://.
    'REPORT_ALLOW_PLAINTEXT_LOOPBACK=1',
    // The editor's GitHub sign-in, against the loopback server in tests/support/github-fake.ts.
    `CMS_GITHUB_CLIENT_ID=${CLIENT_ID}`,
    `CMS_GITHUB_CLIENT_SECRET=${CLIENT_SECRET}`,
    `CMS_GITHUB_URL=http://127.0.0.1:${FAKE_GITHUB_PORT}`,
    // The day before the last campaign starts: one campaign is not public yet, the others are.
    `SITE_DATE=${CLOUDFLARE_SITE_DATE}`,
    `CAMPAIGN_PREVIEW_KEY=${PREVIEW_KEY}`,
    // Counts reach D1 a second after the visit, so the reach tests need not wait long.
    'REACH_WRITE_SECONDS=1',
  ].join('\n'),
  { mode: 0o600 },
);
rmSync('.wrangler/state', { recursive: true, force: true });
execFileSync('node_modules/.bin/wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], { stdio: 'inherit', env: { ...process.env, CI: '1' } });

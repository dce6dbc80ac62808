import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium.ts';

const PORT = 4330;

// The Cloudflare target in workerd (astro preview), offline, with D1 simulated by Miniflare.
export default defineConfig({
  testDir: './tests/e2e',
  forbidOnly: !!process.env.CI,
  // Two at a time, as on Node (playwright.config.ts): the report tests spend much of their time
  // waiting on the form's minimum fill time and on counts being written, not on the machine.
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, ...devices['Desktop Chrome'], launchOptions: CHROMIUM_LAUNCH },
  projects: [
    // The cron trigger delivers every report waiting in the store, and its test counts what arrives:
    // it runs before any other test has stored a report (or run the cron trigger itself).
    { name: 'cloudflare-first', testMatch: ['cloudflare.spec.ts'] },
    { name: 'cloudflare', testMatch: ['report.spec.ts', 'report-languages.spec.ts', 'follow-up.spec.ts', 'reach.spec.ts', 'short-links.spec.ts'], dependencies: ['cloudflare-first'] },
  ],
  webServer: {
    command: `astro preview --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { DEPLOY_TARGET: 'cloudflare', ASTRO_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});

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
  // The tests share one store, and two of them count what is in it, so they run in three stages:
  projects: [
    // the cron trigger's test counts every report the trigger delivers and asserts that nothing is
    // sent twice, so it runs before any other test stores a report or runs the trigger;
    { name: 'cloudflare-first', testMatch: ['cloudflare.spec.ts'] },
    // the reach test counts the "another way" answers of a day, and the Welsh report in
    // report.spec.ts gives one, so that file waits until the reach test has counted.
    // (reach and short-links look for this project's name.)
    { name: 'cloudflare', testMatch: ['reach.spec.ts', 'report-languages.spec.ts', 'follow-up.spec.ts', 'short-links.spec.ts'], dependencies: ['cloudflare-first'] },
    { name: 'cloudflare-last', testMatch: ['report.spec.ts'], dependencies: ['cloudflare'] },
  ],
  webServer: {
    command: `astro preview --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { DEPLOY_TARGET: 'cloudflare', ASTRO_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});

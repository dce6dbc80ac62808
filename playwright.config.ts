import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium.ts';
import { PREVIEW_KEY } from './tests/support/campaigns.ts';

const PORT = Number(process.env.TEST_PORT ?? 4329);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

// The real production server on the real build, in Debian's Chromium (no browser download works here).
export default defineConfig({
  testDir: './tests/e2e',
  // The Cloudflare target's own checks run against workerd (playwright.cloudflare.config.ts).
  testIgnore: ['cloudflare.spec.ts'],
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  // Two, one a core. Four (tried 23 Nov) cut the run by about two minutes, as many tests wait, but
  // starved the browsers now and then: two tests that read a page as it loaded failed in two of five
  // full runs (a Back with JavaScript off; a tap on a folded group). A suite that fails by chance is
  // worse than a slower one.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
  webServer: {
    // A fresh store for every run.
    command: 'rm -rf .tmp/e2e && node src/targets/node/start.ts',
    url: `${BASE_URL}/api/health`,
    env: {
      HOST: '127.0.0.1',
      PORT: String(PORT),
      TRUST_PROXY: '1',
      // The pipeline's own tests cover the rate limits.
      REPORT_DB_PATH: '.tmp/e2e/reports.sqlite',
      REPORT_KEY_FILE: '.tmp/e2e/report.key',
      REPORT_MIN_FILL_SECONDS: '1',
      REPORT_RATE_LIMIT: '0',
      REPORT_FOLLOW_UP_RATE_LIMIT: '0',
      CAMPAIGN_PREVIEW_KEY: PREVIEW_KEY,
      // Counts reach the store a second after the visit, so the reach tests need not wait long.
      REACH_WRITE_SECONDS: '1',
    },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

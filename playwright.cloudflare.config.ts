import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium.ts';

const PORT = 4330;

// The Cloudflare target in workerd (astro preview), offline, with D1 simulated by Miniflare.
export default defineConfig({
  testDir: './tests/e2e',
  testMatch: ['report.spec.ts', 'report-languages.spec.ts', 'follow-up.spec.ts', 'cloudflare.spec.ts', 'reach.spec.ts', 'short-links.spec.ts'],
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    {
      name: 'cloudflare',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
  webServer: {
    command: `astro preview --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { DEPLOY_TARGET: 'cloudflare', ASTRO_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});

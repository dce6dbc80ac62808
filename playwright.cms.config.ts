import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium.ts';
import { LOCAL_BACKEND_PORT } from './src/cms/shared.ts';
import { CLIENT_ID, CLIENT_SECRET, FAKE_GITHUB_PORT } from './tests/support/github-fake.ts';

export const CMS_SITE_PORT = 4333;

// The content editor, driven in Chromium: the built site serves /admin/, and decap-server (npm run
// cms) works on a throwaway git repository holding a copy of the content (tests/cms/make-repo.ts).
export default defineConfig({
  testDir: './tests/cms',
  forbidOnly: !!process.env.CI,
  // One repository, one server: tests that publish must not race each other.
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${CMS_SITE_PORT}`, trace: 'retain-on-failure', viewport: { width: 1280, height: 900 } },
  projects: [{ name: 'cms', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions: CHROMIUM_LAUNCH } }],
  webServer: [
    {
      command: 'node tests/cms/make-repo.ts && node scripts/cms-server.ts',
      stdout: 'pipe',
      stderr: 'pipe',
      port: LOCAL_BACKEND_PORT,
      env: { CMS_REPO: '.tmp/cms-repo' },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'rm -rf .tmp/cms-site && node src/targets/node/start.ts',
      url: `http://127.0.0.1:${CMS_SITE_PORT}/api/health`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(CMS_SITE_PORT),
        REPORT_DB_PATH: '.tmp/cms-site/reports.sqlite',
        REPORT_KEY_FILE: '.tmp/cms-site/report.key',
        // GitHub sign-in against the loopback server in tests/support/github-fake.ts.
        CMS_GITHUB_CLIENT_ID: CLIENT_ID,
        CMS_GITHUB_CLIENT_SECRET: CLIENT_SECRET,
        CMS_GITHUB_URL: `http://127.0.0.1:${FAKE_GITHUB_PORT}`,
        REPORT_ALLOW_PLAINTEXT_LOOPBACK: '1',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});

import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/support/chromium';
import { CONTEXT_DEFAULTS } from './e2e/support/context';

/**
 * Browser tests of the built client as the API serves it (`npm run test:browser` builds both first). The global setup
 * starts one API on a free port with a fresh SQLite file and the demo network; every test makes its own accounts.
 * Debian's Chromium only: Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: '../../tmp/playwright/results',
  // Two cores shared with the API: two browsers at most.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Screenshots are a separate run (npm run screenshots), not skipped tests of test:browser.
  ...(process.env.SCREENSHOTS === '1' ? { grep: /screenshots/ } : { grepInvert: /screenshots/ }),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...CONTEXT_DEFAULTS,
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});

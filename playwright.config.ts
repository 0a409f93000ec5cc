import { defineConfig } from '@playwright/test';
import { CLOSED_NETWORK_FLAGS, findChromium } from './scripts/lib/find-chromium';

export const SIM_PORT = Number(process.env.SIM_PORT ?? 4173);

/**
 * End-to-end tests: the built extension (.output/chrome-mv3-test) in Debian's Chromium against the
 * built simulated system (sim/dist), served on 127.0.0.1. See tests/e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // One retry on CI so a single timing flake does not block landing; the list reporter marks a
  // retried pass as "flaky", which is read and fixed, not ignored.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${SIM_PORT}`,
    // Plain pages (the sim's own tests) run in Debian's Chromium too: tests never download browsers.
    launchOptions: { executablePath: findChromium(), args: CLOSED_NETWORK_FLAGS },
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx scripts/serve-sim.ts',
    url: `http://127.0.0.1:${SIM_PORT}/login.html`,
    reuseExistingServer: !process.env.CI,
    env: { SIM_PORT: String(SIM_PORT) },
  },
});

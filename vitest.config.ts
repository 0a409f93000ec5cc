import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests run in Node with WXT's fake browser; DOM tests opt into happy-dom per file with
// `// @vitest-environment happy-dom`. End-to-end tests are Playwright's (tests/e2e).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/dom/**/*.test.{ts,tsx}',
      'sim/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
    ],
    setupFiles: ['tests/setup/unit.ts'],
    restoreMocks: true,
  },
});

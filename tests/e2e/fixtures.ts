import {
  test as base,
  chromium,
  errors,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findTabId } from '../../scripts/lib/extension-tabs';
import { CLOSED_NETWORK_FLAGS, findChromium } from '../../scripts/lib/find-chromium';

/** The test build of the extension (matches localhost), made by `npm run build:test`. */
export const EXTENSION_DIR = process.env.ZHIYIN_OUT_DIR
  ? resolve(process.env.ZHIYIN_OUT_DIR, 'chrome-mv3-test')
  : resolve(import.meta.dirname, '../../.output/chrome-mv3-test');

/** Resolves to 127.0.0.1 in the test browser but matches none of the extension's host patterns. */
export const UNRELATED_HOST = 'unrelated-system.test';

export interface ExtensionFixtures {
  /** A persistent Chromium profile with the built extension loaded. */
  context: BrowserContext;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  /** The extension id, read from the service worker URL. */
  extensionId: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** The extension's tab id of a page (for opening the popup page about that tab). */
  tabIdOf: (page: Page) => Promise<number>;
}

/** How long one Chromium launch with the extension may take. */
export const LAUNCH_MS = 45_000;

/** A new persistent profile with the extension in `dir` loaded (default: the test build). */
export async function launchWithExtension(
  dir = EXTENSION_DIR,
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'zhiyin-e2e-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 800 },
      timeout: LAUNCH_MS,
      args: [
        ...CLOSED_NETWORK_FLAGS,
        // A host the extension is not configured for, serving the same pages (see UNRELATED_HOST).
        `--host-resolver-rules=MAP ${UNRELATED_HOST} 127.0.0.1`,
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
      ],
    });
    return { context, profile };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `test` with the extension loaded. Sim-only tests can import `test` from `@playwright/test`
 * directly (the config points it at Debian's Chromium); tests of the extension use this one.
 */
export const test = base.extend<ExtensionFixtures>({
  // A launch gets its own time, apart from the test's: on a fresh, busy machine (2 cores, other
  // builds running) the first launches of a run were seen to hang for a whole minute and fail the
  // test before it started. A launch that does not answer within LAUNCH_MS is killed (Playwright
  // closes the process on its timeout) and tried once more on a new profile; a second hang fails.
  context: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { context, profile } = await launchWithExtension().catch((error: unknown) => {
        if (!(error instanceof errors.TimeoutError)) throw error;
        console.warn(`[e2e] Chromium did not start within ${LAUNCH_MS} ms; trying once more`);
        return launchWithExtension();
      });
      await use(context);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'test', timeout: 2 * LAUNCH_MS + 10_000 },
  ],
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    });
  },
  tabIdOf: async ({ serviceWorker }, use) => {
    await use(async (page: Page) => {
      const url = page.url();
      const id = await findTabId(serviceWorker, url);
      if (id < 0) throw new Error(`no tab found for ${url}`);
      return id;
    });
  },
});

/** The overlay's open shadow root host on a page (contract: DESIGN.md, overlay test hooks). */
export const OVERLAY_HOST = 'zhiyin-overlay';

export { expect } from '@playwright/test';

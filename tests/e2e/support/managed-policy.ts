/**
 * A browser profile as an organisation deploys it: the extension under its own id with a REAL
 * managed policy (what `chrome.storage.managed` returns), not the options page's local settings.
 *
 * How: the test build is copied and given a generated manifest `key`, so the copy has an id of
 * its own; the policy is written where Chromium on Linux reads enterprise policy
 * (`/etc/chromium/policies/managed/*.json`, `"3rdparty" → "extensions" → id`, the same shape an
 * administrator deploys: deploy/linux/). The policy names only this copy's id, so the other tests
 * running beside it (the shared build's id) see no policy at all. Each profile is removed, and
 * its policy file deleted, by `close()`.
 *
 * Needs write access to the policy folder (CI runs as root). `CHROMIUM_POLICY_DIR` points
 * elsewhere for a Chromium that reads another folder (Google Chrome: /etc/opt/chrome/policies/
 * managed).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTabId } from '../../../scripts/lib/extension-tabs';
import { EXTENSION_DIR, launchWithExtension } from '../fixtures';

export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

export interface ManagedProfile {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens an extension page (e.g. `dashboard.html`) in a new tab of this profile. */
  openExtensionPage(path: string): Promise<Page>;
  /** The extension's tab id of a page of this profile. */
  tabIdOf(page: Page): Promise<number>;
  /** Closes the browser, removes the profile, the extension copy and the policy file. */
  close(): Promise<void>;
}

/** The id Chromium gives an extension with this public key (SHA-256, first 16 bytes, a–p). */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const digest = createHash('sha256').update(publicKeyDer).digest().subarray(0, 16);
  return [...digest]
    .map((byte) => String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15)))
    .join('');
}

/**
 * Launches a new profile with the extension under a fresh id and `policy` as its managed policy
 * (keys of public/managed-schema.json, e.g. `{ identity: {...}, xapi: {...} }`).
 */
export async function launchManaged(policy: Record<string, unknown>): Promise<ManagedProfile> {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch (error) {
    throw new Error(
      `cannot write Chromium's managed policy folder ${POLICY_DIR} (run as root, or set ` +
        `CHROMIUM_POLICY_DIR): ${String(error)}`,
    );
  }
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const id = extensionIdOf(der);
  const dir = mkdtempSync(join(tmpdir(), 'zhiyin-managed-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  const policyFile = join(POLICY_DIR, `zhiyin-e2e-${id}.json`);
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));

  const cleanUp = (profile?: string) => {
    rmSync(policyFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  };
  let launched: Awaited<ReturnType<typeof launchWithExtension>>;
  try {
    launched = await launchWithExtension(dir);
  } catch (error) {
    cleanUp();
    throw error;
  }
  const { context, profile } = launched;
  try {
    const serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(serviceWorker.url()).host;
    if (extensionId !== id)
      throw new Error(`the extension copy loaded as ${extensionId}, expected ${id}`);
    return {
      context,
      serviceWorker,
      extensionId,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
        return page;
      },
      async tabIdOf(page) {
        const tabId = await findTabId(serviceWorker, page.url());
        if (tabId < 0) throw new Error(`no tab found for ${page.url()}`);
        return tabId;
      },
      async close() {
        await context.close().catch(() => undefined);
        cleanUp(profile);
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    cleanUp(profile);
    throw error;
  }
}

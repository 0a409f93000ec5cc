import type { Page } from '@playwright/test';
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { ProtocolMap } from '../../../app/protocol';

/**
 * Sends a protocol message from an extension page (popup/options/dashboard) the way the pages do,
 * for tests that check what the background stored. Uses @webext-core/messaging's wire format.
 */
export async function sendFromExtensionPage<K extends keyof ProtocolMap>(
  page: Page,
  type: K,
  data: GetDataType<ProtocolMap[K]>,
): Promise<GetReturnType<ProtocolMap[K]>> {
  const reply = await page.evaluate(
    async ({ type, data }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
    },
    { type, data },
  );
  const { res, err } = reply as { res?: unknown; err?: { message?: string } };
  if (err) throw new Error(err.message ?? 'message failed');
  return res as GetReturnType<ProtocolMap[K]>;
}

import type { Worker } from 'playwright-core';

/**
 * The extension's id for the tab showing `url`, asked from the extension's service worker (the
 * popup page takes `?tabId=` to show a given tab). -1 when no tab shows it.
 */
export async function findTabId(serviceWorker: Worker, url: string): Promise<number> {
  return serviceWorker.evaluate(async (target) => {
    // Runs in the service worker, where `chrome` exists.
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
    };
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? -1;
  }, url);
}

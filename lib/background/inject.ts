import { browser } from 'wxt/browser';

/** The overlay UI bundle (entrypoints/overlay.ts), loaded only when something must be shown. */
export const OVERLAY_SCRIPT = '/overlay.js';

/**
 * Runs the overlay bundle in one frame, in the content scripts' isolated world, so the page pays
 * for React and the overlay only when Zhiyin has something to show there.
 */
export async function injectOverlay(tabId: number, frameId: number): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [OVERLAY_SCRIPT],
    });
    return;
  }
  // Manifest V2 (older domestic browsers, Firefox MV2): tabs.executeScript.
  await browser.tabs.executeScript(tabId, { file: OVERLAY_SCRIPT, frameId });
}

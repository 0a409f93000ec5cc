import { browser } from 'wxt/browser';

/** The overlay UI bundle (entrypoints/overlay.ts), loaded only when something must be shown. */
export const OVERLAY_SCRIPT = '/overlay.js';
/** The overlay's React views (entrypoints/overlay-views.ts), loaded by the overlay when needed. */
export const OVERLAY_VIEWS_SCRIPT = '/overlay-views.js';
/** The compliance-rules watcher (entrypoints/rules.ts), loaded once the page is idle. */
export const RULES_SCRIPT = '/rules.js';

/**
 * Runs one of our bundles in one frame, in the content scripts' isolated world, so the page pays
 * for React, the overlay and the rules only when Zhiyin needs them there.
 */
export async function injectBundle(
  tabId: number,
  frameId: number,
  file:
    | typeof OVERLAY_SCRIPT
    | typeof OVERLAY_VIEWS_SCRIPT
    | typeof RULES_SCRIPT
    | typeof FRAME_AGENT_SCRIPT,
): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [file],
    });
    return;
  }
  // Manifest V2 (older domestic browsers, Firefox MV2): tabs.executeScript.
  await browser.tabs.executeScript(tabId, { file, frameId });
}

export const injectOverlay = (tabId: number, frameId: number, part?: 'views') =>
  injectBundle(tabId, frameId, part === 'views' ? OVERLAY_VIEWS_SCRIPT : OVERLAY_SCRIPT);
export const injectRules = (tabId: number, frameId: number) =>
  injectBundle(tabId, frameId, RULES_SCRIPT);

// Cross-origin frames: the frame agent (entrypoints/frame-agent.ts), locator only, no UI.
export const FRAME_AGENT_SCRIPT = '/frame-agent.js';
export const injectFrameAgent = (tabId: number, frameId: number) =>
  injectBundle(tabId, frameId, FRAME_AGENT_SCRIPT);

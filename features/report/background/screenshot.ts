import { browser } from 'wxt/browser';
import { sendMessage } from '../../../app/protocol';

/** JPEG keeps a full-HD screenshot to a few hundred kB (reports travel over office networks). */
const JPEG_QUALITY = 70;

/**
 * A screenshot of a tab's visible area, with personal data covered *before* the capture: the
 * tab's content script covers passwords, sensitive fields and detected personal data, replies once
 * the covers are painted; then the visible area is captured and the covers removed. Where the
 * content script does not run nothing can be covered, so no screenshot is taken.
 */
export async function captureMaskedScreenshot(
  tabId: number,
): Promise<{ ok: true; dataUrl: string; masked: number } | { ok: false; reason: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab || tab.windowId === undefined) return { ok: false, reason: '找不到该标签页。' };
  let masked: number;
  try {
    ({ masked } = await sendMessage('bg:maskSensitive', undefined, { tabId, frameId: 0 }));
  } catch {
    return { ok: false, reason: '指引未在该页面运行，无法遮盖个人信息，因此不截图。' };
  }
  try {
    // captureVisibleTab takes the window's active tab: when the popup was opened for another tab
    // (e.g. as a page of its own), bring the reported tab to the front first.
    if (!tab.active) {
      await browser.tabs.update(tabId, { active: true });
      await new Promise((done) => setTimeout(done, 150));
    }
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, {
      format: 'jpeg',
      quality: JPEG_QUALITY,
    });
    return { ok: true, dataUrl, masked };
  } catch (error) {
    return {
      ok: false,
      reason: `截图失败：${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    await sendMessage('bg:unmaskSensitive', undefined, { tabId, frameId: 0 }).catch(
      () => undefined,
    );
  }
}

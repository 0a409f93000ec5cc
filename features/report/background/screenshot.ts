import { browser } from 'wxt/browser';
import { sendMessage } from '../../../app/protocol';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';
import type { MaskRegion, SensitivePage } from '../content/sensitive-regions';
import {
  screenshotFailureText,
  type ScreenshotFailure,
  type ScreenshotReply,
} from '../screenshot-text';

/** JPEG keeps a full-HD screenshot to a few hundred kB (reports travel over office networks). */
const JPEG_QUALITY = 0.7;

/** The covers' colour: the page's own masks use the same (app/overlay/overlay.css `.zy-mask`). */
export const COVER_RGB = [0x2b, 0x2f, 0x36] as const;

/** Covers reach this far (CSS px) beyond each region: anti-aliased glyph edges stay covered. */
const COVER_PAD = 2;

/**
 * How far (0–255, per channel) a pixel under a region may be from the cover colour in the encoded
 * JPEG. Flat covers decode within a few levels; compression ringing from the cover's edge reaches
 * a few pixels inside it (measured up to ~30 on white pages at quality 0.7). Text left uncovered
 * is hundreds of levels away on any readable page.
 */
const COVER_TOLERANCE = 56;

/** Deadlines (ms) of the calls on the capture path; a stalled one ends in "no screenshot". */
const SCREENSHOT_DEADLINES = {
  /** The page finds the regions (loads the overlay the first time: a few hundred ms). */
  measure: 10_000,
  capture: 5_000,
  image: 5_000,
} as const;

/** `captureVisibleTab` accepts about two calls a second per browser. */
const CAPTURE_QUOTA_WAIT_MS = 600;

export type ScreenshotResult = ScreenshotReply;

/** The failure, with its Chinese text. */
export function screenshotFailure(
  code: ScreenshotFailure,
  error?: string,
): Extract<ScreenshotResult, { ok: false }> {
  return {
    ok: false,
    reason: screenshotFailureText('zh_CN', code, error),
    code,
    ...(error === undefined ? {} : { error }),
  };
}

/** What the capture needs from the browser (a seam for tests; the default is the real browser). */
export interface ScreenshotBrowser {
  /** Whether the tab exists and is the active tab of its window. */
  tab(tabId: number): Promise<{ windowId: number; active: boolean } | null>;
  activate(tabId: number): Promise<void>;
  /** The page's regions and viewport; `cover` also paints its covers, otherwise removes them. */
  measure(tabId: number, cover: boolean): Promise<SensitivePage | null>;
  /** A lossless capture of the window's visible tab (PNG data URL). */
  capture(windowId: number): Promise<string>;
  /** Draws covers into the capture, encodes it and checks the covers in what was encoded. */
  cover(png: string, page: SensitivePage): Promise<string>;
  sleep(ms: number): Promise<void>;
}

class ScreenshotRefused extends Error {
  constructor(readonly code: ScreenshotFailure) {
    super(code);
  }
}

/**
 * A screenshot of a tab's visible area in which passwords, sensitive fields and personal data are
 * covered *in the image itself*, and checked to be:
 *
 * 1. the tab's content script finds what must be covered (regions in CSS px of the top viewport,
 *    with the viewport's size and scroll position) and covers it on screen for the learner;
 * 2. the visible tab is captured (PNG, lossless);
 * 3. the page measures again and removes its covers. If the viewport, the scroll position or any
 *    region changed, the page moved under the capture: it is tried once more, then dropped;
 * 4. covers are drawn into the captured image (scaled from CSS to image pixels, which handles
 *    zoom and HiDPI), the image is encoded as JPEG, decoded again, and every pixel under every
 *    region is checked to be the cover colour. An image that fails is dropped, never returned.
 *
 * Where the content script does not run nothing can be found, so no screenshot is taken. Every
 * browser call has a deadline; anything that cannot be confirmed ends in `ok: false` with the
 * reason in Chinese for the popup.
 */
export async function captureMaskedScreenshot(
  tabId: number,
  using: ScreenshotBrowser = realBrowser,
): Promise<ScreenshotResult> {
  try {
    const tab = await using.tab(tabId);
    if (!tab) return screenshotFailure('noTab');
    // captureVisibleTab takes the window's active tab: when the popup was opened for another tab
    // (e.g. as a page of its own), bring the reported tab to the front first.
    if (!tab.active) {
      await using.activate(tabId);
      await using.sleep(150);
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const shot = await captureOnce(tabId, tab.windowId, using);
      if (shot) return { ok: true, ...shot };
    }
    return screenshotFailure('moved');
  } catch (error) {
    if (error instanceof ScreenshotRefused) return screenshotFailure(error.code);
    return screenshotFailure('failed', error instanceof Error ? error.message : String(error));
  }
}

/** One capture; null when the page moved under it (worth one more try). */
async function captureOnce(
  tabId: number,
  windowId: number,
  using: ScreenshotBrowser,
): Promise<{ dataUrl: string; masked: number } | null> {
  const before = await using.measure(tabId, true);
  if (!before) throw new ScreenshotRefused('notRunning');
  let png: string;
  let after: SensitivePage | null = null;
  try {
    if (!(await using.tab(tabId))?.active) throw new ScreenshotRefused('tabChanged');
    png = await using.capture(windowId);
    if (!(await using.tab(tabId))?.active) throw new ScreenshotRefused('tabChanged');
  } finally {
    // Measure again and take the page's covers off, whatever happened to the capture.
    after = await using.measure(tabId, false).catch(() => null);
  }
  if (!after) throw new ScreenshotRefused('noAnswer');
  if (!samePagePosition(before, after)) return null;
  return { dataUrl: await using.cover(png, before), masked: before.regions.length };
}

/**
 * Whether two measurements describe the same picture: same viewport, scroll position and
 * regions (to within a pixel of rounding). Anything else means the page moved or changed
 * between them, so covers placed from the first may miss in a capture taken in between.
 */
export function samePagePosition(a: SensitivePage, b: SensitivePage): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 1;
  const { viewport: va } = a;
  const { viewport: vb } = b;
  if (
    va.width !== vb.width ||
    va.height !== vb.height ||
    va.devicePixelRatio !== vb.devicePixelRatio ||
    !close(va.scrollX, vb.scrollX) ||
    !close(va.scrollY, vb.scrollY)
  )
    return false;
  if (a.regions.length !== b.regions.length) return false;
  return a.regions.every((region, index) => {
    const other = b.regions[index];
    return (
      other !== undefined &&
      other.kind === region.kind &&
      close(other.x, region.x) &&
      close(other.y, region.y) &&
      close(other.width, region.width) &&
      close(other.height, region.height)
    );
  });
}

/** A region in image pixels, `pad` CSS px larger on every side, clipped to the image. */
export function imageBox(
  region: Pick<MaskRegion, 'x' | 'y' | 'width' | 'height'>,
  scale: number,
  pad: number,
  image: { width: number; height: number },
): { x: number; y: number; width: number; height: number } | null {
  const left = Math.max(0, Math.floor((region.x - pad) * scale));
  const top = Math.max(0, Math.floor((region.y - pad) * scale));
  const right = Math.min(image.width, Math.ceil((region.x + region.width + pad) * scale));
  const bottom = Math.min(image.height, Math.ceil((region.y + region.height + pad) * scale));
  return right > left && bottom > top
    ? { x: left, y: top, width: right - left, height: bottom - top }
    : null;
}

function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return `data:${blob.type};base64,${btoa(binary)}`;
}

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  return context;
}

/**
 * Draws opaque covers over `page.regions` in the captured PNG, encodes it as JPEG and checks, in
 * the decoded JPEG, that every pixel under every region is the cover colour; throws
 * {@link ScreenshotRefused} otherwise. Runs in the service worker (OffscreenCanvas).
 */
export async function coverCapture(png: string, page: SensitivePage): Promise<string> {
  const image = await withDeadline(
    createImageBitmap(dataUrlToBlob(png)),
    SCREENSHOT_DEADLINES.image,
    'createImageBitmap(capture)',
  );
  const { width, height } = image;
  const scale = width / page.viewport.width;
  // The capture must be the measured viewport: same shape (a capture of something else, or of a
  // resized window, cannot take covers placed from the measurement).
  if (!(scale > 0) || Math.abs(height / scale - page.viewport.height) > 2) {
    image.close();
    throw new ScreenshotRefused('notVerified');
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = context2d(canvas);
  context.drawImage(image, 0, 0);
  image.close();
  context.fillStyle = `rgb(${COVER_RGB.join(',')})`;
  for (const region of page.regions) {
    const box = imageBox(region, scale, COVER_PAD, { width, height });
    if (box) context.fillRect(box.x, box.y, box.width, box.height);
  }
  const jpeg = await withDeadline(
    canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY }),
    SCREENSHOT_DEADLINES.image,
    'convertToBlob',
  );

  // Check what will be sent, not what was drawn: decode the JPEG again.
  const check = await withDeadline(
    createImageBitmap(jpeg),
    SCREENSHOT_DEADLINES.image,
    'createImageBitmap(jpeg)',
  );
  const checkCanvas = new OffscreenCanvas(check.width, check.height);
  const checkContext = context2d(checkCanvas);
  checkContext.drawImage(check, 0, 0);
  check.close();
  for (const region of page.regions) {
    const box = imageBox(region, scale, 0, { width, height });
    if (!box) continue;
    const { data } = checkContext.getImageData(box.x, box.y, box.width, box.height);
    if (worstCoverDistance(data) > COVER_TOLERANCE) {
      throw new ScreenshotRefused('notVerified');
    }
  }
  return blobToDataUrl(jpeg);
}

/** The largest per-channel distance from the cover colour among RGBA `pixels`. */
export function worstCoverDistance(pixels: Uint8ClampedArray): number {
  const [r, g, b] = COVER_RGB;
  let worst = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const distance = Math.max(
      Math.abs((pixels[i] ?? 0) - r),
      Math.abs((pixels[i + 1] ?? 0) - g),
      Math.abs((pixels[i + 2] ?? 0) - b),
    );
    if (distance > worst) worst = distance;
  }
  return worst;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(error.message);
}

const realBrowser: ScreenshotBrowser = {
  async tab(tabId) {
    const tab = await withDeadline(browser.tabs.get(tabId), DEADLINES.tab, 'tabs.get').catch(
      () => null,
    );
    return tab && tab.windowId !== undefined
      ? { windowId: tab.windowId, active: tab.active }
      : null;
  },
  async activate(tabId) {
    await withDeadline(browser.tabs.update(tabId, { active: true }), DEADLINES.tab, 'tabs.update');
  },
  async measure(tabId, cover) {
    try {
      return await withDeadline(
        sendMessage(cover ? 'bg:maskSensitive' : 'bg:unmaskSensitive', undefined, {
          tabId,
          frameId: 0,
        }),
        SCREENSHOT_DEADLINES.measure,
        cover ? 'bg:maskSensitive' : 'bg:unmaskSensitive',
      );
    } catch (error) {
      // No content script in the tab (not a configured host): nothing can be found there.
      if (cover && !(error instanceof Error && error.name === 'DeadlineExceeded')) return null;
      throw new ScreenshotRefused('noAnswer');
    }
  },
  async capture(windowId) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await withDeadline(
          browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
          SCREENSHOT_DEADLINES.capture,
          'captureVisibleTab',
        );
      } catch (error) {
        if (!isQuotaError(error) || attempt >= 3) throw error;
        await new Promise((done) => setTimeout(done, CAPTURE_QUOTA_WAIT_MS));
      }
    }
  },
  cover: coverCapture,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

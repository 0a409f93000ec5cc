/**
 * The capture's decisions (features/report/background/screenshot.ts) with a scripted browser:
 * when a capture is kept, retried or dropped. Drawing and checking the covers in the image needs
 * OffscreenCanvas and is proven in a real browser (tests/e2e/screenshot.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  captureMaskedScreenshot,
  imageBox,
  samePagePosition,
  worstCoverDistance,
  COVER_RGB,
  type ScreenshotBrowser,
} from '../../../features/report/background/screenshot';
import type { SensitivePage } from '../../../features/report/content/sensitive-regions';
import {
  screenshotFailureText,
  type ScreenshotFailure,
} from '../../../features/report/screenshot-text';

/** The reply without a screenshot, with the reason in Chinese (what the popup shows in zh_CN). */
const failure = (code: ScreenshotFailure) => ({
  ok: false,
  code,
  reason: screenshotFailureText('zh_CN', code),
});

const page = (scrollY = 0, y = 100): SensitivePage => ({
  regions: [{ x: 10, y, width: 160, height: 18, kind: 'personal-data' }],
  viewport: { width: 1366, height: 800, scrollX: 0, scrollY, devicePixelRatio: 1 },
});

/** A browser whose page answers `measurements` in turn; records what was asked of it. */
function scripted(
  measurements: (SensitivePage | null)[],
  options: { activeAfterCapture?: boolean; coverFails?: boolean } = {},
) {
  const calls: string[] = [];
  let captured = 0;
  const browser: ScreenshotBrowser = {
    async tab() {
      calls.push('tab');
      const active = captured === 0 || options.activeAfterCapture !== false;
      return { windowId: 1, active };
    },
    async activate() {
      calls.push('activate');
    },
    async measure(_tabId, cover) {
      calls.push(cover ? 'mask' : 'unmask');
      const next = measurements.shift();
      if (next === undefined) throw new Error('measured more often than scripted');
      return next;
    },
    async capture() {
      calls.push('capture');
      captured += 1;
      return `data:image/png;base64,capture${captured}`;
    },
    async cover(png) {
      calls.push('cover');
      if (options.coverFails) throw new Error('covers not found in the image');
      return png.replace('image/png', 'image/jpeg');
    },
    async sleep() {},
  };
  return { browser, calls };
}

describe('captureMaskedScreenshot', () => {
  it('keeps a capture whose page stood still, with its covers drawn', async () => {
    const { browser, calls } = scripted([page(), page()]);
    expect(await captureMaskedScreenshot(7, browser)).toEqual({
      ok: true,
      dataUrl: 'data:image/jpeg;base64,capture1',
      masked: 1,
    });
    expect(calls).toEqual(['tab', 'mask', 'tab', 'capture', 'tab', 'unmask', 'cover']);
  });

  it('tries once more when the page moved under the capture', async () => {
    const { browser, calls } = scripted([page(0), page(40), page(40), page(40)]);
    const result = await captureMaskedScreenshot(7, browser);
    expect(result).toEqual({ ok: true, dataUrl: 'data:image/jpeg;base64,capture2', masked: 1 });
    expect(calls.filter((call) => call === 'capture')).toHaveLength(2);
    // The first capture was never covered nor returned.
    expect(calls.filter((call) => call === 'cover')).toHaveLength(1);
  });

  it('drops the capture, with the reason, when the page keeps moving', async () => {
    const { browser, calls } = scripted([page(0), page(40), page(80), page(120)]);
    expect(await captureMaskedScreenshot(7, browser)).toEqual(failure('moved'));
    expect(calls).not.toContain('cover');
  });

  it('drops it when a region changed though nothing scrolled (content updated)', async () => {
    const { browser, calls } = scripted([page(0, 100), page(0, 130), page(0, 160), page(0, 190)]);
    expect(await captureMaskedScreenshot(7, browser)).toMatchObject({ ok: false });
    expect(calls).not.toContain('cover');
  });

  it('takes no screenshot where the content script does not answer', async () => {
    const { browser, calls } = scripted([null]);
    expect(await captureMaskedScreenshot(7, browser)).toEqual(failure('notRunning'));
    expect(calls).not.toContain('capture');
  });

  it('drops it when the page cannot be measured after the capture', async () => {
    const { browser } = scripted([page(), null]);
    expect(await captureMaskedScreenshot(7, browser)).toEqual(failure('noAnswer'));
  });

  it('drops it when another tab came to the front during the capture, and uncovers the page', async () => {
    const { browser, calls } = scripted([page(), page()], { activeAfterCapture: false });
    expect(await captureMaskedScreenshot(7, browser)).toEqual(failure('tabChanged'));
    expect(calls).toContain('unmask');
    expect(calls).not.toContain('cover');
  });

  it('returns no image when the covers cannot be drawn and checked', async () => {
    const { browser } = scripted([page(), page()], { coverFails: true });
    const result = await captureMaskedScreenshot(7, browser);
    expect(result).toEqual({
      ok: false,
      code: 'failed',
      error: 'covers not found in the image',
      reason: '截图失败：covers not found in the image',
    });
  });
});

describe('screenshotFailureText', () => {
  it('says every failure in Chinese and in English', () => {
    expect(screenshotFailureText('zh_CN', 'moved')).toContain('截图时页面发生变化');
    expect(screenshotFailureText('en', 'moved')).toContain(
      'The page changed during the screenshot',
    );
    expect(screenshotFailureText('en', 'failed', 'quota')).toBe('The screenshot failed: quota');
  });
});

describe('samePagePosition', () => {
  it('accepts rounding, refuses a scroll, a resize, a moved or a new region', () => {
    const base = page();
    const nudged = page();
    nudged.regions[0] = { ...base.regions[0]!, x: 10.6 };
    expect(samePagePosition(base, nudged)).toBe(true);
    expect(samePagePosition(base, page(3))).toBe(false);
    expect(samePagePosition(base, { ...base, viewport: { ...base.viewport, width: 1200 } })).toBe(
      false,
    );
    expect(samePagePosition(base, page(0, 104))).toBe(false);
    expect(
      samePagePosition(base, { ...base, regions: [...base.regions, ...page(0, 300).regions] }),
    ).toBe(false);
  });
});

describe('imageBox', () => {
  it('scales CSS px to image px (HiDPI, zoom), pads, rounds outward and clips', () => {
    const image = { width: 2732, height: 1600 };
    expect(imageBox({ x: 10.3, y: 20, width: 100, height: 18 }, 2, 2, image)).toEqual({
      x: 16,
      y: 36,
      width: 209,
      height: 44,
    });
    expect(imageBox({ x: 1360, y: -5, width: 50, height: 10 }, 2, 0, image)).toEqual({
      x: 2720,
      y: 0,
      width: 12,
      height: 10,
    });
    expect(imageBox({ x: 2000, y: 10, width: 50, height: 10 }, 2, 0, image)).toBeNull();
  });
});

describe('worstCoverDistance', () => {
  it('is 0 on the cover colour and large where a white pixel shows through', () => {
    const [r, g, b] = COVER_RGB;
    const cover = new Uint8ClampedArray([r, g, b, 255, r + 3, g - 2, b, 255]);
    expect(worstCoverDistance(cover)).toBe(3);
    const leaked = new Uint8ClampedArray([r, g, b, 255, 255, 255, 255, 255]);
    expect(worstCoverDistance(leaked)).toBe(255 - r);
  });
});

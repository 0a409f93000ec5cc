import { translate, type MessageKey } from '../../lib/i18n/messages';
import type { Language } from '../../lib/settings/preferences';

/**
 * Why a report screenshot was not taken (features/report/background/screenshot.ts), each with
 * its message for the popup.
 */
export const SCREENSHOT_FAILURES = {
  noTab: 'reportShotNoTab',
  notRunning: 'reportShotNotRunning',
  noAnswer: 'reportShotNoAnswer',
  tabChanged: 'reportShotTabChanged',
  moved: 'reportShotMoved',
  notVerified: 'reportShotNotVerified',
  failed: 'reportShotFailed',
} as const satisfies Record<string, MessageKey>;
export type ScreenshotFailure = keyof typeof SCREENSHOT_FAILURES;

/** What `page:captureScreenshot` answers. */
export type ScreenshotReply =
  | { ok: true; dataUrl: string; masked: number }
  | {
      ok: false;
      /** In Simplified Chinese; `code` (+ `error`) lets a localised page say it in its language. */
      reason: string;
      code: ScreenshotFailure;
      error?: string;
    };

/** The failure's text in `language` (`error`: the browser's message, for `failed`). */
export function screenshotFailureText(
  language: Language,
  code: ScreenshotFailure,
  error?: string,
): string {
  return translate(language, SCREENSHOT_FAILURES[code], { error: error ?? '' });
}

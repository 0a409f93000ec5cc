/**
 * The page overlay's UI strings live in their own small table (lib/i18n/overlay-messages.ts) so
 * that overlay.js does not carry every feature's strings; the full table (lib/i18n/messages.ts)
 * composes them. These tests hold the two together: every overlay string exists in both
 * languages with the same placeholders, and the full table hands out exactly the overlay's text
 * (a key written again in messages.ts would make the popup and the card disagree).
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES, translate, type MessageKey } from '../../../lib/i18n/messages';
import {
  OVERLAY_MESSAGES,
  translateOverlay,
  type OverlayMessageKey,
} from '../../../lib/i18n/overlay-messages';

const overlayKeys = Object.keys(OVERLAY_MESSAGES.zh_CN) as OverlayMessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('overlay strings', () => {
  it('has the same keys in Simplified Chinese and English', () => {
    expect(overlayKeys.length).toBeGreaterThan(0);
    expect(Object.keys(OVERLAY_MESSAGES.en).sort()).toEqual([...overlayKeys].sort());
  });

  it.each(overlayKeys)('%s: Chinese text, an English text, the same placeholders', (key) => {
    const zh = OVERLAY_MESSAGES.zh_CN[key];
    const en = OVERLAY_MESSAGES.en[key];
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(en.trim()).not.toBe('');
    expect(en).not.toMatch(/\p{Script=Han}/u);
    expect(placeholders(en)).toEqual(placeholders(zh));
  });

  it('is the text the full table gives for the same keys, in both languages', () => {
    for (const language of ['zh_CN', 'en'] as const) {
      for (const key of overlayKeys) {
        // A type error here means an overlay key is missing from the full table's keys.
        const full: MessageKey = key;
        expect(MESSAGES[language][full], `${language}.${key}`).toBe(
          OVERLAY_MESSAGES[language][key],
        );
      }
    }
  });

  it('fills placeholders the same way through either API', () => {
    const params = { title: '公文处理', tour: '公文处理', n: 2, total: 5 };
    for (const language of ['zh_CN', 'en'] as const) {
      expect(translateOverlay(language, 'tourFinished', params)).toBe(
        translate(language, 'tourFinished', params),
      );
      expect(translateOverlay(language, 'stepAnnounce', params)).toContain('5');
    }
    expect(translateOverlay('zh_CN', 'stepProgressLabel', params)).toBe('第 2 步，共 5 步');
    expect(translateOverlay('en', 'stepProgressLabel', params)).toBe('Step 2 of 5');
  });
});

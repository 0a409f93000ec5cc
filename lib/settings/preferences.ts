import { storage } from 'wxt/utils/storage';
import { DEADLINES, orDefault } from '../platform/deadline';

export type Language = 'zh_CN' | 'en';

/**
 * The learner's own display preferences. Kept in `storage.local` (not IndexedDB) because the
 * overlay in content scripts reads them directly, and they are small.
 */
export interface Preferences {
  language: Language;
  /** Larger text and controls in the overlay and extension pages. */
  largeText: boolean;
  /** Turn off animations even when the OS does not ask for it. */
  reducedMotion: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  language: 'zh_CN',
  largeText: false,
  reducedMotion: false,
};

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: 1,
});

/** The preferences; the defaults when storage.local does not answer in time (slow browser start). */
export async function readPreferences(): Promise<Preferences> {
  const stored = await orDefault(
    () => preferencesItem.getValue(),
    DEADLINES.read,
    DEFAULT_PREFERENCES,
    'reading preferences',
  );
  return { ...DEFAULT_PREFERENCES, ...stored };
}

/**
 * Writes a change: one after another, so two quick changes (大字号模式, then 界面语言) each read
 * what the one before wrote. Unchained, the second read the old value and wrote it back (a busy
 * machine lost large text this way).
 */
let updates: Promise<unknown> = Promise.resolve();
export function updatePreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const next = updates.then(async () => {
    const merged = { ...(await readPreferences()), ...patch };
    await preferencesItem.setValue(merged);
    return merged;
  });
  updates = next.catch(() => undefined);
  return next;
}

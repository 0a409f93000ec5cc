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

export async function updatePreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const next = { ...(await readPreferences()), ...patch };
  await preferencesItem.setValue(next);
  return next;
}

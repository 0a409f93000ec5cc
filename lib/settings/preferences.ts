import { storage } from 'wxt/utils/storage';
import { DEADLINES, orDefault, withDeadline } from '../platform/deadline';

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

/** The preferences as they stand, kept current by a storage watch (see {@link livePreferences}). */
export interface LivePreferences {
  /** Undefined until the first read has answered, or when it failed. */
  current(): Preferences | undefined;
  /**
   * The current preferences, at once when known; else after the first read, or the defaults when
   * that read fails or misses its deadline (as {@link readPreferences}).
   */
  ready(): Promise<Preferences>;
  stop(): void;
}

/**
 * Reads the preferences once and keeps them current with a storage watch, so a caller that needs
 * them at once (the overlay's first card) waits for no storage round trip. `onChange` hears every
 * change after the watch started, with the value before it. A change that arrives before the
 * first read answers wins over that read; a read that fails or misses its deadline leaves
 * `current()` undefined until the next change.
 */
export function livePreferences(
  onChange?: (next: Preferences, previous: Preferences | null) => void,
): LivePreferences {
  let current: Preferences | undefined;
  let changes = 0;
  const unwatch = preferencesItem.watch((stored, previous) => {
    changes += 1;
    current = { ...DEFAULT_PREFERENCES, ...stored };
    onChange?.(current, previous ? { ...DEFAULT_PREFERENCES, ...previous } : null);
  });
  // Settles either way; a failed read is not kept (current stays unknown) and is tried again by
  // the next wait.
  const read = (): Promise<void> => {
    const before = changes;
    return withDeadline(preferencesItem.getValue(), DEADLINES.read, 'reading preferences').then(
      (stored) => {
        // A change heard while the read was on its way is newer than what the read found.
        if (changes === before) current = { ...DEFAULT_PREFERENCES, ...stored };
      },
      // The error names the call (DeadlineExceeded: 'reading preferences did not answer …').
      (error: unknown) => console.warn('[zhiyin]', error),
    );
  };
  let reading: Promise<void> | null = read();
  return {
    current: () => current,
    ready: async () => {
      if (!current) {
        await (reading ??= read());
        reading = null;
      }
      return current ?? DEFAULT_PREFERENCES;
    },
    stop: () => {
      // A read still on its way counts as a change: it sets nothing after this.
      changes += 1;
      current = undefined;
      unwatch();
    },
  };
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

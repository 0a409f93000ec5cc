/**
 * The overlay keeps the learner's preferences current from the moment the popup opens or a tour
 * starts (lib/settings/preferences.ts `livePreferences`), so the first card is drawn without a
 * storage round trip — and still in the size and language the learner chose, changed or not.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PREFERENCES,
  livePreferences,
  preferencesItem,
  updatePreferences,
  type LivePreferences,
} from '../../../lib/settings/preferences';

let live: LivePreferences | undefined;
afterEach(() => {
  live?.stop();
  live = undefined;
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('livePreferences', () => {
  it('knows the stored preferences after one read, and every change after it', async () => {
    await preferencesItem.setValue({ ...DEFAULT_PREFERENCES, largeText: true });
    const heard: Array<[boolean, boolean | undefined]> = [];
    live = livePreferences((next, previous) => heard.push([next.largeText, previous?.largeText]));
    expect(await live.ready()).toMatchObject({ largeText: true, language: 'zh_CN' });
    expect(live.current()).toMatchObject({ largeText: true });

    await updatePreferences({ language: 'en' });
    await vi.waitFor(() =>
      expect(live?.current()).toMatchObject({ language: 'en', largeText: true }),
    );
    expect(await live.ready()).toMatchObject({ language: 'en' });
    expect(heard).toEqual([[true, true]]);
  });

  it('a change made while the first read is on its way wins over that read', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const stalled = new Promise((resolve) => (answer = resolve));
    vi.spyOn(preferencesItem, 'getValue').mockReturnValueOnce(stalled as never);
    live = livePreferences();
    const waiting = live.ready();
    await updatePreferences({ largeText: true });
    await vi.waitFor(() => expect(live?.current()).toMatchObject({ largeText: true }));
    // The read answers late with what it found before the change.
    answer({ ...DEFAULT_PREFERENCES });
    expect(await waiting).toMatchObject({ largeText: true });
    expect(live.current()).toMatchObject({ largeText: true });
  });

  it('a failed read gives the defaults to that wait, keeps nothing, and is tried again', async () => {
    await preferencesItem.setValue({ ...DEFAULT_PREFERENCES, language: 'en' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(preferencesItem, 'getValue').mockRejectedValueOnce(new Error('storage gone'));
    live = livePreferences();
    expect(await live.ready()).toEqual(DEFAULT_PREFERENCES);
    expect(live.current()).toBeUndefined();
    expect(await live.ready()).toMatchObject({ language: 'en' });
    expect(live.current()).toMatchObject({ language: 'en' });
  });

  it('hears nothing after it was stopped', async () => {
    const onChange = vi.fn();
    live = livePreferences(onChange);
    await live.ready();
    live.stop();
    await updatePreferences({ largeText: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
    expect(live.current()).toBeUndefined();
  });
});

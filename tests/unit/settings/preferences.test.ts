import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPreferences, updatePreferences } from '../../../lib/settings/preferences';

describe('preferences', () => {
  it('two quick changes both stick, even when storage is slow', async () => {
    // A busy machine: each storage.local read answers only after the next change was asked for.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (...args) => {
      await new Promise((done) => setTimeout(done, 20));
      return get(...(args as Parameters<typeof get>));
    });
    await Promise.all([
      updatePreferences({ largeText: true }),
      updatePreferences({ language: 'en' }),
    ]);
    expect(await readPreferences()).toMatchObject({ largeText: true, language: 'en' });
  });
});

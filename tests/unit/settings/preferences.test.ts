import { describe, expect, it } from 'vitest';
import { readPreferences, updatePreferences } from '../../../lib/settings/preferences';

describe('preferences', () => {
  it('two quick changes both stick (大字号模式, then 界面语言 before the first is written)', async () => {
    await Promise.all([
      updatePreferences({ largeText: true }),
      updatePreferences({ language: 'en' }),
    ]);
    expect(await readPreferences()).toMatchObject({ largeText: true, language: 'en' });
  });
});

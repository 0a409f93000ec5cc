import { useEffect, useState } from 'react';
import {
  DEFAULT_PREFERENCES,
  preferencesItem,
  readPreferences,
  type Preferences,
} from '../lib/settings/preferences';

/** Current preferences for an extension page, live-updated when the options page changes them. */
export function usePreferences(): Preferences {
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  useEffect(() => {
    void readPreferences().then(setPrefs);
    return preferencesItem.watch((next) => setPrefs({ ...DEFAULT_PREFERENCES, ...next }));
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('zy-large', prefs.largeText);
    document.documentElement.lang = prefs.language === 'en' ? 'en' : 'zh-CN';
  }, [prefs.largeText, prefs.language]);
  return prefs;
}

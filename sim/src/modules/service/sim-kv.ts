import { readJson, removeKey, writeJson } from '../../shared/storage';
import type { KeyValueStore } from './kv';

/** The business modules' stores on the shared `zhiyin-sim:` localStorage (version 1 envelopes). */
export const simKv: KeyValueStore = {
  read: <T>(key: string) => readJson<T | undefined>(key, undefined),
  write: (key, value) => writeJson(key, value),
  remove: (key) => removeKey(key),
};

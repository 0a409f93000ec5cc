import { browser } from 'wxt/browser';

/**
 * The part of a `storage.session`-like area the background uses (tour sessions, frame
 * delegations, the rules' browser-session id).
 */
export interface SessionArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

/**
 * An area in this context's memory, with `storage.session`'s meaning (gone when the browser
 * closes). Right for Manifest V2: the background page is persistent, so its memory lives exactly
 * as long as the browser session. Values are copied in and out, as a storage area does.
 */
export function memorySessionArea(): SessionArea {
  const memory = new Map<string, unknown>();
  const copy = (value: unknown) => structuredClone(value);
  return {
    async get(keys) {
      if (keys === null) return Object.fromEntries([...memory].map(([k, v]) => [k, copy(v)]));
      return memory.has(keys) ? { [keys]: copy(memory.get(keys)) } : {};
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) memory.set(key, copy(value));
    },
    async remove(keys) {
      memory.delete(keys);
    },
  };
}

let fallback: SessionArea | null = null;

/**
 * `storage.session` (Chrome 102+, MV3) where the browser has it; on Manifest V2 kernels (Chrome
 * MV2 build for kernels below 88, Firefox MV2 before 115) one shared in-memory area instead.
 * The one place that decides: callers never test `browser.storage.session` themselves.
 */
export function sessionArea(
  storage: { session?: SessionArea | undefined } = browser.storage as never,
): SessionArea {
  if (storage.session) return storage.session;
  fallback ??= memorySessionArea();
  return fallback;
}

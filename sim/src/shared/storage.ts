/**
 * Typed, versioned localStorage for the simulated system. Every key is prefixed `zhiyin-sim:` so
 * that "重置演示数据" can wipe exactly the sim's state and nothing else on the origin.
 *
 * Values are stored in an envelope `{ v, data }`: a module bumps its version when the shape of its
 * data changes, and old data is then replaced by the seed instead of crashing the page.
 */

export const STORAGE_PREFIX = 'zhiyin-sim:';

/** Fired on `window` after any write through these helpers (same tab); other tabs get `storage`. */
export const SIM_CHANGE_EVENT = 'zhiyin-sim:change';

interface Envelope<T> {
  v: number;
  data: T;
}

function fullKey(key: string): string {
  return key.startsWith(STORAGE_PREFIX) ? key : STORAGE_PREFIX + key;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Opaque origins (sandboxed iframes, file://) throw on access: behave as an empty store.
    return null;
  }
}

let changeVersion = 0;

function notifyChange(key: string): void {
  changeVersion += 1;
  if (typeof window !== 'undefined') {
    window.dispatchEvent(new CustomEvent(SIM_CHANGE_EVENT, { detail: { key } }));
  }
}

/** A counter that increases on every write; React code uses it to know when to re-read. */
export function getChangeVersion(): number {
  return changeVersion;
}

/** Subscribes to writes from this tab and from other tabs. Returns the unsubscribe function. */
export function subscribeChanges(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(STORAGE_PREFIX)) {
      changeVersion += 1;
      listener();
    }
  };
  window.addEventListener(SIM_CHANGE_EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(SIM_CHANGE_EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Reads a value written by {@link writeJson}. Returns `fallback` when the key is missing, not
 * JSON, or stored with another version.
 */
export function readJson<T>(key: string, fallback: T, version = 1): T {
  const raw = storage()?.getItem(fullKey(key));
  if (raw == null) return fallback;
  try {
    const parsed = JSON.parse(raw) as Partial<Envelope<T>>;
    if (parsed && typeof parsed === 'object' && parsed.v === version && 'data' in parsed) {
      return parsed.data as T;
    }
  } catch {
    // Corrupt value (edited by hand in devtools): fall through to the fallback.
  }
  return fallback;
}

export function writeJson<T>(key: string, value: T, version = 1): void {
  const envelope: Envelope<T> = { v: version, data: value };
  storage()?.setItem(fullKey(key), JSON.stringify(envelope));
  notifyChange(fullKey(key));
}

export function removeKey(key: string): void {
  storage()?.removeItem(fullKey(key));
  notifyChange(fullKey(key));
}

/** All `zhiyin-sim:` keys currently stored (full keys, prefix included). */
export function listSimKeys(): string[] {
  const s = storage();
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const key = s.key(i);
    if (key?.startsWith(STORAGE_PREFIX)) keys.push(key);
  }
  return keys;
}

/** A typed handle on one stored value with its version and default. */
export interface Store<T> {
  readonly key: string;
  get(): T;
  set(value: T): void;
  update(change: (current: T) => T): T;
}

export function createStore<T>(key: string, defaults: () => T, version = 1): Store<T> {
  return {
    key: fullKey(key),
    get: () => readJson<T>(key, defaults(), version),
    set: (value) => writeJson(key, value, version),
    update(change) {
      const next = change(readJson<T>(key, defaults(), version));
      writeJson(key, next, version);
      return next;
    },
  };
}

type SeedFn = () => void;
const seeds = new Map<string, SeedFn>();

function seededMarker(name: string): string {
  return `${STORAGE_PREFIX}seeded:${name}`;
}

/**
 * Registers a module's demo data. The seed runs immediately if this module has not been seeded
 * since the last reset, and again on every {@link resetDemoData}. Pages only import the modules
 * they use, so each module seeds itself lazily on the first page that needs it.
 */
export function registerSeed(name: string, seedFn: SeedFn): void {
  seeds.set(name, seedFn);
  const s = storage();
  if (s && s.getItem(seededMarker(name)) == null) {
    seedFn();
    s.setItem(seededMarker(name), new Date().toISOString());
  }
}

export function registeredSeedNames(): string[] {
  return [...seeds.keys()];
}

export interface ResetOptions {
  /** Keep the logged-in session (the shell's button does, so the trainee stays logged in). */
  keepSession?: boolean;
}

/**
 * Clears every `zhiyin-sim:` key (all modules, the simulated clock, lockouts, the legacy module's
 * `zhiyin-sim:legacy:*` keys) and reseeds the modules registered on this page. Modules not loaded
 * on this page reseed themselves the next time a page imports them.
 */
export function resetDemoData(options: ResetOptions = {}): void {
  const s = storage();
  if (!s) return;
  const sessionKey = `${STORAGE_PREFIX}session`;
  const keptSession = options.keepSession ? s.getItem(sessionKey) : null;
  for (const key of listSimKeys()) s.removeItem(key);
  if (keptSession != null) s.setItem(sessionKey, keptSession);
  for (const [name, seedFn] of seeds) {
    seedFn();
    s.setItem(seededMarker(name), new Date().toISOString());
  }
  notifyChange('*');
}

/** Short unique ids for records (documents, messages); not security relevant. */
export function newId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}${random}`;
}

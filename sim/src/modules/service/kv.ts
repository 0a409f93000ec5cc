/**
 * The narrow persistence interface the business modules are written against, so their logic is
 * testable with an in-memory map and wired to the shared `zhiyin-sim:` storage in the pages.
 * Keys passed here are module-relative (e.g. `service:applications`); the adapter adds the prefix.
 */
export interface KeyValueStore {
  read<T>(key: string): T | undefined;
  write<T>(key: string, value: T): void;
  remove(key: string): void;
}

/** An in-memory store for unit tests and for previews that must not persist. */
export function createMemoryStore(): KeyValueStore & { keys(): string[] } {
  const data = new Map<string, string>();
  return {
    read<T>(key: string): T | undefined {
      const raw = data.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    write<T>(key: string, value: T): void {
      data.set(key, JSON.stringify(value));
    },
    remove(key: string): void {
      data.delete(key);
    },
    keys: () => [...data.keys()],
  };
}

/** Deterministic pseudo-random numbers (mulberry32) so seed data is identical on every reset. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

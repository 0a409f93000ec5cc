import type { PackRefusal } from './open';
import type { PackContent } from './validate';

/**
 * One pack source as stored (Dexie `packSources`, app/database.ts v4): a policy URL, or a hand
 * import (`import:<pack id>`). Keeps the last good content, which runs until a newer valid pack
 * replaces it, whatever is refused in between.
 */
export interface PackSourceRecord {
  /** The URL, or `import:<pack id>`. */
  source: string;
  kind: 'url' | 'import';
  /** The pack id of the last good content (index: the rollback check is per pack id). */
  packId?: string;
  /** Last good content, its version and signature. */
  content?: PackContent;
  version?: number;
  signature?: string;
  keyId?: string;
  appliedAt?: number;
  /** The ETag of the last good (or unchanged) response. */
  etag?: string;
  lastCheckedAt?: number;
  lastResult?: 'applied' | 'unchanged' | 'refused' | 'failed';
  /** The last refusal or failure, with when it happened. */
  lastProblem?: PackRefusal & { at: number };
  /**
   * The refusal last reported to the administrator (../refusal-report.ts refusalKey) and when:
   * the same refusal is not reported again; cleared by a good answer.
   */
  reportedRefusal?: string;
  reportedAt?: number;
  /** Failures (network, refusals) in a row: the next attempt waits longer. */
  failures: number;
  /** Not asked again before this (the schedule and its backoff). */
  nextAttemptAt?: number;
}

export const PACK_DEXIE_STORES = { packSources: 'source, packId' } as const;

/**
 * Deadlines for browser API calls on the path from a learner's action to a saved record.
 *
 * Browser storage areas can stall right after the browser starts (`storage.managed.get()` on a
 * fresh Chromium profile was seen not to answer for seconds, or at all; issue 10), and a stalled
 * call in a queue stalls everything queued behind it: a learner pressed 完成 and the tour never
 * ended. Every such call gets a deadline and a safe default, so a slow browser delays a record at
 * most by the deadline and never loses it.
 */

/** Thrown (or logged) when a call missed its deadline; `label` names the call. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
  constructor(
    readonly label: string,
    readonly ms: number,
  ) {
    super(`${label} did not answer within ${ms} ms`);
  }
}

/**
 * Settles like `work`, or rejects with {@link DeadlineExceeded} after `ms`. `work` keeps running
 * (a browser call cannot be cancelled); its late result is ignored, a late failure swallowed.
 */
export function withDeadline<T>(work: PromiseLike<T>, ms: number, label: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineExceeded(label, ms)), ms);
    Promise.resolve(work).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * `work`'s value, or `fallback` when it fails or misses its deadline (logged once per label, so a
 * stalled area does not flood the console). For reads whose safe default is known.
 */
export async function orDefault<T>(
  work: () => PromiseLike<T>,
  ms: number,
  fallback: T,
  label: string,
): Promise<T> {
  try {
    return await withDeadline(work(), ms, label);
  } catch (error) {
    warnOnce(label, error);
    return fallback;
  }
}

const warned = new Set<string>();
function warnOnce(label: string, error: unknown) {
  if (warned.has(label)) return;
  warned.add(label);
  console.warn(`[zhiyin] ${label}: using the default`, error);
}

/**
 * Deadlines, in ms. Short where a learner waits for the answer (a card, a tour's end), longer
 * for work that runs after the record is saved (xAPI statements, deliveries).
 */
export const DEADLINES = {
  /** A small read of storage.local / storage.session / managed storage a learner waits for. */
  read: 1_500,
  /** A write of the tour session (storage.session) or a Dexie transaction of records. */
  write: 8_000,
  /** `tabs.get` and similar tab look-ups. */
  tab: 1_500,
  /**
   * A content script's message to the background (a step's event): longer than everything the
   * background does for it, each bounded above; a worker that never answers frees the queue.
   */
  message: 30_000,
  /** Optional work after a record is saved (xAPI statements for it). */
  followUp: 60_000,
  /**
   * Waiting for the administrator policy before building statements, whose home page and
   * activity ids are fixed once built (a fresh Chromium answered after ~2.5 s, longer under load;
   * another never answered for the worker's life: then statements use the local settings).
   */
  policyForStatements: 8_000,
} as const;

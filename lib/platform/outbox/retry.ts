/**
 * Retry timing shared by every outbox (problem reports, xAPI statements): exponential backoff with
 * jitter, capped; the server's Retry-After (delta seconds or HTTP date, bounded); the give-up rule
 * of a delivery cycle. Pure: time and randomness are passed in.
 */

export interface RetryPolicy {
  /** Nominal delay after the 1st failure, ms. Default 30 s (chrome.alarms' minimum delay anyway). */
  baseDelayMs: number;
  /** Upper bound of one nominal delay, ms. Default 1 h. */
  maxDelayMs: number;
  /**
   * The delay actually used is drawn uniformly in [min·d, max·d] of the nominal delay d, so a fleet
   * of browsers that went offline together does not come back in lockstep. Default { 0.5, 1 }
   * ("equal jitter": never sooner than half the nominal delay).
   */
  jitter: { min: number; max: number };
  /** Failed attempts in one delivery cycle before giving up. Default: never give up. */
  maxAttempts: number;
  /** Give up once a retry would start this long after the cycle began, ms. Default: never. */
  maxAgeMs: number;
  /** Upper bound of a Retry-After the client honours, ms. Default 6 h. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  jitter: { min: 0.5, max: 1 },
  maxAttempts: Number.POSITIVE_INFINITY,
  maxAgeMs: Number.POSITIVE_INFINITY,
  maxRetryAfterMs: 6 * 60 * 60_000,
};

type BackoffPolicy = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'>;

/**
 * Delay after the `attempt`-th consecutive failure (1-based): `d = min(max, base·2^(attempt-1))`,
 * then jittered into [jitter.min·d, jitter.max·d], rounded to whole ms. `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  const { min, max } = policy.jitter;
  return Math.round(nominal * min + random() * (nominal * (max - min)));
}

// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 …") and asctime
// ("Sun Nov  6 08:49:37 1994") all begin with the day's name. Date.parse alone would read almost
// anything ("1.5", "-1", "2") as some date.
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i;

/**
 * A Retry-After header value as ms from `now`: delta seconds or an HTTP date; a date in the past
 * is 0; anything longer than `maxMs` (default 6 h) is `maxMs`. `null` when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  maxMs: number = DEFAULT_RETRY_POLICY.maxRetryAfterMs,
): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    if (!HTTP_DATE.test(text)) return null;
    const date = Date.parse(text);
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(Math.max(0, ms), maxMs);
}

/**
 * Delay before the next attempt after the `attempt`-th consecutive failure: the backoff, but never
 * sooner than the server's Retry-After (bounded by `maxRetryAfterMs`).
 */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy & Pick<RetryPolicy, 'maxRetryAfterMs'>,
  random: () => number,
  retryAfterMs?: number | null,
): number {
  const backoff = backoffDelay(attempt, policy, random);
  const wait =
    retryAfterMs === null || retryAfterMs === undefined
      ? 0
      : Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs);
  return Math.max(backoff, wait);
}

/**
 * The give-up rule: a cycle that began at `cycleStartedAt` and has had `attempts` attempts is over
 * when the attempts are used up or the next attempt (at `nextAttemptAt`) would be too late.
 */
export function retriesExhausted(
  attempts: number,
  cycleStartedAt: number,
  nextAttemptAt: number,
  policy: Pick<RetryPolicy, 'maxAttempts' | 'maxAgeMs'>,
): boolean {
  return attempts >= policy.maxAttempts || nextAttemptAt >= cycleStartedAt + policy.maxAgeMs;
}

export type RetryPlan = { kind: 'retry'; at: number } | { kind: 'give-up' };

/**
 * What follows a transient failure at `failedAt`, the `attempts`-th of a cycle that began at
 * `cycleStartedAt`: retry at a time, or give up.
 */
export function planRetry(
  failure: {
    attempts: number;
    cycleStartedAt: number;
    failedAt: number;
    retryAfterMs?: number | null;
  },
  policy: RetryPolicy,
  random: () => number,
): RetryPlan {
  const at =
    failure.failedAt + retryDelay(failure.attempts, policy, random, failure.retryAfterMs ?? null);
  return retriesExhausted(failure.attempts, failure.cycleStartedAt, at, policy)
    ? { kind: 'give-up' }
    : { kind: 'retry', at };
}

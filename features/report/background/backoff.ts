/**
 * Retry timing for report delivery: exponential backoff with jitter, capped, plus the server's
 * Retry-After where it sends one. Pure; randomness is injected.
 */

export interface RetryPolicy {
  /** Delay before the 2nd attempt, ms. Default 30 s (chrome.alarms' minimum delay anyway). */
  baseDelayMs: number;
  /** Upper bound of one delay, ms. Default 1 h. */
  maxDelayMs: number;
  /** Attempts in one delivery cycle before the report is marked failed. Default 10. */
  maxAttempts: number;
  /** Give up once this long has passed since the cycle began (queued/retried). Default 24 h. */
  maxAgeMs: number;
  /** Upper bound of a Retry-After the client honours, ms. Default 6 h. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 10,
  maxAgeMs: 24 * 60 * 60_000,
  maxRetryAfterMs: 6 * 60 * 60_000,
};

/**
 * Delay after the `attempt`-th failed attempt (1-based): `d = min(max, base·2^(attempt-1))`, then
 * "equal jitter" — uniformly in [d/2, d] — so a fleet of browsers that went offline together does
 * not come back in lockstep, while no retry comes sooner than half the nominal delay.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/**
 * Parses a Retry-After header (delta seconds, or an HTTP date) into ms from `now`; `null` when
 * absent or unreadable. Negative results (a date in the past) become 0.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * The outbox library shared by problem reports and xAPI statements (lib/platform/outbox): retry
 * timing, Retry-After, the give-up rule, alarm arming and the one-run-at-a-time guard.
 */
import { describe, expect, it } from 'vitest';
import {
  armAlarm,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  deliverAndArm,
  joinRun,
  parseRetryAfter,
  planRetry,
  retriesExhausted,
  retryDelay,
  SingleFlight,
  type RetryPolicy,
} from '../../../lib/platform/outbox';

const NOW = Date.UTC(2026, 2, 1, 9, 0, 0);
const HOUR = 3_600_000;

describe('backoffDelay', () => {
  const equal: RetryPolicy = DEFAULT_RETRY_POLICY;
  const wide: RetryPolicy = { ...DEFAULT_RETRY_POLICY, jitter: { min: 0.8, max: 1.2 } };

  it('doubles from the base delay and stops at the cap', () => {
    const nominal = (attempt: number) =>
      backoffDelay(attempt, { ...equal, jitter: { min: 1, max: 1 } }, () => 0.3);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(nominal)).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      960_000,
      1_920_000,
      HOUR,
      HOUR,
    ]);
    // No overflow or NaN for absurd attempt counts; attempt 0 or less counts as the first.
    expect(nominal(10_000)).toBe(HOUR);
    expect(nominal(0)).toBe(30_000);
    expect(nominal(-3)).toBe(30_000);
  });

  it('keeps every jittered delay within [min·d, max·d] and reaches both ends', () => {
    for (const policy of [equal, wide]) {
      for (const attempt of [1, 2, 4, 8, 20]) {
        const d = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        const low = Math.round(d * policy.jitter.min);
        const high = Math.round(d * policy.jitter.max);
        for (let i = 0; i < 200; i += 1) {
          const delay = backoffDelay(attempt, policy, () => i / 200);
          expect(delay).toBeGreaterThanOrEqual(low);
          expect(delay).toBeLessThanOrEqual(high);
        }
        expect(backoffDelay(attempt, policy, () => 0)).toBe(low);
        expect(backoffDelay(attempt, policy, () => 1 - 1e-12)).toBe(high);
      }
    }
  });

  it('spreads delays over the whole jitter range (no lockstep)', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delays = Array.from({ length: 1000 }, () => backoffDelay(3, wide, random));
    // d = 120 s: 0.8–1.2 → 96–144 s; a thousand browsers land on many different times.
    expect(Math.min(...delays)).toBeLessThan(100_000);
    expect(Math.max(...delays)).toBeGreaterThan(140_000);
    expect(new Set(delays).size).toBeGreaterThan(500);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date in its three forms; a past date is 0', () => {
    const inNinety = new Date(NOW + 90_000);
    expect(parseRetryAfter(inNinety.toUTCString(), NOW)).toBe(90_000); // IMF-fixdate
    expect(parseRetryAfter('Sunday, 01-Mar-26 09:01:30 GMT', NOW)).toBe(90_000); // RFC 850
    expect(parseRetryAfter('Sun Mar  1 09:01:30 2026 GMT', NOW)).toBe(90_000); // asctime
    expect(parseRetryAfter(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '1.5', '-1', '+30', '12abc', '0x10', 'Sun, garbage'])(
    'refuses %j',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    },
  );

  it('bounds far-future dates and huge numbers by the maximum (default 6 h)', () => {
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', NOW)).toBe(6 * HOUR);
    expect(parseRetryAfter('9'.repeat(400), NOW)).toBe(6 * HOUR);
    expect(parseRetryAfter(String(7 * 3600), NOW)).toBe(6 * HOUR);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', NOW, 60_000)).toBe(60_000);
  });
});

describe('retryDelay and the give-up rule', () => {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, maxAgeMs: HOUR };

  it('never comes before Retry-After, which is honoured up to its bound', () => {
    expect(retryDelay(1, policy, () => 0)).toBe(15_000);
    expect(retryDelay(1, policy, () => 0, 600_000)).toBe(600_000);
    expect(retryDelay(1, policy, () => 0, 10_000)).toBe(15_000);
    expect(retryDelay(1, policy, () => 0, 100 * HOUR)).toBe(6 * HOUR);
    expect(retryDelay(1, policy, () => 0, -5)).toBe(15_000);
  });

  it('gives up when the attempts or the cycle age run out, and never without limits', () => {
    expect(retriesExhausted(2, NOW, NOW + 60_000, policy)).toBe(false);
    expect(retriesExhausted(3, NOW, NOW + 60_000, policy)).toBe(true);
    expect(retriesExhausted(1, NOW, NOW + HOUR, policy)).toBe(true);
    expect(retriesExhausted(1_000_000, NOW, NOW + 1_000 * HOUR, DEFAULT_RETRY_POLICY)).toBe(false);
  });

  it('plans the next attempt from the failure time, or gives up', () => {
    expect(
      planRetry({ attempts: 1, cycleStartedAt: NOW, failedAt: NOW + 1000 }, policy, () => 0),
    ).toEqual({ kind: 'retry', at: NOW + 1000 + 15_000 });
    expect(
      planRetry(
        { attempts: 1, cycleStartedAt: NOW, failedAt: NOW, retryAfterMs: 2 * HOUR },
        policy,
        () => 0,
      ),
    ).toEqual({ kind: 'give-up' });
    expect(planRetry({ attempts: 3, cycleStartedAt: NOW, failedAt: NOW }, policy, () => 0)).toEqual(
      { kind: 'give-up' },
    );
  });
});

function fakeAlarms() {
  const armed = new Map<string, number>();
  const calls: string[] = [];
  return {
    armed,
    calls,
    create: (name: string, info: { when: number }) => {
      calls.push(`create ${name} ${info.when}`);
      armed.set(name, info.when);
    },
    clear: (name: string) => {
      calls.push(`clear ${name}`);
      armed.delete(name);
    },
  };
}

describe('alarm arming', () => {
  it('arms for the wake time, or clears when nothing is due', async () => {
    const alarms = fakeAlarms();
    expect(await armAlarm(alarms, 'a', NOW + 5000)).toBe(NOW + 5000);
    expect(alarms.armed.get('a')).toBe(NOW + 5000);
    expect(await armAlarm(alarms, 'a', null)).toBeNull();
    expect(alarms.armed.has('a')).toBe(false);
  });

  it('arms after each run for the earliest due item of that run', async () => {
    const alarms = fakeAlarms();
    const due = [NOW + 90_000, NOW + 30_000];
    const ran = await deliverAndArm(
      { deliver: async () => 'ran', nextWakeAt: async () => Math.min(...due) },
      alarms,
      'outbox',
    );
    expect(ran).toBe('ran');
    due.length = 0;
    await deliverAndArm(
      {
        deliver: async () => 'ran',
        nextWakeAt: async () => (due.length ? Math.min(...due) : null),
      },
      alarms,
      'outbox',
    );
    expect(alarms.calls).toEqual([`create outbox ${NOW + 30_000}`, 'clear outbox']);
  });
});

describe('one run at a time', () => {
  /** An outbox whose run sends every due item, pausing on the network until released. */
  function slowOutbox() {
    const due = new Set(['a', 'b', 'c']);
    const sent: string[] = [];
    const gates: (() => void)[] = [];
    return {
      due,
      sent,
      release: () => gates.splice(0).forEach((open) => open()),
      async deliver(): Promise<number> {
        const batch = [...due];
        await new Promise<void>((resolve) => gates.push(resolve));
        for (const id of batch) {
          sent.push(id);
          due.delete(id);
        }
        return batch.length;
      },
    };
  }

  it('two overlapping deliveries send each item once (the second joins the first)', async () => {
    const outbox = slowOutbox();
    const alarms = fakeAlarms();
    const driver = {
      deliver: () => joinRun(outbox, () => outbox.deliver()),
      nextWakeAt: async () => (outbox.due.size > 0 ? NOW : null),
    };
    const first = deliverAndArm(driver, alarms, 'outbox');
    const second = deliverAndArm(driver, alarms, 'outbox');
    await Promise.resolve();
    outbox.release();
    expect(await Promise.all([first, second])).toEqual([3, 3]);
    expect(outbox.sent).toEqual(['a', 'b', 'c']);
    expect(alarms.armed.has('outbox')).toBe(false);
  });

  it('starts a new run once the previous one ended, also after a failure', async () => {
    const flight = new SingleFlight<number>();
    let starts = 0;
    await expect(
      flight.run(async () => {
        starts += 1;
        throw new Error('offline');
      }),
    ).rejects.toThrow('offline');
    expect(flight.busy).toBe(false);
    const again = flight.run(async () => ++starts);
    expect(flight.busy).toBe(true);
    expect(await again).toBe(2);
    expect(await flight.run(async () => ++starts)).toBe(3);
  });

  it('a start that throws at once is a failed run, not a stuck guard', async () => {
    const flight = new SingleFlight<number>();
    await expect(
      flight.run(() => {
        throw new Error('bad');
      }),
    ).rejects.toThrow('bad');
    expect(await flight.run(async () => 1)).toBe(1);
  });

  it('keeps the runs of different outboxes apart', async () => {
    const one = slowOutbox();
    const two = slowOutbox();
    const runs = [joinRun(one, () => one.deliver()), joinRun(two, () => two.deliver())];
    await Promise.resolve();
    one.release();
    two.release();
    expect(await Promise.all(runs)).toEqual([3, 3]);
    expect([one.sent.length, two.sent.length]).toEqual([3, 3]);
  });
});

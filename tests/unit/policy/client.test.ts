import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPolicyView } from '../../../app/policy/client';
import { resolvePolicy, type PolicyView } from '../../../app/policy/policy';

const DEFAULTS: PolicyView = { ...resolvePolicy({}, {}), managedPending: true };
const MANAGED: PolicyView = resolvePolicy(
  { reportEndpoint: { url: 'https://reports.example.gov.cn/r', token: 't' } },
  {},
);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a page reading the policy', () => {
  it('asks again while the browser has not answered, and shows the locked setting once it has', async () => {
    const answers = [DEFAULTS, DEFAULTS, MANAGED];
    const read = vi.fn(async () => answers.shift() ?? MANAGED);
    const views: PolicyView[] = [];
    watchPolicyView((view) => views.push(view), vi.fn(), { read, retryMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(views.at(-1)?.managedPending).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(views.at(-1)?.locked).toEqual(['reportEndpoint']);
    expect(read).toHaveBeenCalledTimes(3);
    // Known: no more asking.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('gives up after a while on a browser that never answers, and stops on unmount', async () => {
    const read = vi.fn(async () => DEFAULTS);
    watchPolicyView(vi.fn(), vi.fn(), { read, retryMs: 1000, giveUpMs: 5000 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read.mock.calls.length).toBeLessThanOrEqual(6);
    const again = vi.fn(async () => DEFAULTS);
    const stop = watchPolicyView(vi.fn(), vi.fn(), { read: again, retryMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('reports a failed read instead of showing defaults as if they were the policy', async () => {
    const onError = vi.fn();
    const onView = vi.fn();
    watchPolicyView(onView, onError, { read: () => Promise.reject(new Error('worker gone')) });
    await vi.advanceTimersByTimeAsync(0);
    expect(onView).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(new Error('worker gone'));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineExceeded, orDefault, withDeadline } from '../../../lib/platform/deadline';
import { FollowUpQueue } from '../../../lib/platform/follow-ups';

describe('deadlines for browser calls', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('rejects a call that never answers with the call named', async () => {
    const never = new Promise<never>(() => undefined);
    const result = withDeadline(never, 1000, 'storage.managed.get');
    const check = expect(result).rejects.toThrow(DeadlineExceeded);
    await vi.advanceTimersByTimeAsync(1000);
    await check;
    await expect(result).rejects.toThrow('storage.managed.get did not answer within 1000 ms');
  });

  it('gives the safe default for a stalled or failing read, the value otherwise', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stalled = orDefault(() => new Promise<string>(() => undefined), 500, 'zh_CN', 'a');
    await vi.advanceTimersByTimeAsync(500);
    expect(await stalled).toBe('zh_CN');
    expect(await orDefault(() => Promise.reject(new Error('x')), 500, 'zh_CN', 'b')).toBe('zh_CN');
    expect(await orDefault(async () => 'en', 500, 'zh_CN', 'c')).toBe('en');
  });
});

describe('follow-up work after a record', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('returns at once, runs in order, and a stalled piece does not hold back the next forever', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const queue = new FollowUpQueue(1000);
    const ran: string[] = [];
    queue.add('stalls', () => new Promise(() => undefined));
    queue.add('fails', async () => {
      ran.push('fails');
      throw new Error('LRS down');
    });
    queue.add('works', async () => void ran.push('works'));
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await queue.settled();
    expect(ran).toEqual(['fails', 'works']);
  });
});

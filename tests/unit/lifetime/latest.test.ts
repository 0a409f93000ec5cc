import { describe, expect, it, vi } from 'vitest';
import { latest } from '../../../lib/lifetime/latest';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('latest (the latest call wins)', () => {
  it('applies an older call that finishes last only if no later call began', async () => {
    const calls = latest();
    const applied: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = calls.run(
      () => slow.promise,
      (value) => applied.push(value),
    );
    const second = calls.run(
      () => fast.promise,
      (value) => applied.push(value),
    );
    fast.resolve('empty list');
    slow.resolve('old list');
    expect(await second).toBe(true);
    expect(await first).toBe(false);
    expect(applied).toEqual(['empty list']);
  });

  it('applies each call when they finish in order', async () => {
    const calls = latest();
    const applied: number[] = [];
    expect(
      await calls.run(
        () => 1,
        (value) => applied.push(value),
      ),
    ).toBe(true);
    expect(
      await calls.run(
        async () => 2,
        (value) => applied.push(value),
      ),
    ).toBe(true);
    expect(applied).toEqual([1, 2]);
  });

  it('reports a failed call and never throws', async () => {
    const calls = latest();
    const onError = vi.fn();
    const apply = vi.fn();
    const failed = calls.run(() => Promise.reject(new Error('no overlay')), apply, onError);
    await expect(failed).resolves.toBe(false);
    expect(onError).toHaveBeenCalledWith(new Error('no overlay'));
    expect(apply).not.toHaveBeenCalled();
    // Without onError a failure is swallowed.
    await expect(calls.run(() => Promise.reject(new Error('x')), apply)).resolves.toBe(false);
  });

  it('begin() gives a check that turns false once a later call begins', () => {
    const calls = latest();
    const first = calls.begin();
    expect(first()).toBe(true);
    const second = calls.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('keeps separate sequences independent', async () => {
    const tips = latest();
    const hints = latest();
    const applied: string[] = [];
    const pending = tips.run(
      async () => 'tips',
      (value) => applied.push(value),
    );
    await hints.run(
      async () => 'hints',
      (value) => applied.push(value),
    );
    await pending;
    expect(applied.sort()).toEqual(['hints', 'tips']);
  });
});

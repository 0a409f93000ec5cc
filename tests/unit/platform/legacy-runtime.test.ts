/**
 * The built-ins the Chrome MV2 build fills for kernels below 98 (lib/platform/legacy-runtime.ts)
 * must behave like the native ones the code was written against.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  abortSignalAny,
  abortSignalTimeout,
  installLegacyRuntime,
  randomUuid,
} from '../../../lib/platform/legacy-runtime';

describe('legacy runtime fills', () => {
  it('randomUuid is an RFC 4122 version 4 id, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomUuid()));
    expect(ids.size).toBe(50);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('abortSignalTimeout aborts with a TimeoutError after the delay, not before', () => {
    vi.useFakeTimers();
    try {
      const signal = abortSignalTimeout(1000);
      vi.advanceTimersByTime(999);
      expect(signal.aborted).toBe(false);
      vi.advanceTimersByTime(1);
      expect(signal.aborted).toBe(true);
      expect((signal.reason as DOMException).name).toBe('TimeoutError');
    } finally {
      vi.useRealTimers();
    }
  });

  it('abortSignalAny follows the first signal that aborts, with its reason', () => {
    const a = new AbortController();
    const b = new AbortController();
    const any = abortSignalAny([a.signal, b.signal]);
    expect(any.aborted).toBe(false);
    b.abort('second');
    expect(any.aborted).toBe(true);
    expect(any.reason).toBe('second');
    a.abort('first');
    expect(any.reason).toBe('second');
  });

  it('abortSignalAny of an already aborted signal is aborted at once', () => {
    const a = new AbortController();
    a.abort('done');
    expect(abortSignalAny([new AbortController().signal, a.signal]).reason).toBe('done');
  });

  it('installs only what a kernel-86 global lacks, and leaves native built-ins alone', () => {
    const native = {
      randomUUID: () => 'native',
      getRandomValues: crypto.getRandomValues.bind(crypto),
    };
    const modern = { crypto: native, AbortSignal } as unknown as typeof globalThis;
    expect(installLegacyRuntime(modern)).toEqual([]);
    expect(native.randomUUID()).toBe('native');

    class OldSignal extends EventTarget {}
    const old = {
      crypto: { getRandomValues: crypto.getRandomValues.bind(crypto) },
      AbortSignal: OldSignal,
    } as unknown as typeof globalThis;
    expect(installLegacyRuntime(old)).toEqual([
      'crypto.randomUUID',
      'AbortSignal.timeout',
      'AbortSignal.any',
    ]);
    expect(old.crypto.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof (old.AbortSignal as typeof AbortSignal).any).toBe('function');
  });
});

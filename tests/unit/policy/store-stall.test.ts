import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEADLINES } from '../../../lib/platform/deadline';

/**
 * Issue 10: `storage.managed.get()` can stall (or never answer) right after the browser starts. A
 * policy read must answer within its deadline with the built-in defaults, apply the real policy
 * once the browser answers, and never save over a setting it cannot see is locked.
 */
const LRS = {
  endpoint: 'https://lrs.example.gov.cn/xapi/',
  auth: { kind: 'basic', key: 'k', secret: 's' },
};

/** Longer than the store waits before asking a stalled browser again. */
const RETRY_AFTER = 5_000;

async function freshStore() {
  vi.resetModules();
  return import('../../../app/policy/store');
}

function stallManaged(): { answer: (value: Record<string, unknown>) => void; calls: () => number } {
  let resolve: (value: Record<string, unknown>) => void = () => undefined;
  const spy = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
    () =>
      new Promise((r) => {
        resolve = r;
      }) as never,
  );
  return { answer: (value) => resolve(value), calls: () => spy.mock.calls.length };
}

describe('policy reads on a stalled browser', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('answers with the defaults within the deadline while managed storage stalls', async () => {
    const { readPolicy } = await freshStore();
    stallManaged();
    await fakeBrowser.storage.local.set({ policy: { lrs: LRS } });
    const read = readPolicy();
    await vi.advanceTimersByTimeAsync(DEADLINES.read);
    const view = await read;
    expect(view.managedPending).toBe(true);
    // The options page's own value still applies; nothing is locked while unknown.
    expect(view.policy.lrs?.endpoint).toBe(LRS.endpoint);
    expect(view.locked).toEqual([]);
  });

  it('does not pile up calls or wait again once the pending call is past the deadline', async () => {
    const { readPolicy } = await freshStore();
    const managed = stallManaged();
    const first = readPolicy();
    await vi.advanceTimersByTimeAsync(DEADLINES.read);
    await first;
    let answered = false;
    const second = readPolicy().then((view) => {
      answered = true;
      return view;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toBe(true);
    expect((await second).managedPending).toBe(true);
    expect(managed.calls()).toBe(1);
  });

  it('applies the managed policy once the browser answers, and tells the watchers', async () => {
    const { readPolicy, watchPolicy } = await freshStore();
    const managed = stallManaged();
    const changed = vi.fn();
    watchPolicy(changed);
    const first = readPolicy();
    await vi.advanceTimersByTimeAsync(DEADLINES.read + 500);
    expect((await first).policy.lrs).toBeNull();
    managed.answer({ lrs: LRS });
    await vi.advanceTimersByTimeAsync(0);
    expect(changed).toHaveBeenCalled();
    vi.mocked(fakeBrowser.storage.managed.get).mockResolvedValue({ lrs: LRS } as never);
    const view = await readPolicy();
    expect(view.managedPending).toBeUndefined();
    expect(view.policy.lrs?.endpoint).toBe(LRS.endpoint);
    expect(view.locked).toEqual(['lrs']);
  });

  it('treats a throwing managed area (no policy support) as no policy, not as pending', async () => {
    const { readPolicy } = await freshStore();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage'));
    const view = await readPolicy();
    expect(view.managedPending).toBeUndefined();
    expect(view.policy.survey).toEqual({ perSubject: 1, perDay: 3 });
  });

  it('saves options without waiting for a stalled browser; a managed value still wins', async () => {
    const { saveLocalPolicy, readPolicy, localPolicyItem } = await freshStore();
    const managed = stallManaged();
    const saving = saveLocalPolicy({ lrs: LRS, survey: { perSubject: 5, perDay: 5 } });
    await vi.advanceTimersByTimeAsync(DEADLINES.read);
    const saved = await saving;
    expect(saved.managedPending).toBe(true);
    expect(await localPolicyItem.getValue()).toMatchObject({ lrs: LRS });
    // The browser answers: the administrator's survey setting locks it over the saved one.
    managed.answer({ survey: { perSubject: 0, perDay: 0 } });
    vi.mocked(fakeBrowser.storage.managed.get).mockResolvedValue({
      survey: { perSubject: 0, perDay: 0 },
    } as never);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER);
    const view = await readPolicy();
    expect(view.policy.survey).toEqual({ perSubject: 0, perDay: 0 });
    expect(view.locked).toEqual(['survey']);
  });

  it('stops waiting once the browser has been silent longer than a reader may wait', async () => {
    const { readPolicy } = await freshStore();
    const managed = stallManaged();
    const first = readPolicy(DEADLINES.policyForStatements);
    await vi.advanceTimersByTimeAsync(DEADLINES.policyForStatements);
    expect((await first).managedPending).toBe(true);
    // Asked again (a new call), but the area has been silent for the whole budget: no new
    // wait beyond a moment's grace for the new call.
    let answered = false;
    const second = readPolicy(DEADLINES.policyForStatements).then((view) => {
      answered = true;
      return view;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(answered).toBe(true);
    expect((await second).managedPending).toBe(true);
    expect(managed.calls()).toBe(2);
  });

  it('asks the browser again when a call has been pending for long', async () => {
    const { readPolicy } = await freshStore();
    const managed = stallManaged();
    const first = readPolicy();
    await vi.advanceTimersByTimeAsync(DEADLINES.read);
    await first;
    expect(managed.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER);
    vi.mocked(fakeBrowser.storage.managed.get).mockResolvedValue({ lrs: LRS } as never);
    const view = await readPolicy();
    expect(managed.calls()).toBe(2);
    expect(view.policy.lrs?.endpoint).toBe(LRS.endpoint);
  });

  it('tells the watchers when a re-asked call answers at once after readers got the defaults', async () => {
    const { readPolicy, watchPolicy } = await freshStore();
    const changed = vi.fn();
    watchPolicy(changed);
    stallManaged();
    const first = readPolicy();
    await vi.advanceTimersByTimeAsync(DEADLINES.read);
    expect((await first).managedPending).toBe(true);
    // The stalled call is abandoned; the browser answers the next one at once.
    await vi.advanceTimersByTimeAsync(RETRY_AFTER);
    vi.mocked(fakeBrowser.storage.managed.get).mockResolvedValue({ lrs: LRS } as never);
    const view = await readPolicy();
    expect(view.managedPending).toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    expect(changed).toHaveBeenCalled();
    // Once known, ordinary quick answers are not news.
    changed.mockClear();
    await readPolicy();
    await vi.advanceTimersByTimeAsync(0);
    expect(changed).not.toHaveBeenCalled();
  });
});

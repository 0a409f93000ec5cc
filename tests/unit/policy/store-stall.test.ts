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

async function freshStore() {
  vi.resetModules();
  return import('../../../lib/policy/store');
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

  it('refuses to save options while it cannot see which settings are locked', async () => {
    const { saveLocalPolicy, localPolicyItem } = await freshStore();
    stallManaged();
    const saving = saveLocalPolicy({ lrs: LRS });
    const refused = expect(saving).rejects.toThrow('设置未保存');
    await vi.advanceTimersByTimeAsync(DEADLINES.write);
    await refused;
    expect(await localPolicyItem.getValue()).toEqual({});
  });
});

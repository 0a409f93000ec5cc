import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEADLINES, withDeadline } from '../../lib/platform/deadline';
import { resolvePolicy, type PolicyInput, type PolicyView } from './policy';

/** Settings saved on the options page's 管理员设置 (only those the managed policy leaves open). */
export const localPolicyItem = storage.defineItem<PolicyInput>('local:policy', { fallback: {} });

/**
 * The managed policy. `storage.managed.get()` can take seconds to answer, or never answer, right
 * after the browser starts (issue 10: on a fresh Chromium profile the worker's first call took
 * 2–8 s under load, and a learner's 完成 waited behind it). So a read waits at most `waitMs`;
 * while the browser has not answered, the built-in defaults apply (`known: false`). A call still
 * pending is reused rather than piled up; one pending longer than {@link RETRY_MS} is asked again
 * (a call that never answers must not pin the defaults for the worker's life). When an answer
 * comes late, {@link watchPolicy} listeners run, so the policy is then applied. Firefox without
 * policies throws: that is "no managed policy", not a stall.
 */
const RETRY_MS = 5_000;
const RETRY_GRACE_MS = 100;
let pending: { promise: Promise<PolicyInput>; since: number } | null = null;
/**
 * When the browser last started to leave calls unanswered (the first call since the last answer),
 * or null while it answers. Waits are measured from here: once the area has been silent for
 * longer than a reader may wait, readers stop waiting (seen: a Chromium whose managed storage
 * never answered for a worker's whole life; each statement waited 20 s).
 */
let silentSince: number | null = null;
const lateListeners = new Set<() => void>();
/**
 * A reader went on with the defaults since the browser last answered: the next answer, from
 * whichever call (a re-asked one often answers at once), is news the watchers must hear.
 */
let readersWentOn = false;

function managedCall(): { promise: Promise<PolicyInput>; since: number } {
  if (pending && Date.now() - pending.since < RETRY_MS) return pending;
  const since = Date.now();
  silentSince ??= since;
  const promise = (async (): Promise<PolicyInput> => {
    try {
      return ((await browser.storage.managed?.get()) ?? {}) as PolicyInput;
    } catch {
      return {};
    }
  })();
  const call = { promise, since };
  pending = call;
  void promise.then(() => {
    if (pending === call) pending = null;
    silentSince = null;
    if (readersWentOn || Date.now() - since > DEADLINES.read) {
      readersWentOn = false;
      for (const listener of lateListeners) listener();
    }
  });
  return call;
}

export async function readManaged(
  waitMs: number = DEADLINES.read,
): Promise<{ value: PolicyInput; known: boolean }> {
  const call = managedCall();
  // A browser silent for longer than this read may wait: do not wait on it again, except a
  // moment for a call just made (a browser that recovered answers at once).
  const justAsked = Date.now() - call.since < RETRY_GRACE_MS;
  const left = Math.max(
    waitMs - (Date.now() - (silentSince ?? call.since)),
    justAsked ? RETRY_GRACE_MS : 0,
  );
  if (left <= 0) {
    readersWentOn = true;
    return { value: {}, known: false };
  }
  try {
    return { value: await withDeadline(call.promise, left, 'storage.managed.get'), known: true };
  } catch {
    readersWentOn = true;
    return { value: {}, known: false };
  }
}

async function readLocal(waitMs: number): Promise<PolicyInput> {
  try {
    return await withDeadline(localPolicyItem.getValue(), waitMs, 'storage.local policy');
  } catch {
    return {};
  }
}

/**
 * The policy in force. `waitMs` bounds how long a slow browser may delay the answer: short (the
 * default) where a learner or an administrator waits, and for where to send (what waits is sent
 * when the managed policy answers, see {@link watchPolicy}); {@link DEADLINES.policyForStatements}
 * before building xAPI statements, whose identity and ids are fixed once built.
 */
export async function readPolicy(waitMs: number = DEADLINES.read): Promise<PolicyView> {
  const [managed, local] = await Promise.all([readManaged(waitMs), readLocal(waitMs)]);
  const view = resolvePolicy(managed.value, local);
  return managed.known ? view : { ...view, managedPending: true };
}

/**
 * Saves options-page settings. A setting the managed policy locks is not changed here; while the
 * browser has not answered for the managed policy, the patch is saved as it is: a local value
 * never overrides a managed one (app/policy/policy.ts `resolvePolicy`), so nothing locked can be
 * undone, and the options page need not wait for a slow browser.
 */
export async function saveLocalPolicy(patch: PolicyInput): Promise<PolicyView> {
  const managed = await readManaged();
  const current = await localPolicyItem.getValue();
  const next: PolicyInput = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof PolicyInput, unknown][]) {
    if (managed.value[key] !== undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  await localPolicyItem.setValue(next);
  const view = resolvePolicy(managed.value, next);
  return managed.known ? view : { ...view, managedPending: true };
}

/**
 * Runs `listener` whenever either source changes (e.g. to reschedule deliveries), and when the
 * managed policy answers after readers went on with the defaults.
 */
export function watchPolicy(listener: () => void): () => void {
  const unwatch = localPolicyItem.watch(() => listener());
  const onManaged = (_changes: unknown, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onManaged);
  lateListeners.add(listener);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onManaged);
    lateListeners.delete(listener);
  };
}

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { resolvePolicy, type PolicyInput, type PolicyView } from './policy';

/** Settings saved on the options page's 管理员设置 (only those the managed policy leaves open). */
export const localPolicyItem = storage.defineItem<PolicyInput>('local:policy', { fallback: {} });

/** The managed policy, or nothing where the browser has none (Firefox without policies throws). */
async function readManaged(): Promise<PolicyInput> {
  try {
    return ((await browser.storage.managed?.get()) ?? {}) as PolicyInput;
  } catch {
    return {};
  }
}

export async function readPolicy(): Promise<PolicyView> {
  return resolvePolicy(await readManaged(), await localPolicyItem.getValue());
}

/** Saves options-page settings; a setting locked by the managed policy cannot be changed here. */
export async function saveLocalPolicy(patch: PolicyInput): Promise<PolicyView> {
  const managed = await readManaged();
  const current = await localPolicyItem.getValue();
  const next: PolicyInput = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof PolicyInput, unknown][]) {
    if (managed[key] !== undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  await localPolicyItem.setValue(next);
  return resolvePolicy(managed, next);
}

/** Runs `listener` whenever either source changes (e.g. to reschedule deliveries). */
export function watchPolicy(listener: () => void): () => void {
  const unwatch = localPolicyItem.watch(() => listener());
  const onManaged = (_changes: unknown, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onManaged);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onManaged);
  };
}

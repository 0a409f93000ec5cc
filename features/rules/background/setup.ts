import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { DEADLINES, orDefault } from '../../../lib/platform/deadline';
import { sessionArea } from '../../../lib/platform/session-area';
import type { Language } from '../../../lib/settings/preferences';
import type { Role } from '../../profile/roles';
import type { RuleSet } from '../schema';
import { sendMessage } from '../../../app/protocol';
import { createDexieRulesStore, createRulesService, rulesRevision } from './service';
import { createTestClock } from './test-clock';

const RULES_SESSION_KEY = 'rulesSessionId';

/**
 * Compliance tips and field guards in the background: the rules service and its session id.
 * `deps.rules` is the rule set in force (bundled + content packs, features/packs), updated in place
 * when a pack is applied: the service reads it at every message.
 */
export function setupRules(
  platform: BackgroundPlatform,
  deps: {
    rules: RuleSet;
    role(): Promise<Role | null>;
    language(): Promise<Language>;
    /**
     * Calls `listener` each time the content in force was rebuilt: `restored` once the stored
     * packs are read back after the worker's start, `applied` after a pack was applied. Pages
     * running the rules watcher are told when an applied pack changed the rules.
     */
    contentChanged?(listener: (cause: 'restored' | 'applied') => void): void;
  },
) {
  // A browser session id for per-session tips: kept in storage.session (new after a restart).
  // lib/platform/session-area.ts: storage.session, or the MV2 background page's memory.
  const area = sessionArea();
  const sessionIdItem = {
    getValue: async () => {
      const value = (await area.get(RULES_SESSION_KEY))[RULES_SESSION_KEY];
      return typeof value === 'string' ? value : '';
    },
    setValue: (id: string) => area.set({ [RULES_SESSION_KEY]: id }),
  };
  let memorySessionId: string | null = null;
  const session = () =>
    orDefault(
      async () => {
        const existing = await sessionIdItem.getValue();
        if (existing) return existing;
        const created = crypto.randomUUID();
        await sessionIdItem.setValue(created);
        return created;
      },
      DEADLINES.read,
      // storage.session stalled: this worker's own id keeps per-session tips working meanwhile.
      (memorySessionId ??= crypto.randomUUID()),
      'rules session id',
    );
  // Pages running the rules watcher (rules.js) ask again and swap the new rules in: a pack's
  // guard shows, a replaced one stops, without a reload. Only a real change is announced: a
  // rebuild that changed tours or help alone does not wake every tab.
  let announced = rulesRevision(deps.rules);
  deps.contentChanged?.((cause) => {
    const revision = rulesRevision(deps.rules);
    if (revision === announced) return;
    announced = revision;
    // After a worker restart the pages already run these rules (they asked for them).
    if (cause === 'applied') void announceRulesChanged(platform, revision);
  });
  return createRulesService({
    rules: deps.rules,
    store: createDexieRulesStore(platform.db),
    session,
    // Test builds: a clock e2e tests can move (per-day frequency, snooze); ./test-clock.ts.
    ...(import.meta.env.MODE === 'test'
      ? {
          now: createTestClock({
            get: (key) => browser.storage.local.get(key),
            onChanged: browser.storage.onChanged,
          }),
        }
      : {}),
    role: deps.role,
    language: deps.language,
    onAcknowledged: async (record, tipTitle) =>
      platform.records.emit('tip-acknowledged', { record, tipTitle }),
  });
}

/**
 * `bg:rulesChanged` to the top frame of every tab on a configured host. A tab without our content
 * script, or without the rules watcher, does not answer: nothing to do there (a page that loads the
 * watcher later asks for the rules in force then).
 */
export async function announceRulesChanged(
  platform: Pick<BackgroundPlatform, 'isAllowedHost'>,
  revision: string,
  tabs: () => Promise<{ id?: number; url?: string }[]> = () => browser.tabs.query({}),
): Promise<number> {
  let told = 0;
  const all = await tabs().catch(() => []);
  await Promise.all(
    all.map(async (tab) => {
      if (tab.id === undefined || !tab.url || !platform.isAllowedHost(tab.url)) return;
      await sendMessage('bg:rulesChanged', { revision }, { tabId: tab.id, frameId: 0 }).then(
        () => told++,
        () => undefined,
      );
    }),
  );
  return told;
}

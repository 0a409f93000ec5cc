import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { DEADLINES, orDefault } from '../../../lib/platform/deadline';
import { sessionArea } from '../../../lib/platform/session-area';
import type { Language } from '../../../lib/settings/preferences';
import type { Role } from '../../profile/roles';
import type { RuleSet } from '../schema';
import { createDexieRulesStore, createRulesService } from './service';
import { createTestClock } from './test-clock';

const RULES_SESSION_KEY = 'rulesSessionId';

/**
 * Compliance tips and field guards in the background: the rules service and its session id.
 * `deps.rules` is the rule set in force (bundled + content packs, features/packs), updated in place
 * when a pack is applied: the service reads it at every message.
 */
export function setupRules(
  platform: BackgroundPlatform,
  deps: { rules: RuleSet; role(): Promise<Role | null>; language(): Promise<Language> },
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

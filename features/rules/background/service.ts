/**
 * The background's side of tips: it owns the history (one source of truth for every tab), decides
 * with the engine and stores every answer. The content script only reports actions and answers
 * through the message protocol (see features/rules/README.md for the message shapes).
 *
 * Storage is behind {@link RulesStore}: {@link createDexieRulesStore} for the extension's
 * database, {@link createMemoryRulesStore} for tests.
 */
import type { Role } from '../../profile/roles';
import type { AckAndShowHistory, RuleAction, TipDecision } from '../engine';
import {
  decideTips,
  recordAcknowledged,
  recordDismissed,
  recordMarker,
  recordShown,
  recordSnoozed,
  snoozeLength,
} from '../engine';
import type {
  RuleMarkerRecord,
  TipAcknowledgementRecord,
  TipResponse,
  TipStateRecord,
} from '../records';
import { createAcknowledgementRecord, historyFromRecords } from '../records';
import { pageRules, rulesApplyTo } from '../helpers';
import type { RuleSet } from '../schema';
import type { RuleTriggers } from '../helpers';
import type { RulesInForce } from '../protocol';

export interface RulesStore {
  loadHistory(): Promise<AckAndShowHistory>;
  saveTipState(state: TipStateRecord): Promise<void>;
  saveMarker(marker: RuleMarkerRecord): Promise<void>;
  addAcknowledgement(record: TipAcknowledgementRecord): Promise<void>;
}

export interface RulesServiceOptions {
  /** The rules in force; may change in place (content packs) and is read at every call. */
  rules: RuleSet;
  store: RulesStore;
  /** Injected clock. Default Date.now. */
  now?: () => number;
  /** Current browser-session id (e.g. kept in storage.session). */
  session: () => string | Promise<string>;
  role: () => Role | null | Promise<Role | null>;
  language?: () => 'zh_CN' | 'en' | Promise<'zh_CN' | 'en'>;
  /** After an acknowledgement (我已知晓) is stored: the xAPI service queues a statement. */
  onAcknowledged?: (record: TipAcknowledgementRecord, tipTitle: string) => Promise<unknown>;
}

export interface RulesService {
  /** Whether a tip, marker or guard applies to the page at `url` (features/rules/helpers.ts). */
  appliesTo(url: string): boolean;
  /**
   * For the hello reply: `load` when a page-specific rule applies or a tip for every page would
   * show on opening this page now (the password reminder when due); else the triggers the content
   * script watches itself before loading the rules watcher (null: nothing applies).
   */
  forPage(url: string): Promise<{ load: boolean; triggers: RuleTriggers | null }>;
  /** `content:rulesInForce` — the markers, tips and guards in force now, and their revision. */
  inForce(): RulesInForce;
  /** `rules:action` — an action happened on `url`; returns the tips to show (most severe first). */
  onAction(input: { url: string; action: RuleAction }): Promise<TipDecision[]>;
  /** `rules:shown` — the overlay put the tip on screen. */
  onShown(input: { tipId: string; contentVersion: number }): Promise<void>;
  /** `rules:response` — 我已知晓 / 稍后提醒 / 不再显示; stored as a record. */
  onResponse(input: {
    tipId: string;
    contentVersion: number;
    response: TipResponse;
    url: string;
    action?: RuleAction;
    account?: string | null;
  }): Promise<TipAcknowledgementRecord>;
}

export function createRulesService(options: RulesServiceOptions): RulesService {
  const now = options.now ?? Date.now;
  // Looked up at each message: the rule set is updated in place when a content pack applies.
  const tipById = {
    has: (id: string) => options.rules.tips.some((tip) => tip.id === id),
    get: (id: string) => options.rules.tips.find((tip) => tip.id === id),
  };
  // Serialise read-modify-write on the history: two tabs reporting at once must not lose a write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    appliesTo: (url) => rulesApplyTo(options.rules, url),
    inForce: () => ({ rules: options.rules, revision: rulesRevision(options.rules) }),
    forPage: async (url) => {
      const page = pageRules(options.rules, url);
      if (page.load) return { load: true, triggers: null };
      if (page.pageOpenTips.length > 0) {
        // Read-only: the decision the watcher's page-open would get (no marker visible yet).
        const decisions = decideTips(page.pageOpenTips, {
          url,
          action: { kind: 'page-open', markers: [] },
          role: await options.role(),
          now: now(),
          history: await options.store.loadHistory(),
          session: await options.session(),
          language: (await options.language?.()) ?? 'zh_CN',
        });
        if (decisions.length > 0) return { load: true, triggers: null };
      }
      return { load: false, triggers: page.triggers };
    },
    onAction: ({ url, action }) =>
      serial(async () => {
        const at = now();
        let history = await options.store.loadHistory();
        const seen =
          action.kind === 'marker'
            ? [action.marker]
            : action.kind === 'page-open'
              ? action.markers
              : [];
        for (const marker of seen) {
          if (!options.rules.markers.some((known) => known.id === marker)) continue;
          history = recordMarker(history, marker, at);
          await options.store.saveMarker({ marker, at });
        }
        return decideTips(options.rules.tips, {
          url,
          action,
          role: await options.role(),
          now: at,
          history,
          session: await options.session(),
          language: (await options.language?.()) ?? 'zh_CN',
        });
      }),
    onShown: ({ tipId, contentVersion }) =>
      serial(async () => {
        if (!tipById.has(tipId)) return;
        const history = recordShown(
          await options.store.loadHistory(),
          { tipId, contentVersion },
          { now: now(), session: await options.session() },
        );
        const state = history.tips[tipId];
        if (state) await options.store.saveTipState(state);
      }),
    onResponse: (input) =>
      serial(async () => {
        const rule = tipById.get(input.tipId);
        if (!rule) throw new Error(`unknown tip ${input.tipId}`);
        const at = now();
        let history = await options.store.loadHistory();
        const tip = { tipId: input.tipId, contentVersion: input.contentVersion };
        if (input.response === 'acknowledge') history = recordAcknowledged(history, tip, at);
        else if (input.response === 'snooze') {
          if (rule.snooze === false) throw new Error(`tip ${input.tipId} cannot be snoozed`);
          history = recordSnoozed(history, input.tipId, at, snoozeLength(rule, at) ?? 0);
        } else {
          if (!rule.dismissible) throw new Error(`tip ${input.tipId} cannot be dismissed`);
          history = recordDismissed(history, tip);
        }
        const state = history.tips[input.tipId];
        if (state) await options.store.saveTipState(state);
        const record = createAcknowledgementRecord({
          ...tip,
          response: input.response,
          role: await options.role(),
          account: input.account ?? null,
          at,
          url: input.url,
          ...(input.action ? { action: input.action } : {}),
        });
        await options.store.addAcknowledgement(record);
        if (input.response === 'acknowledge')
          await options.onAcknowledged?.(record, rule.tip.title).catch(() => undefined);
        return record;
      }),
  };
}

/**
 * A name for the content of a rule set: FNV-1a (32 bits) of its JSON, in hex. Equal rules give the
 * same revision; the page skips a reload when told of the revision it already runs. Not a security
 * measure (the background is the only source of both).
 */
export function rulesRevision(rules: RuleSet): string {
  const text = JSON.stringify(rules);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(36)}`;
}

/** In-memory store (tests, and a fallback before the database is ready). */
export function createMemoryRulesStore(): RulesStore & {
  acknowledgements: TipAcknowledgementRecord[];
} {
  const states = new Map<string, TipStateRecord>();
  const markers = new Map<string, RuleMarkerRecord>();
  const acknowledgements: TipAcknowledgementRecord[] = [];
  return {
    acknowledgements,
    loadHistory: () =>
      Promise.resolve(historyFromRecords([...states.values()], [...markers.values()])),
    saveTipState: (state) => {
      states.set(state.tipId, { ...state });
      return Promise.resolve();
    },
    saveMarker: (marker) => {
      markers.set(marker.marker, { ...marker });
      return Promise.resolve();
    },
    addAcknowledgement: (record) => {
      acknowledgements.push({ ...record, id: acknowledgements.length + 1 });
      return Promise.resolve();
    },
  };
}

/** The three Dexie tables of {@link RULES_DEXIE_STORES}, as the lead declares them. */
export interface RulesTables {
  tipAcknowledgements: { add(record: TipAcknowledgementRecord): Promise<unknown> };
  tipStates: { put(state: TipStateRecord): Promise<unknown>; toArray(): Promise<TipStateRecord[]> };
  ruleMarkers: {
    put(marker: RuleMarkerRecord): Promise<unknown>;
    toArray(): Promise<RuleMarkerRecord[]>;
  };
}

/** Store over the extension database's tables (structural, so this module does not import it). */
export function createDexieRulesStore(db: RulesTables): RulesStore {
  return {
    loadHistory: async () =>
      historyFromRecords(await db.tipStates.toArray(), await db.ruleMarkers.toArray()),
    saveTipState: async (state) => void (await db.tipStates.put(state)),
    saveMarker: async (marker) => void (await db.ruleMarkers.put(marker)),
    addAcknowledgement: async (record) => void (await db.tipAcknowledgements.add(record)),
  };
}

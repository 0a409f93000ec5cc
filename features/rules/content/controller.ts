/**
 * The content script's whole tips-and-guards loop in one call, so the entrypoint stays thin:
 * watcher → background (`content:ruleAction`) → tip queue → overlay view → answers back to the
 * background; page guards attached per page, tour-step guards on demand.
 *
 * Framework-free: the overlay passes a {@link RulesView} (two setters its React store implements)
 * and the messaging layer a {@link RulesChannel}. Everything hangs off `signal`.
 */
import type { RuleAction, TipDecision } from '../engine';
import type { RuleActionMessage, TipResponseMessage, TipShownMessage } from '../protocol';
import type { TipResponse } from '../records';
import type { RuleSet } from '../schema';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import type { Language } from '../../../lib/settings/preferences';
import type { GuardHint } from '../../guards/content/guards';
import { attachGuard, guardsForPage } from '../../guards/content/guards';
import type { PendingAction } from './triggers';
import { watchRuleActions } from './watcher';

/** The three messages to the background (features/rules/protocol.ts). */
export interface RulesChannel {
  action(message: RuleActionMessage): Promise<TipDecision[]>;
  shown(message: TipShownMessage): Promise<void>;
  respond(message: TipResponseMessage): Promise<void>;
}

/** What the overlay draws: the waiting tips (first one shown) and the field hints. */
export interface RulesView {
  setTips(tips: readonly TipDecision[]): void;
  setHints(hints: readonly GuardHint[]): void;
}

export interface StartRulesOptions {
  /** The rules in force at start; {@link RulesInPage.setRules} swaps in new ones. */
  rules: RuleSet;
  channel: RulesChannel;
  view: RulesView;
  signal: AbortSignal;
  /** Report failures (a message that could not be delivered) instead of throwing into the page. */
  onError?: (error: unknown) => void;
  visibility?: VisibilityOptions;
  /** Injected clock for deadline guards. */
  now?: () => number;
  /** The learner's language for field-guard messages (read at each check). Default Chinese. */
  language?: () => Language;
  /** Copies/clicks noticed before the bundle was loaded (watcher option `initial`). */
  initial?: readonly PendingAction[];
}

export interface RulesInPage {
  /** The learner answered the first tip (TipLayer's onRespond). */
  respond(tip: TipDecision, response: TipResponse): void;
  /** The extension's first run for this learner (after the welcome card): 正版软件, 密码… */
  firstRun(): void;
  /** Show a guard while a tour step is active (`guard:` in the step); abort `signal` to remove it. */
  showGuard(guardId: string, signal: AbortSignal): boolean;
  /**
   * The rules in force changed (a content pack was applied): markers are looked for again, this
   * page's guards and the tour step's guard are attached anew with their new definitions (a
   * replaced guard stops, a new one starts, a dropped one goes), and waiting tips whose rule is
   * gone are dropped. Nothing is reported as a new page open.
   */
  setRules(rules: RuleSet): void;
}

/** Start watching the page (top frame) for rule actions and attach this page's field guards. */
export function startRulesInPage(
  win: Window & typeof globalThis,
  options: StartRulesOptions,
): RulesInPage {
  const { channel, view, signal } = options;
  let rules = options.rules;
  const onError = options.onError ?? (() => undefined);
  let queue: { tip: TipDecision; action: RuleAction; url: string }[] = [];
  let announced: string | undefined;
  const hints = new Map<string, GuardHint>();

  const publishTips = (): void => {
    view.setTips(queue.map((entry) => entry.tip));
    const first = queue[0];
    if (first && announced !== first.tip.tipId) {
      announced = first.tip.tipId;
      channel
        .shown({ tipId: first.tip.tipId, contentVersion: first.tip.contentVersion })
        .catch(onError);
    }
  };

  const onAction = (action: RuleAction, url: string): void => {
    channel
      .action({ url, action })
      .then((decisions) => {
        if (signal.aborted) return;
        for (const tip of decisions) {
          // The same tip already waiting (two exports in a row) is not queued twice.
          if (!queue.some((entry) => entry.tip.tipId === tip.tipId))
            queue.push({ tip, action, url });
        }
        publishTips();
      })
      .catch(onError);
  };

  const guardOptions = (guardSignal: AbortSignal) => ({
    signal: guardSignal,
    onHint: (guardId: string, hint: GuardHint | null) => {
      if (hint) hints.set(guardId, hint);
      else hints.delete(guardId);
      view.setHints([...hints.values()]);
    },
    ...(options.visibility ? { visibility: options.visibility } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.language ? { language: options.language } : {}),
  });

  // Page guards follow the URL: re-attached on every page-open.
  let pageGuards: AbortController | undefined;
  const attachPageGuards = (url: string): void => {
    pageGuards?.abort();
    pageGuards = new AbortController();
    const scope = AbortSignal.any([signal, pageGuards.signal]);
    for (const guard of guardsForPage(rules.guards, url)) {
      attachGuard(guard, win.document, guardOptions(scope));
    }
  };

  // Guards of tour steps (showGuard), kept so a change of rules can attach them anew.
  interface StepGuard {
    guardId: string;
    stepSignal: AbortSignal;
    attached: AbortController | null;
  }
  const stepGuards = new Set<StepGuard>();
  /** Attaches a step's guard with the definition in force; false when no such guard exists. */
  const attachStepGuard = (entry: StepGuard): boolean => {
    entry.attached?.abort();
    entry.attached = null;
    const guard = rules.guards.find((candidate) => candidate.id === entry.guardId);
    if (!guard) return false;
    // A page guard with the same id is already showing: the step adds nothing.
    if (guardsForPage([guard], win.location.href).length > 0) return true;
    entry.attached = new AbortController();
    attachGuard(
      guard,
      win.document,
      guardOptions(AbortSignal.any([signal, entry.stepSignal, entry.attached.signal])),
    );
    return true;
  };

  const watch = watchRuleActions(win, {
    signal,
    markers: () => rules.markers,
    ...(options.visibility ? { visibility: options.visibility } : {}),
    ...(options.initial ? { initial: options.initial } : {}),
    onAction: (action, url) => {
      if (action.kind === 'page-open') attachPageGuards(url);
      onAction(action, url);
    },
  });
  signal.addEventListener(
    'abort',
    () => {
      queue = [];
      view.setTips([]);
      view.setHints([]);
    },
    { once: true },
  );

  return {
    respond(tip, response) {
      const entry = queue.find((candidate) => candidate.tip.tipId === tip.tipId);
      queue = queue.filter((candidate) => candidate.tip.tipId !== tip.tipId);
      if (announced === tip.tipId) announced = undefined;
      publishTips();
      channel
        .respond({
          tipId: tip.tipId,
          contentVersion: tip.contentVersion,
          response,
          url: entry?.url ?? win.location.href,
          ...(entry ? { action: entry.action } : {}),
        })
        .catch(onError);
    },
    firstRun() {
      onAction({ kind: 'first-run' }, win.location.href);
    },
    showGuard(guardId, stepSignal) {
      if (stepSignal.aborted) return rules.guards.some((candidate) => candidate.id === guardId);
      const entry: StepGuard = { guardId, stepSignal, attached: null };
      if (!attachStepGuard(entry)) return false;
      stepGuards.add(entry);
      stepSignal.addEventListener('abort', () => stepGuards.delete(entry), { once: true });
      return true;
    },
    setRules(next) {
      if (signal.aborted || next === rules) return;
      rules = next;
      const tipIds = new Set(rules.tips.map((tip) => tip.id));
      const before = queue.length;
      queue = queue.filter((entry) => tipIds.has(entry.tip.tipId));
      if (queue.length !== before) {
        if (announced !== undefined && !tipIds.has(announced)) announced = undefined;
        publishTips();
      }
      attachPageGuards(win.location.href);
      for (const entry of stepGuards) attachStepGuard(entry);
      watch.recheckMarkers();
    },
  };
}

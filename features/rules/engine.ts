/**
 * The rules engine: which tips to show for one user action, and how showing / acknowledging /
 * snoozing / dismissing changes the history. Pure: no DOM, no storage, no clock (the caller passes
 * `now`), so every frequency rule is testable with a fake clock.
 *
 * Decision order for each tip rule:
 * 1. `where` holds: the action is one the rule reacts to, the URL matches, the marker is there,
 *    the button name matches, the learner's role is included;
 * 2. not dismissed (不再显示) for this content version, not snoozed (稍后提醒) until later;
 * 3. for `due` rules, the reminder is due (e.g. 3 months after the last password change seen);
 * 4. the frequency allows another showing (see {@link FREQUENCIES} in schema.ts).
 */
import type { Role } from '../profile/roles';
import { matchAnyUrlGlob } from '../tour/match';
import type { Severity, TipActionKind, TipRule } from './schema';
import { CST_OFFSET_MS, addInterval, globList, whereActions } from './helpers';
import { normalizeText } from '../../lib/locate/text';

/** Kinds of personal data the watcher recognises in copied text. */
export type PersonalDataKind = 'idCard' | 'mobile';

/** A user action the watcher saw (features/rules/content/watcher.ts). */
export type RuleAction =
  /** A page (URL) opened; `markers`: ids of the markers visible at that moment. */
  | { kind: 'page-open'; markers: readonly string[] }
  /** A marker became visible after the page opened (a 403 result, 密码修改成功). */
  | { kind: 'marker'; marker: string }
  /**
   * Click on an export/download control; `name` is its accessible name, `personalData` the kinds
   * of personal data in the tables it exports (absent: not known).
   */
  | { kind: 'export'; name: string; personalData?: readonly PersonalDataKind[] }
  /** Copy of a selection holding personal data (from a table). */
  | { kind: 'copy'; personalData: readonly PersonalDataKind[] }
  /** Click on a submit control (提交 / 提交审批 / 提交审核). */
  | { kind: 'submit'; name: string }
  /** The extension's first run for this learner. */
  | { kind: 'first-run' };

/** What the engine remembers about one tip, per learner. */
export interface TipState {
  tipId: string;
  lastShownAt?: number;
  lastShownVersion?: number;
  /** Session id of the last showing. */
  lastShownSession?: string;
  acknowledgedAt?: number;
  acknowledgedVersion?: number;
  snoozedUntil?: number;
  /** 不再显示 was chosen on this content version (a newer version shows again). */
  dismissedVersion?: number;
}

export interface AckAndShowHistory {
  /** By tip id. */
  tips: Readonly<Record<string, TipState>>;
  /** When each marker was last seen (epoch ms), e.g. `password-changed`. */
  markers: Readonly<Record<string, number>>;
}

export const EMPTY_HISTORY: AckAndShowHistory = Object.freeze({ tips: {}, markers: {} });

export interface DecideContext {
  /** The page's full URL. */
  url: string;
  /** Absent: treated as a page-open with no markers. */
  action?: RuleAction;
  /** The learner's role; `null` before one was chosen. */
  role: Role | null;
  /** Epoch milliseconds (injected clock). */
  now: number;
  history: AckAndShowHistory;
  /** Id of the current browser session (new after a browser restart). */
  session: string;
  /** Default zh_CN. */
  language?: 'zh_CN' | 'en';
}

export interface TipDecision {
  tipId: string;
  contentVersion: number;
  severity: Severity;
  title: string;
  /** Markdown. */
  body: string;
  source?: string;
  /** Needs 我已知晓 (stored as an acknowledgement record). */
  acknowledge: boolean;
  /** Snooze length in ms when 稍后提醒 is offered, else undefined. */
  snoozeMs?: number;
  /** Offer 不再显示. */
  dismissible: boolean;
  /** Critical tips are dialogs that ask for attention; others are polite status cards. */
  presentation: 'dialog' | 'status';
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The calendar day (China Standard Time) of an instant, as days since the epoch. */
export function cstDay(at: number): number {
  return Math.floor((at + CST_OFFSET_MS) / 86_400_000);
}

/**
 * The tips to show now, most severe first (the overlay shows the first and queues the rest).
 * Never throws on data that passed the schema.
 */
export function decideTips(rules: readonly TipRule[], context: DecideContext): TipDecision[] {
  const action: RuleAction = context.action ?? { kind: 'page-open', markers: [] };
  const decisions: TipDecision[] = [];
  for (const rule of rules) {
    if (!whereHolds(rule, action, context)) continue;
    const state = context.history.tips[rule.id];
    if (!deliveryAllowed(rule, state, action, context)) continue;
    decisions.push(toDecision(rule, context.language ?? 'zh_CN', context.now));
  }
  return decisions.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.tipId.localeCompare(b.tipId),
  );
}

/** Does the rule's `where` hold for this action, page and role? */
export function whereHolds(
  rule: TipRule,
  action: RuleAction,
  context: Pick<DecideContext, 'url' | 'role'>,
): boolean {
  const { where } = rule;
  if (!whereActions(where).includes(action.kind as TipActionKind)) return false;
  const globs = globList(where.url);
  if (globs && !safeMatch(globs, context.url)) return false;
  if (where.marker !== undefined) {
    if (action.kind === 'page-open' && !action.markers.includes(where.marker)) return false;
    if (action.kind === 'marker' && action.marker !== where.marker) return false;
  }
  if (where.names && (action.kind === 'export' || action.kind === 'submit')) {
    const name = normalizeText(action.name);
    if (!where.names.some((wanted) => name.includes(normalizeText(wanted)))) return false;
  }
  // personalData: only an export of tables holding ID card or mobile numbers (a copy is only
  // reported when the copied text holds some).
  if (where.personalData && action.kind === 'export' && (action.personalData?.length ?? 0) === 0)
    return false;
  const roles = where.roles;
  if (roles?.only && (context.role === null || !roles.only.includes(context.role))) return false;
  if (roles?.except && context.role !== null && roles.except.includes(context.role)) return false;
  return true;
}

function safeMatch(globs: readonly string[], url: string): boolean {
  try {
    return matchAnyUrlGlob(globs, url);
  } catch {
    // Not an absolute URL (about:blank in a fresh frame): no page glob can mean it.
    return false;
  }
}

/**
 * When a `due` rule is (or becomes) due: the marker's last sighting plus the interval, or the last
 * acknowledgement plus the interval when the marker was never seen. `undefined` when neither is
 * known (the rule's `unknown` setting decides).
 */
export function dueAt(rule: TipRule, history: AckAndShowHistory): number | undefined {
  if (!rule.due) return undefined;
  const base = history.markers[rule.due.since] ?? history.tips[rule.id]?.acknowledgedAt;
  return base === undefined ? undefined : addInterval(base, rule.due.after);
}

function deliveryAllowed(
  rule: TipRule,
  stored: TipState | undefined,
  action: RuleAction,
  context: DecideContext,
): boolean {
  const version = rule.tip.version;
  if (stored?.dismissedVersion !== undefined && stored.dismissedVersion >= version) return false;
  if (stored?.snoozedUntil !== undefined && stored.snoozedUntil > context.now) return false;

  let state = stored;
  if (rule.due) {
    const due = dueAt(rule, context.history);
    if (due === undefined) {
      if (rule.due.unknown === 'never') return false;
      if (rule.due.unknown === 'first-run' && action.kind !== 'first-run') return false;
    } else {
      if (context.now < due) return false;
      // Showings before the due moment belonged to the previous period.
      if (state && (state.lastShownAt ?? -Infinity) < due) {
        state = { tipId: state.tipId };
      }
    }
  }
  if (!state || state.lastShownAt === undefined) return true;

  const shownThisVersion = (state.lastShownVersion ?? 0) >= version;
  const shownThisSession = state.lastShownSession === context.session && shownThisVersion;
  switch (rule.frequency) {
    case 'once': {
      if (!rule.acknowledge) return false;
      // Shown but not yet acknowledged: again in a later session, never twice in one.
      return state.acknowledgedAt === undefined && !shownThisSession;
    }
    case 'version': {
      if (!rule.acknowledge) return !shownThisVersion;
      const acknowledged = (state.acknowledgedVersion ?? 0) >= version;
      return !acknowledged && !shownThisSession;
    }
    case 'session':
      return !shownThisSession;
    case 'day':
      return !(shownThisVersion && cstDay(state.lastShownAt) === cstDay(context.now));
  }
}

/** How long 稍后提醒 hides the tip from `now` (months are calendar months); undefined: no snooze. */
export function snoozeLength(rule: TipRule, now: number): number | undefined {
  return rule.snooze === false ? undefined : addInterval(now, rule.snooze) - now;
}

function toDecision(rule: TipRule, language: 'zh_CN' | 'en', now: number): TipDecision {
  const en = language === 'en' ? rule.tip.i18n?.en : undefined;
  return {
    tipId: rule.id,
    contentVersion: rule.tip.version,
    severity: rule.tip.severity,
    title: en?.title ?? rule.tip.title,
    body: en?.body ?? rule.tip.body,
    ...(rule.tip.source === undefined ? {} : { source: rule.tip.source }),
    acknowledge: rule.acknowledge,
    ...(rule.snooze === false ? {} : { snoozeMs: snoozeLength(rule, now) }),
    dismissible: rule.dismissible,
    presentation: rule.tip.severity === 'critical' ? 'dialog' : 'status',
  };
}

// ---------------------------------------------------------------------------------------------
// History updates (pure: return a new history)

function withTip(
  history: AckAndShowHistory,
  tipId: string,
  patch: (state: TipState) => TipState,
): AckAndShowHistory {
  const current = history.tips[tipId] ?? { tipId };
  return { ...history, tips: { ...history.tips, [tipId]: patch(current) } };
}

/** The tip was put on screen. */
export function recordShown(
  history: AckAndShowHistory,
  shown: { tipId: string; contentVersion: number },
  at: { now: number; session: string },
): AckAndShowHistory {
  return withTip(history, shown.tipId, (state) => ({
    ...state,
    lastShownAt: at.now,
    lastShownVersion: shown.contentVersion,
    lastShownSession: at.session,
  }));
}

/** 我已知晓. */
export function recordAcknowledged(
  history: AckAndShowHistory,
  tip: { tipId: string; contentVersion: number },
  now: number,
): AckAndShowHistory {
  return withTip(history, tip.tipId, (state) => {
    const { snoozedUntil: _snoozed, ...rest } = state;
    return { ...rest, acknowledgedAt: now, acknowledgedVersion: tip.contentVersion };
  });
}

/** 稍后提醒: hidden for `snoozeMs`. */
export function recordSnoozed(
  history: AckAndShowHistory,
  tipId: string,
  now: number,
  snoozeMs: number,
): AckAndShowHistory {
  return withTip(history, tipId, (state) => ({ ...state, snoozedUntil: now + snoozeMs }));
}

/** 不再显示 for this content version. */
export function recordDismissed(
  history: AckAndShowHistory,
  tip: { tipId: string; contentVersion: number },
): AckAndShowHistory {
  return withTip(history, tip.tipId, (state) => ({
    ...state,
    dismissedVersion: tip.contentVersion,
  }));
}

/** A marker was seen (e.g. a successful password change). */
export function recordMarker(
  history: AckAndShowHistory,
  marker: string,
  at: number,
): AckAndShowHistory {
  return { ...history, markers: { ...history.markers, [marker]: at } };
}

/**
 * 必须留存操作记录: every answer to a tip (我已知晓 / 稍后提醒 / 不再显示) is stored as a record —
 * who, which tip, which content version, when, on which page, after which action. Plus the table
 * shapes the background keeps the engine's history in.
 *
 * These tables live in the extension's Dexie database (app/database.ts, owned by the lead). Add
 * them in a new schema version; the index strings are {@link RULES_DEXIE_STORES}:
 * ```ts
 * this.version(N).stores({ ...previous, ...RULES_DEXIE_STORES });
 * tipAcknowledgements!: EntityTable<TipAcknowledgementRecord, 'id'>;
 * tipStates!: EntityTable<TipStateRecord, 'tipId'>;
 * ruleMarkers!: EntityTable<RuleMarkerRecord, 'marker'>;
 * ```
 */
import type { ImportedMark } from '../progress/records';
import type { Role } from '../profile/roles';
import { scrubPersonalData } from '../../lib/privacy/personal-data';
import { redactUrl } from '../../lib/privacy/url';
import type { AckAndShowHistory, RuleAction, TipState } from './engine';

export type TipResponse = 'acknowledge' | 'snooze' | 'dismiss';

/** What the learner did when the tip was shown, without anything personal (no copied text). */
export type RecordedAction =
  'page-open' | 'marker' | 'export' | 'copy' | 'submit' | 'first-run' | 'tour-step';

/** One answer to a tip. Append-only. */
export interface TipAcknowledgementRecord {
  id?: number;
  tipId: string;
  contentVersion: number;
  response: TipResponse;
  /** The learner's role at the time (the extension has no account of its own). */
  role: Role | null;
  /** The host system's account name when the page shows one and policy allows; else null. */
  account: string | null;
  /** Epoch ms. */
  at: number;
  /** Page address, redacted with lib/privacy/url.ts (no query/fragment values, no ids). */
  url: string;
  action: RecordedAction;
  /** Marker id or button name that triggered the tip (e.g. 导出 CSV); never copied content. */
  actionDetail: string | null;
  /**
   * Set only on a record that came from a progress file (features/progress/io.ts): it is shown as
   * 本机导入 and never counts as an acknowledgement given on this machine.
   */
  imported?: ImportedMark;
}

/** Engine history per tip: {@link TipState} with the tip id as key. */
export type TipStateRecord = TipState;

/** When a marker was last seen (e.g. `password-changed`). */
export interface RuleMarkerRecord {
  marker: string;
  at: number;
}

/** Dexie index strings for the three tables (first key is the primary key). */
export const RULES_DEXIE_STORES = {
  tipAcknowledgements: '++id, tipId, at, [tipId+contentVersion]',
  tipStates: 'tipId',
  ruleMarkers: 'marker',
} as const;

/** Build the record for an answer; the URL is redacted here so no caller can forget. */
export function createAcknowledgementRecord(input: {
  tipId: string;
  contentVersion: number;
  response: TipResponse;
  role: Role | null;
  account?: string | null;
  at: number;
  url: string;
  action?: RuleAction | { kind: 'tour-step' };
}): TipAcknowledgementRecord {
  const action = input.action ?? { kind: 'page-open', markers: [] };
  return {
    tipId: input.tipId,
    contentVersion: input.contentVersion,
    response: input.response,
    role: input.role,
    account: input.account ?? null,
    at: input.at,
    url: redactUrl(input.url),
    action: action.kind,
    actionDetail: actionDetail(action),
  };
}

function actionDetail(action: RuleAction | { kind: 'tour-step' }): string | null {
  switch (action.kind) {
    case 'marker':
      return action.marker;
    case 'export':
    case 'submit':
      // The control's accessible name comes from the page ("提交张三的申请").
      return scrubPersonalData(action.name).text.slice(0, 40);
    case 'copy':
      return action.personalData.join(',');
    default:
      return null;
  }
}

/** Rebuild the engine's history from stored rows. */
export function historyFromRecords(
  states: readonly TipStateRecord[],
  markers: readonly RuleMarkerRecord[],
): AckAndShowHistory {
  return {
    tips: Object.fromEntries(states.map((state) => [state.tipId, state])),
    markers: Object.fromEntries(markers.map((row) => [row.marker, row.at])),
  };
}

/** Progress-export CSV row of a record (dashboard / 操作记录 export). */
export function acknowledgementCsvRow(record: TipAcknowledgementRecord): string[] {
  return [
    new Date(record.at).toISOString(),
    record.tipId,
    String(record.contentVersion),
    record.response,
    record.role ?? '',
    record.account ?? '',
    record.url,
    record.action,
    record.actionDetail ?? '',
  ];
}

import Dexie, { type EntityTable } from 'dexie';
import type { Role } from '../profile/roles';
import { REPORT_OUTBOX_STORES, type OutboxRecord } from '../report/outbox-db';
import {
  RULES_DEXIE_STORES,
  type RuleMarkerRecord,
  type TipAcknowledgementRecord,
  type TipStateRecord,
} from '../rules/records';
import type { RunnerSnapshot, TourRecord } from '../tour/runner';

/**
 * The extension's IndexedDB database. It lives in the extension origin only: the background and
 * extension pages open it; content scripts never import this module (an IndexedDB opened there
 * would belong to the host page's origin) and ask the background through the message protocol.
 *
 * Schema versions: every released version stays declared below, in order, so a browser holding
 * data from any earlier release upgrades in place. Add a version, never edit a released one, and
 * add an upgrade test in tests/unit/db.
 */

export type ActivityType = 'page-visited' | 'role-chosen' | 'welcome-dismissed';

/** One thing the learner did, as the background recorded it. */
export interface ActivityRecord {
  id?: number;
  type: ActivityType;
  /** Epoch milliseconds. */
  at: number;
  /** Tab it happened in, when it came from a page. */
  tabId: number | null;
  /** Page address with query and fragment values removed (see lib/privacy/url.ts). */
  url: string | null;
  title: string | null;
  /** Event details, e.g. `{ role }` for role-chosen. */
  detail: Record<string, string | number | boolean | null>;
}

/** The local learner profile: a single row with key `me`. */
export interface ProfileRecord {
  key: 'me';
  role: Role | null;
  roleChosenAt: number | null;
  /** When the learner closed the welcome card without choosing (so it does not nag). */
  welcomeDismissedAt: number | null;
}

/** One tour event (started, step shown/completed/skipped/failed, finished, abandoned). */
export interface TourEventRecord {
  id?: number;
  tourId: string;
  kind: TourRecord['kind'];
  at: number;
  tabId: number | null;
  stepId: string | null;
  stepIndex: number | null;
  /** Time taken: the step's for step-completed, the whole tour's for finished/abandoned. */
  ms: number | null;
  reason: string | null;
}

export type TourProgressStatus = 'in-progress' | 'completed' | 'abandoned' | 'interrupted';

/** Where the learner stands with one tour (one row per tour id). */
export interface TourProgressRecord {
  tourId: string;
  status: TourProgressStatus;
  stepCount: number;
  /** Highest step reached in the latest attempt, 0-based. */
  lastStepIndex: number;
  attempts: number;
  completions: number;
  firstStartedAt: number;
  updatedAt: number;
  completedAt: number | null;
  /** Runner state of an interrupted attempt (tab closed mid-tour), to offer resuming it. */
  snapshot: RunnerSnapshot | null;
}

/** A help search that found nothing (popup), kept so trainers can see what content is missing. */
export interface SearchMissRecord {
  id?: number;
  /** The query as typed, trimmed (at most 64 characters, the length help search considers). */
  query: string;
  /** Epoch milliseconds. */
  at: number;
  /** Page address the popup was about, with query and fragment values removed; null without one. */
  url: string | null;
}

export class ZhiyinDatabase extends Dexie {
  activity!: EntityTable<ActivityRecord, 'id'>;
  profile!: EntityTable<ProfileRecord, 'key'>;
  tourEvents!: EntityTable<TourEventRecord, 'id'>;
  tourProgress!: EntityTable<TourProgressRecord, 'tourId'>;
  /** Problem reports: written here first, then delivered (lib/report/outbox.ts). */
  reportOutbox!: EntityTable<OutboxRecord, 'id'>;
  /** 必须留存操作记录: every answer to a compliance tip (who, which tip, version, when, where). */
  tipAcknowledgements!: EntityTable<TipAcknowledgementRecord, 'id'>;
  tipStates!: EntityTable<TipStateRecord, 'tipId'>;
  ruleMarkers!: EntityTable<RuleMarkerRecord, 'marker'>;
  /** Help searches with no result (popup → options page 未找到结果的搜索). */
  searchMisses!: EntityTable<SearchMissRecord, 'id'>;

  constructor(name = 'zhiyin') {
    super(name);
    // v1 (0.1.0): activity log, learner profile, tour events and progress, report outbox, help
    // searches that found nothing.
    this.version(1).stores({
      activity: '++id, type, at, tabId, [tabId+at]',
      profile: 'key',
      tourEvents: '++id, tourId, kind, at, [tourId+at]',
      tourProgress: 'tourId, status, updatedAt',
      ...REPORT_OUTBOX_STORES,
      searchMisses: '++id, query, at',
      ...RULES_DEXIE_STORES,
    });
  }
}

let shared: ZhiyinDatabase | undefined;

/** The database of this extension context, opened lazily once. */
export function database(): ZhiyinDatabase {
  shared ??= new ZhiyinDatabase();
  return shared;
}

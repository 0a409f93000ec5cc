import Dexie, { type EntityTable } from 'dexie';
import type { AssessmentRecord } from '../features/exam/records';
import type { SearchMissRecord } from '../features/help/records';
import type { ProfileRecord } from '../features/profile/records';
import type { ActivityRecord, ProgressBackupRecord } from '../features/progress/records';
import type { QuizResultRecord } from '../features/quiz/records';
import type { SurveyAnswerRecord } from '../features/survey/records';
import type { TourEventRecord, TourProgressRecord } from '../features/tour/records';
import {
  XAPI_STORES,
  type XapiDeliveryRecord,
  type XapiOutboxRecord,
} from '../features/xapi/records';
import { REPORT_OUTBOX_STORES, type OutboxRecord } from '../features/report/records';
import {
  RULES_DEXIE_STORES,
  type RuleMarkerRecord,
  type TipAcknowledgementRecord,
  type TipStateRecord,
} from '../features/rules/records';
import type { TourDraftRecord } from '../features/author/draft';
import type { ContentDraftRecord } from '../features/editor/content-drafts';
import { PACK_DEXIE_STORES, type PackSourceRecord } from '../features/packs/records';

/**
 * The extension's IndexedDB database. It lives in the extension origin only: the background and
 * extension pages open it; content scripts never import this module (an IndexedDB opened there
 * would belong to the host page's origin) and ask the background through the message protocol.
 *
 * Schema versions: every released version stays declared below, in order, so a browser holding
 * data from any earlier release upgrades in place. Add a version, never edit a released one, and
 * add an upgrade test in tests/unit/db.
 */

export class ZhiyinDatabase extends Dexie {
  activity!: EntityTable<ActivityRecord, 'id'>;
  profile!: EntityTable<ProfileRecord, 'key'>;
  tourEvents!: EntityTable<TourEventRecord, 'id'>;
  tourProgress!: EntityTable<TourProgressRecord, 'tourId'>;
  /** Problem reports: written here first, then delivered (features/report/background/outbox.ts). */
  reportOutbox!: EntityTable<OutboxRecord, 'id'>;
  /** 必须留存操作记录: every answer to a compliance tip (who, which tip, version, when, where). */
  tipAcknowledgements!: EntityTable<TipAcknowledgementRecord, 'id'>;
  tipStates!: EntityTable<TipStateRecord, 'tipId'>;
  ruleMarkers!: EntityTable<RuleMarkerRecord, 'marker'>;
  /** Help searches with no result (popup → options page 未找到结果的搜索). */
  searchMisses!: EntityTable<SearchMissRecord, 'id'>;
  /** v2: practical assessments (实操考核). */
  assessments!: EntityTable<AssessmentRecord, 'id'>;
  /** v2: written quizzes (知识测验). */
  quizResults!: EntityTable<QuizResultRecord, 'id'>;
  /** v2: satisfaction survey answers. */
  surveyAnswers!: EntityTable<SurveyAnswerRecord, 'id'>;
  /** v2: xAPI statements waiting for the LRS (features/xapi/background/queue.ts). */
  xapiOutbox!: EntityTable<XapiOutboxRecord, 'id'>;
  /** v2: delivery state of the LRS (one row). */
  xapiDelivery!: EntityTable<XapiDeliveryRecord, 'key'>;
  /** v3: automatic backups taken before a destructive action (features/progress/io.ts). */
  progressBackups!: EntityTable<ProgressBackupRecord, 'id'>;
  /** v4: tour drafts recorded in author mode and edited in the editor (features/author). */
  tourDrafts!: EntityTable<TourDraftRecord, 'id'>;
  /** v5: content pack sources and their last good content (features/packs). */
  packSources!: EntityTable<PackSourceRecord, 'source'>;
  /** v6: help-article and compliance-tip drafts written in the editor (features/editor). */
  contentDrafts!: EntityTable<ContentDraftRecord, 'id'>;

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
    // v2 (0.2.0): practical assessments, quiz results, survey answers, the xAPI outbox; profile
    // rows gain optional name and staffId (no index change, older rows read as absent).
    this.version(2).stores({
      assessments: '++id, tourId, attemptId, status, startedAt, [tourId+startedAt]',
      quizResults: '++id, quizId, module, at',
      surveyAnswers: '++id, at, [subjectKind+subjectId]',
      ...XAPI_STORES,
    });
    // v3 (progress import, issue 10): automatic progress backups (before 清空); quiz results indexed by attemptId so
    // a merge import finds an attempt already here. Rows of progress tables may carry `imported`
    // (no index: a few rows per learner, read whole).
    this.version(3).stores({
      quizResults: '++id, quizId, module, at, attemptId',
      progressBackups: '++id, at',
    });
    // v4 (recorder and editor, issue 14): trainers' tour drafts, keyed by a UUID. Drafts are
    // authoring data, not learning records: progress export and 清空 leave them alone.
    this.version(4).stores({
      tourDrafts: 'id, updatedAt',
    });
    // v5 (content packs, issue 14): each pack source (a policy URL or a hand import) with its last
    // good content, ETag and the reason of its last refusal.
    this.version(5).stores({ ...PACK_DEXIE_STORES });
    // v6 (editor, issue 14): trainers' help-article and compliance-tip drafts, keyed by a UUID,
    // next to the tour drafts (which stay as they are: a new table, no upgrade of old rows).
    this.version(6).stores({
      contentDrafts: 'id, kind, updatedAt',
    });
  }
}

let shared: ZhiyinDatabase | undefined;

/** The database of this extension context, opened lazily once. */
export function database(): ZhiyinDatabase {
  shared ??= new ZhiyinDatabase();
  return shared;
}

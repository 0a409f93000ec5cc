import Dexie, { type EntityTable } from 'dexie';
import type { SatisfactionLevel } from '../../features/exam/indicators';
import type { ShortAnswerGrades, QuizAnswers, WrittenScore } from '../../features/quiz/grading';
import type { PracticalScore } from '../../features/exam/scoring';
import type { Role } from '../../features/profile/roles';
import {
  XAPI_STORES,
  type XapiDeliveryRecord,
  type XapiOutboxRecord,
} from '../../features/xapi/background/queue-db';
import {
  REPORT_OUTBOX_STORES,
  type OutboxRecord,
} from '../../features/report/background/outbox-db';
import {
  RULES_DEXIE_STORES,
  type RuleMarkerRecord,
  type TipAcknowledgementRecord,
  type TipStateRecord,
} from '../../features/rules/records';
import type { RunnerSnapshot, TourRecord } from '../../features/tour/runner';

/**
 * The extension's IndexedDB database. It lives in the extension origin only: the background and
 * extension pages open it; content scripts never import this module (an IndexedDB opened there
 * would belong to the host page's origin) and ask the background through the message protocol.
 *
 * Schema versions: every released version stays declared below, in order, so a browser holding
 * data from any earlier release upgrades in place. Add a version, never edit a released one, and
 * add an upgrade test in tests/unit/db.
 */

/**
 * v3: on every row that came from a progress file (features/progress/io.ts, merge import): where it
 * came from. Such a row is shown as 本机导入 and is never this machine's own verified result
 * (an exam passed elsewhere, or written by hand, is not an exam passed here).
 */
export interface ImportedMark {
  /** Epoch ms of the import on this machine. */
  at: number;
  /** Name of the imported file, when known. */
  fileName: string | null;
  /** The file's `exportedAt` (ISO 8601), as the file claims it. */
  exportedAt: string;
  /** The file's `extensionVersion`, as the file claims it; null when absent. */
  sourceExtensionVersion: string | null;
}

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
  /** v2: optional display name (personal data: never sent unless policy says so). */
  name?: string | null;
  /** v2: optional staff id (工号), used as the xAPI account name when given. */
  staffId?: string | null;
  /**
   * Random local learner id (xAPI account name when no staff id is given), made once by
   * features/xapi/background/service.ts; optional field, no index change.
   */
  learnerId?: string;
}

/** v2: one practical assessment (实操考核) attempt: a task tour run as an exam. */
export interface AssessmentRecord {
  id?: number;
  /** The tour run as an exam. */
  tourId: string;
  /** UUID of this attempt (xAPI registration). */
  attemptId: string;
  startedAt: number;
  /** Epoch ms of finish, exit or time-out; null while running. */
  endedAt: number | null;
  status: 'running' | 'passed' | 'failed' | 'abandoned';
  /** The score (features/exam/scoring.ts); null while running or when abandoned unscored. */
  score: PracticalScore | null;
  /** Steps to retrain (补训), copied from the score for the index. */
  remedialStepIds: string[];
  /** When the remedial tour for this attempt was completed; null until then. */
  remedialCompletedAt: number | null;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}

/** v2: one written quiz (知识测验 / 笔试) attempt. */
export interface QuizResultRecord {
  id?: number;
  quizId: string;
  /** The quiz's module (认知 / 操作 / 规范 / 安全 / 进阶). */
  module: string;
  /** UUID of this attempt. */
  attemptId: string;
  at: number;
  /** Time spent answering. */
  ms: number;
  answers: QuizAnswers;
  grades: ShortAnswerGrades;
  score: WrittenScore;
  /** Quizzes area: the quiz content version (tours/quizzes/<id>.yaml `version`) answered. */
  quizVersion?: number;
  /**
   * Quizzes area: key points (要点) each short answer covered, by question id (ids of the quiz's
   * `keyPoints`; features/quiz/short-answer.ts). Absent on records without short answers.
   */
  shortAnswerPoints?: Record<string, string[]>;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}

/** v2: one satisfaction survey answer (满意度). */
export interface SurveyAnswerRecord {
  id?: number;
  at: number;
  /** What was rated: a tour, a practical assessment or a quiz, by id. */
  subjectKind: 'tour' | 'assessment' | 'quiz';
  subjectId: string;
  rating: SatisfactionLevel;
  /** Free text, trimmed, at most 500 characters; personal data is the learner's choice. */
  comment: string;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
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
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
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
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
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

/**
 * v3: a copy of all progress taken automatically before anything destructive (清空本机学习进度),
 * so it can be restored. Kept until the learner deletes it; never leaves the machine.
 */
export interface ProgressBackupRecord {
  id?: number;
  /** Epoch ms the backup was taken. */
  at: number;
  /** Why it was taken. */
  reason: 'before-clear';
  /** The progress as an export file (features/progress/format.ts), exactly as stored. */
  file: unknown;
}

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
  }
}

let shared: ZhiyinDatabase | undefined;

/** The database of this extension context, opened lazily once. */
export function database(): ZhiyinDatabase {
  shared ??= new ZhiyinDatabase();
  return shared;
}

/**
 * The progress file (学习进度备份): every learning record of this browser as one JSON document, for
 * backup, moving to another computer and handing to a trainer. Documented in
 * docs/progress-format.md; this zod schema is the contract, and import (restore) checks a file
 * against it before anything is changed.
 *
 * Versioning: `format` names the kind of file (anything else is a foreign file); `formatVersion`
 * changes only when a reader of the previous version could misread a file. New optional record
 * fields do not change it: records are checked for the fields Zhiyin relies on and keep any others.
 */
import { z } from 'zod';
import { SATISFACTION_LEVELS } from '../exam/indicators';
import { ROLES } from '../profile/roles';

export const PROGRESS_FORMAT = 'zhiyin-progress';
/**
 * 2: rows may carry `imported` (the row came from another file; app/database.ts ImportedMark).
 * A version-1 reader would have taken such rows as its own, hence the bump. Version-1 files are
 * still read (they have no `imported` field).
 */
export const PROGRESS_FORMAT_VERSION = 2;
/** Every format version this reader understands. */
export const READABLE_FORMAT_VERSIONS = [1, 2] as const;

/** The tables a progress file holds, in the order they are written. */
export const PROGRESS_TABLES = [
  'profile',
  'tourProgress',
  'tourEvents',
  'assessments',
  'quizResults',
  'surveyAnswers',
  'tipAcknowledgements',
] as const;
export type ProgressTable = (typeof PROGRESS_TABLES)[number];

const epochMs = z.number().int().nonnegative();
const id = z.string().min(1).max(200);
const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();
/** Where a row came from, when it was itself imported before (kept as information only). */
const importedMark = z
  .looseObject({
    at: epochMs,
    fileName: z.string().max(500).nullable(),
    exportedAt: z.string().max(100),
    sourceExtensionVersion: z.string().max(100).nullable(),
  })
  .optional();
const role = z.enum(ROLES).nullable();

const ProfileRow = z.looseObject({
  key: z.literal('me'),
  role,
  roleChosenAt: epochMs.nullable(),
  welcomeDismissedAt: epochMs.nullable(),
  name: z.string().max(100).nullable().optional(),
  staffId: z.string().max(100).nullable().optional(),
  learnerId: z.string().max(100).optional(),
});

const TourProgressRow = z.looseObject({
  tourId: id,
  status: z.enum(['in-progress', 'completed', 'abandoned', 'interrupted']),
  stepCount: z.number().int().nonnegative(),
  lastStepIndex: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  completions: z.number().int().nonnegative(),
  firstStartedAt: epochMs,
  updatedAt: epochMs,
  completedAt: epochMs.nullable(),
  // Runner state of an interrupted attempt; checked again (parseSnapshot) before it is resumed.
  snapshot: z.record(z.string(), z.unknown()).nullable(),
  imported: importedMark,
});

const TourEventRow = z.looseObject({
  id: rowId,
  tourId: id,
  kind: z.enum([
    'started',
    'step-shown',
    'step-completed',
    'step-skipped',
    'step-failed',
    'finished',
    'abandoned',
  ]),
  at: epochMs,
  tabId: z.number().int().nullable(),
  stepId: z.string().nullable(),
  stepIndex: z.number().int().nonnegative().nullable(),
  ms: z.number().nonnegative().nullable(),
  reason: z.string().nullable(),
  imported: importedMark,
});

const score100 = z.number().min(0).max(100);

const PracticalScoreShape = z.looseObject({
  stepScore: z.number().min(0),
  timeScore: z.number().min(0),
  accuracyScore: z.number().min(0),
  total: score100,
  passed: z.boolean(),
  finished: z.boolean(),
  elapsedMs: z.number().nonnegative(),
  remedialStepIds: z.array(z.string()),
});

const AssessmentRow = z.looseObject({
  id: rowId,
  tourId: id,
  attemptId: id,
  startedAt: epochMs,
  endedAt: epochMs.nullable(),
  status: z.enum(['running', 'passed', 'failed', 'abandoned']),
  score: PracticalScoreShape.nullable(),
  remedialStepIds: z.array(z.string()),
  remedialCompletedAt: epochMs.nullable(),
  imported: importedMark,
});

const WrittenScoreShape = z.looseObject({
  choiceScore: score100.nullable(),
  shortAnswerScore: score100.nullable(),
  pending: z.boolean(),
  total: score100.nullable(),
  passed: z.boolean().nullable(),
  questions: z.array(z.unknown()),
});

const QuizResultRow = z.looseObject({
  id: rowId,
  quizId: id,
  module: z.string(),
  attemptId: id,
  at: epochMs,
  ms: z.number().nonnegative(),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  grades: z.record(z.string(), z.number()),
  score: WrittenScoreShape,
  imported: importedMark,
});

const SurveyAnswerRow = z.looseObject({
  id: rowId,
  at: epochMs,
  subjectKind: z.enum(['tour', 'assessment', 'quiz']),
  subjectId: id,
  rating: z.enum(SATISFACTION_LEVELS),
  comment: z.string().max(500),
  imported: importedMark,
});

const TipAcknowledgementRow = z.looseObject({
  id: rowId,
  tipId: id,
  contentVersion: z.number().int().min(1),
  response: z.enum(['acknowledge', 'snooze', 'dismiss']),
  role,
  account: z.string().nullable(),
  at: epochMs,
  url: z.string(),
  action: z.string(),
  actionDetail: z.string().nullable(),
  imported: importedMark,
});

/** Rows of auto-numbered tables must not repeat an id (one Dexie key per row). */
function uniqueIds<T extends { id?: number | undefined }>(rows: T[], ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    if (row.id === undefined) return;
    if (seen.has(row.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `重复的记录编号 ${row.id}` });
    seen.add(row.id);
  });
}

export const ProgressFileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  formatVersion: z.union(READABLE_FORMAT_VERSIONS.map((version) => z.literal(version))),
  /** ISO 8601 time of export. */
  exportedAt: z.iso.datetime(),
  /** The extension version that wrote the file (information only). */
  extensionVersion: z.string().optional(),
  /** The Dexie schema version of the exporting database (information only). */
  databaseVersion: z.number().int().positive().optional(),
  tables: z.strictObject({
    profile: z.array(ProfileRow).max(1),
    tourProgress: z.array(TourProgressRow).superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.tourId))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'tourId'],
            message: `引导 ${row.tourId} 出现了两次`,
          });
        seen.add(row.tourId);
      });
    }),
    tourEvents: z.array(TourEventRow).superRefine(uniqueIds),
    assessments: z.array(AssessmentRow).superRefine(uniqueIds),
    quizResults: z.array(QuizResultRow).superRefine(uniqueIds),
    surveyAnswers: z.array(SurveyAnswerRow).superRefine(uniqueIds),
    tipAcknowledgements: z.array(TipAcknowledgementRow).superRefine(uniqueIds),
  }),
});
export type ProgressFile = z.infer<typeof ProgressFileSchema>;

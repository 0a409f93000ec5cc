/**
 * A pack's renames carry the learner's progress (issue 14: "a pack can retire a tour (renames map
 * honoured)"). Decision: the rows are migrated, not mapped at read time. Progress is read by tour
 * id in many places (the popup's status and checklist, the resume offer, the dashboard, the
 * progress export, the organisation report, exams); a read-time map would have to be threaded
 * through each of them, and every new reader would be one more place to forget it. Moving the rows
 * once makes every reader right.
 *
 * One Dexie read-write transaction per call over every table keyed by tour id, and idempotent:
 * a row under an old id is moved to the new id (and the old progress row deleted), so a second run
 * finds nothing to move. The tables (app/database.ts, each checked):
 * - `tourProgress`, `tourEvents`: where the learner stands, and the runs behind the figures;
 * - `assessments`: exam results (the dashboard's 考核 column, the remedial training of an attempt,
 *   the exam export) are read by the tour's id; left under the old id, a renamed tour's exam
 *   looked never taken;
 * - `surveyAnswers` about a tour or its exam (`subjectId` is the tour id): left behind, the
 *   learner was asked again to rate a tour they had rated.
 * Not moved, on purpose: `xapiOutbox` (statements are resent byte for byte as built; what an LRS
 * received under the old id stays true), `reportOutbox` (a report says what happened then),
 * `progressBackups` (a copy as it was: restoring it brings old ids, which the next rebuild moves),
 * `tourDrafts` (a trainer's work, not the learner's). `activity`, `profile`, `quizResults` and the
 * tip tables hold no tour id. Run on every rebuild of the content in force (worker start, each pack applied),
 * which also catches rows written under an old id later (a progress file imported afterwards).
 *
 * When both ids have a row (the learner started the new tour before the pack arrived on this
 * machine, or a progress file brought the old one), they are combined: counts add up, the earliest
 * start and the latest update are kept, `completed` wins over anything else, an interrupted
 * attempt keeps its resume snapshot (rewritten to the new tour id).
 */
import type { EntityTable, Table } from 'dexie';
import type { AssessmentRecord } from '../exam/records';
import type { SurveyAnswerRecord } from '../survey/records';
import type { TourEventRecord, TourProgressRecord } from '../tour/records';

export interface RenameTables {
  tourProgress: EntityTable<TourProgressRecord, 'tourId'>;
  tourEvents: EntityTable<TourEventRecord, 'id'>;
  assessments: EntityTable<AssessmentRecord, 'id'>;
  surveyAnswers: EntityTable<SurveyAnswerRecord, 'id'>;
  transaction<T>(
    mode: 'rw',
    tables: readonly Table<unknown, unknown>[],
    scope: () => Promise<T>,
  ): Promise<T>;
}

export interface RenameMigration {
  /** Old ids whose progress row was moved (or merged) to the new id. */
  moved: string[];
  /** Tour events rewritten to the new id. */
  events: number;
  /** Exam results (assessments) rewritten to the new id. */
  assessments: number;
  /** Satisfaction answers about the tour or its exam rewritten to the new id. */
  surveys: number;
}

/** Moves progress and events of every `old → new` entry; nothing to do → nothing written. */
export async function migrateRenamedProgress(
  db: RenameTables,
  renames: Readonly<Record<string, string>>,
): Promise<RenameMigration> {
  const entries = Object.entries(renames).filter(([from, to]) => from !== to);
  if (entries.length === 0) return { moved: [], events: 0, assessments: 0, surveys: 0 };
  return db.transaction(
    'rw',
    [db.tourProgress, db.tourEvents, db.assessments, db.surveyAnswers] as unknown as Table<
      unknown,
      unknown
    >[],
    async () => {
      const moved: string[] = [];
      let events = 0;
      let assessments = 0;
      let surveys = 0;
      for (const [from, to] of entries) {
        const old = await db.tourProgress.get(from);
        if (old) {
          const current = await db.tourProgress.get(to);
          await db.tourProgress.put(combineProgress(old, current, to));
          await db.tourProgress.delete(from);
          moved.push(from);
        }
        events += await db.tourEvents.where('tourId').equals(from).modify({ tourId: to });
        assessments += await db.assessments.where('tourId').equals(from).modify({ tourId: to });
        for (const kind of ['tour', 'assessment'] as const) {
          surveys += await db.surveyAnswers
            .where('[subjectKind+subjectId]')
            .equals([kind, from])
            .modify({ subjectId: to });
        }
      }
      return { moved, events, assessments, surveys };
    },
  );
}

/** The row under `to` once `old` (recorded under the old id) is counted for it. */
export function combineProgress(
  old: TourProgressRecord,
  current: TourProgressRecord | undefined,
  to: string,
): TourProgressRecord {
  const renamed: TourProgressRecord = {
    ...old,
    tourId: to,
    snapshot: old.snapshot ? { ...old.snapshot, tourId: to } : null,
  };
  if (!current) return renamed;
  const newer = current.updatedAt >= renamed.updatedAt ? current : renamed;
  const completed = [current, renamed].filter((row) => row.status === 'completed');
  const status = completed.length > 0 ? 'completed' : newer.status;
  const completedAt = completed.reduce<number | null>(
    (latest, row) =>
      row.completedAt !== null && (latest === null || row.completedAt > latest)
        ? row.completedAt
        : latest,
    null,
  );
  const resumable = [newer, current, renamed].find(
    (row) => row.status === 'interrupted' && row.snapshot,
  );
  return {
    ...newer,
    tourId: to,
    status,
    attempts: current.attempts + renamed.attempts,
    completions: current.completions + renamed.completions,
    firstStartedAt: Math.min(current.firstStartedAt, renamed.firstStartedAt),
    updatedAt: Math.max(current.updatedAt, renamed.updatedAt),
    completedAt,
    snapshot: status === 'interrupted' && resumable ? resumable.snapshot : null,
  };
}

/**
 * A pack's renames carry the learner's progress (issue 14: "a pack can retire a tour (renames map
 * honoured)"). Decision: the rows are migrated, not mapped at read time. Progress is read by tour
 * id in many places (the popup's status and checklist, the resume offer, the dashboard, the
 * progress export, the organisation report, exams); a read-time map would have to be threaded
 * through each of them, and every new reader would be one more place to forget it. Moving the rows
 * once makes every reader right.
 *
 * One Dexie read-write transaction over `tourProgress` and `tourEvents` per call, and idempotent:
 * a row under an old id is moved to the new id and the old row deleted, so a second run finds
 * nothing to move. Run on every rebuild of the content in force (worker start, each pack applied),
 * which also catches rows written under an old id later (a progress file imported afterwards).
 *
 * When both ids have a row (the learner started the new tour before the pack arrived on this
 * machine, or a progress file brought the old one), they are combined: counts add up, the earliest
 * start and the latest update are kept, `completed` wins over anything else, an interrupted
 * attempt keeps its resume snapshot (rewritten to the new tour id).
 */
import type { EntityTable, Table } from 'dexie';
import type { TourEventRecord, TourProgressRecord } from '../tour/records';

export interface RenameTables {
  tourProgress: EntityTable<TourProgressRecord, 'tourId'>;
  tourEvents: EntityTable<TourEventRecord, 'id'>;
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
}

/** Moves progress and events of every `old → new` entry; nothing to do → nothing written. */
export async function migrateRenamedProgress(
  db: RenameTables,
  renames: Readonly<Record<string, string>>,
): Promise<RenameMigration> {
  const entries = Object.entries(renames).filter(([from, to]) => from !== to);
  if (entries.length === 0) return { moved: [], events: 0 };
  return db.transaction(
    'rw',
    [db.tourProgress, db.tourEvents] as unknown as Table<unknown, unknown>[],
    async () => {
      const moved: string[] = [];
      let events = 0;
      for (const [from, to] of entries) {
        const old = await db.tourProgress.get(from);
        if (old) {
          const current = await db.tourProgress.get(to);
          await db.tourProgress.put(combineProgress(old, current, to));
          await db.tourProgress.delete(from);
          moved.push(from);
        }
        events += await db.tourEvents.where('tourId').equals(from).modify({ tourId: to });
      }
      return { moved, events };
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

import type { TourEventRecord, TourProgressRecord } from '../records';
import type { ZhiyinDatabase } from '../../../app/database';
import type { RunnerSnapshot, TourRecord } from '../runner';

/** Called after records are stored (the xAPI service queues statements for them). */
export type TourRecordListener = (
  records: readonly TourRecord[],
  context: { tabId: number | null },
) => Promise<unknown>;

/**
 * Writes the runner's `record` effects into the database: every event in `tourEvents`, and the
 * per-tour summary in `tourProgress` (attempts, completions, how far the learner got). Then hands
 * them to `onRecorded` (features/xapi/background/service.ts); a failure there never breaks the tour.
 */
export class TourRecorder {
  constructor(
    private readonly db: ZhiyinDatabase,
    private readonly onRecorded?: TourRecordListener,
  ) {}

  async record(
    records: readonly TourRecord[],
    context: { tabId: number | null; stepCount: number },
  ) {
    if (records.length === 0) return;
    await this.db.transaction('rw', this.db.tourEvents, this.db.tourProgress, async () => {
      for (const record of records) {
        await this.db.tourEvents.add(toEventRow(record, context.tabId));
        await this.updateProgress(record, context.stepCount);
      }
    });
    await this.onRecorded?.(records, { tabId: context.tabId }).catch(() => undefined);
  }

  /** The tab closed (or the browser is closing) mid-tour: keep the state to offer resuming. */
  async interrupted(snapshot: RunnerSnapshot, stepCount: number, now: number): Promise<void> {
    const current = await this.db.tourProgress.get(snapshot.tourId);
    await this.db.tourProgress.put({
      ...(current ?? emptyProgress(snapshot.tourId, stepCount, now)),
      status: 'interrupted',
      updatedAt: now,
      snapshot,
    });
  }

  /** The learner declined to resume: the attempt stays recorded as abandoned. */
  async discardInterrupted(tourId: string, now: number): Promise<void> {
    await this.db.tourProgress.update(tourId, {
      status: 'abandoned',
      snapshot: null,
      updatedAt: now,
    });
  }

  private async updateProgress(record: TourRecord, stepCount: number) {
    const current =
      (await this.db.tourProgress.get(record.tourId)) ??
      emptyProgress(record.tourId, stepCount, record.at);
    const next: TourProgressRecord = { ...current, stepCount, updatedAt: record.at };
    switch (record.kind) {
      case 'started':
        next.status = 'in-progress';
        next.attempts += 1;
        next.lastStepIndex = 0;
        next.snapshot = null;
        break;
      case 'step-shown':
      case 'step-completed':
      case 'step-skipped':
      case 'step-failed':
        next.lastStepIndex = Math.max(next.lastStepIndex, record.stepIndex);
        break;
      case 'finished':
        next.status = 'completed';
        next.completions += 1;
        next.completedAt = record.at;
        next.lastStepIndex = stepCount - 1;
        next.snapshot = null;
        break;
      case 'abandoned':
        // A tour completed before stays completed; this attempt is still in the event log.
        if (next.completions === 0) next.status = 'abandoned';
        else next.status = 'completed';
        next.snapshot = null;
        break;
    }
    await this.db.tourProgress.put(next);
  }
}

function emptyProgress(tourId: string, stepCount: number, now: number): TourProgressRecord {
  return {
    tourId,
    status: 'in-progress',
    stepCount,
    lastStepIndex: 0,
    attempts: 0,
    completions: 0,
    firstStartedAt: now,
    updatedAt: now,
    completedAt: null,
    snapshot: null,
  };
}

function toEventRow(record: TourRecord, tabId: number | null): TourEventRecord {
  const base = { tourId: record.tourId, kind: record.kind, at: record.at, tabId };
  switch (record.kind) {
    case 'started':
      return { ...base, stepId: null, stepIndex: null, ms: null, reason: null };
    case 'step-shown':
      return {
        ...base,
        stepId: record.stepId,
        stepIndex: record.stepIndex,
        ms: null,
        reason: null,
      };
    case 'step-completed':
      return {
        ...base,
        stepId: record.stepId,
        stepIndex: record.stepIndex,
        ms: record.ms,
        reason: null,
      };
    case 'step-skipped':
    case 'step-failed':
      return {
        ...base,
        stepId: record.stepId,
        stepIndex: record.stepIndex,
        ms: null,
        reason: record.reason,
      };
    case 'finished':
      return { ...base, stepId: null, stepIndex: null, ms: record.ms, reason: null };
    case 'abandoned':
      return {
        ...base,
        stepId: record.stepId ?? null,
        stepIndex: record.stepIndex,
        ms: record.ms,
        reason: null,
      };
  }
}

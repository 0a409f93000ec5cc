/**
 * From the tour runner's analytics records (features/tour/runner.ts `record` effects) to statements,
 * so the background needs one call per record:
 *
 *   started         → tour attempted
 *   step-completed  → step experienced (duration = time on the step)
 *   finished        → tour completed (duration = whole run)
 *   anything else   → no statement (skips, failures and abandonment stay local progress data)
 *
 * Assessment results, rule acknowledgements and survey answers are not runner records: build them
 * with the factory directly.
 */
import type { Tour } from '../tour/schema';
import type { TourRecord } from '../tour/runner';
import type { StatementFactory } from './statements';
import type { XapiStatement } from './types';

export function statementForTourRecord(
  factory: StatementFactory,
  tour: Pick<Tour, 'id' | 'title' | 'steps'>,
  record: TourRecord,
  /** UUID of this run, shared by its statements (store it with the runner state). */
  registration?: string,
): XapiStatement | null {
  if (record.tourId !== tour.id) return null;
  const base = {
    tourId: tour.id,
    tourTitle: tour.title,
    at: record.at,
    ...(registration === undefined ? {} : { registration }),
  };
  switch (record.kind) {
    case 'started':
      return factory.tourAttempted(base);
    case 'step-completed': {
      const step = tour.steps.find((candidate) => candidate.id === record.stepId);
      return factory.stepExperienced({
        ...base,
        stepId: record.stepId,
        ...(step?.title === undefined ? {} : { stepTitle: step.title }),
        durationMs: record.ms,
      });
    }
    case 'finished':
      return factory.tourCompleted({ ...base, durationMs: record.ms });
    default:
      return null;
  }
}

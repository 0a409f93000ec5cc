/**
 * Stored runner snapshots (storage.session, an interrupted tour's progress row) outlive code
 * versions: they are validated with zod here, on the background side, before anything resumes
 * them. Kept apart from ./runner.ts so the page-side bundles that run transitions carry no zod.
 */
import { z } from 'zod';
import { MISSING_REASONS, RUNNER_STATUSES, type RunnerSnapshot } from './runner';

const StepVisitSchema = z.object({
  stepId: z.string(),
  index: z.int().min(0),
  enteredAt: z.number(),
  shownAt: z.number().optional(),
  endedAt: z.number().optional(),
  outcome: z.enum(['completed', 'skipped', 'failed', 'back', 'abandoned']).optional(),
  ms: z.number().optional(),
  reason: z.string().optional(),
});

/** Validates stored snapshots: storage outlives code versions, so never trust it blindly. */
export const RunnerSnapshotSchema = z.object({
  version: z.literal(1),
  tourId: z.string(),
  status: z.enum(RUNNER_STATUSES),
  stepIndex: z.int().min(0),
  stepId: z.string().optional(),
  url: z.string().optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  missing: z.object({ reason: z.enum(MISSING_REASONS) }).optional(),
  pausedFrom: z.enum(RUNNER_STATUSES).optional(),
  confirming: z.literal(true).optional(),
  history: z.array(StepVisitSchema),
});

/** Parse a stored snapshot; `null` when it is not one (corrupt or from an incompatible version). */
export function parseSnapshot(value: unknown): RunnerSnapshot | null {
  const parsed = RunnerSnapshotSchema.safeParse(value);
  return parsed.success ? (parsed.data as RunnerSnapshot) : null;
}

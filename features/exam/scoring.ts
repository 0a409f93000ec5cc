/**
 * Practical assessment (实操考核) scoring, as the training plan (七、效果评估) sets it:
 * 操作步骤正确性 40 + 完成时间 30 + 数据准确性 30 = 100, pass at 80.
 *
 * Pure functions, no clock, no storage. The background collects what happened during an exam run
 * (runner records and rejected actions, see {@link collectStepAttempts}) and calls
 * {@link scorePracticalAssessment}; the dashboard shows the result and offers a remedial tour
 * (补训) for exactly the steps in `remedialStepIds`.
 *
 * Formulas (all documented in docs/xapi.md § Practical assessment as well):
 *
 * - Step correctness (0–40) = 40 × Σ credit(step) / number of required steps.
 *   A required step is a step that is not `optional`. credit = 0 for a step that was skipped,
 *   failed or never reached; for a completed step credit = max(0.5, 1 − 0.25 × wrong actions),
 *   i.e. each wrong operation on the step costs a quarter, but a completed step keeps at least half.
 *   "Wrong action" = an action on the step's target that did not satisfy it for a reason other than
 *   the data (wrong kind of action, empty value). Rejected data counts against accuracy instead, so
 *   one mistake is not punished twice.
 * - Completion time (0–30): only a finished task (every required step completed) earns time
 *   points. Up to the target time: 30; from the target to the limit: linear down to 0; over the
 *   limit: 0. The target defaults to half the limit.
 * - Data accuracy (0–30) = 30 × accurate fields / checked fields. A step checks data when it is an
 *   `input` step with `pattern` or `validator`, or a `change` step with an expected `value`. Its
 *   field is accurate when the step was completed and no entry was rejected on the way (the first
 *   value the learner committed was right; a value read during a pause in typing is not an entry:
 *   features/tour/advance.ts `typing`). Callers that verify final form values themselves pass
 *   `fields` and those replace the derived verdict. A tour without any data check cannot measure
 *   accuracy: the 30 points then follow step correctness (30 × Σ credit / required steps) and the
 *   result says `accuracyApplicable: false`.
 * - Each component is rounded to one decimal; total = sum of the rounded components; passed =
 *   total ≥ 80. The displayed numbers therefore always add up and agree with passed.
 * - Remedial steps: required steps that were not completed, had wrong actions, or had an
 *   inaccurate field, in tour order.
 */
import type { Step, Tour } from '../tour/schema';
import { parseDuration } from '../tour/duration';
import type { AdvanceRejection } from '../tour/advance';
import type { TourRecord } from '../tour/runner';

export const PRACTICAL_WEIGHTS = { steps: 40, time: 30, accuracy: 30 } as const;
export const PRACTICAL_PASS_SCORE = 80;
/** Credit a completed step loses per wrong action. */
export const WRONG_ACTION_PENALTY = 0.25;
/** A completed step keeps at least this credit however many wrong actions it took. */
export const COMPLETED_STEP_FLOOR = 0.5;

/**
 * Proposed tour-level addition (`exam` in features/tour/schema.ts, owned by the tour schema):
 * `exam: { timeLimit: '10m', targetTime?: '5m' }`, both durations in the tour duration syntax.
 */
export interface TourExamSpec {
  timeLimit: string;
  targetTime?: string;
}

/** Exam timing in milliseconds. */
export interface ExamTiming {
  timeLimitMs: number;
  /** Full time points up to this; defaults to half of the limit. */
  targetTimeMs?: number;
}

/** Parse a tour's `exam` block. Throws RangeError when the target is not below the limit. */
export function examTimingOf(exam: TourExamSpec): ExamTiming {
  const timeLimitMs = parseDuration(exam.timeLimit);
  if (timeLimitMs <= 0) throw new RangeError('exam.timeLimit must be positive');
  if (exam.targetTime === undefined) return { timeLimitMs };
  const targetTimeMs = parseDuration(exam.targetTime);
  if (targetTimeMs <= 0 || targetTimeMs >= timeLimitMs)
    throw new RangeError('exam.targetTime must be positive and shorter than exam.timeLimit');
  return { timeLimitMs, targetTimeMs };
}

/** What the scorer needs to know about one step of the tour. */
export interface ScoredStep {
  id: string;
  /** Counted in step correctness (not `optional`). */
  required: boolean;
  /** The step checks data (input with pattern/validator, change with an expected value). */
  checksData: boolean;
}

export function stepChecksData(step: Step): boolean {
  const advance = step.advance;
  if (advance.on === 'input')
    return advance.pattern !== undefined || advance.validator !== undefined;
  if (advance.on === 'change') return advance.value !== undefined;
  return false;
}

export function scoredStepsOf(tour: Tour): ScoredStep[] {
  return tour.steps.map((step) => ({
    id: step.id,
    required: !step.optional,
    checksData: stepChecksData(step),
  }));
}

export type StepOutcome = 'completed' | 'skipped' | 'failed' | 'not-reached';

/** One checked field and whether its value was right (e.g. verified on the final form). */
export interface FieldCheck {
  field: string;
  valid: boolean;
}

/** What the learner did on one step during the exam. */
export interface StepAttempt {
  stepId: string;
  outcome: StepOutcome;
  /** Actions on the target rejected for a non-data reason (wrong kind of action, empty value). */
  wrongActions: number;
  /** Values the step's data check rejected (pattern, validator, expected value). */
  rejectedValues: number;
  /** Time spent on the step, when known. */
  ms?: number;
  /** Explicit field verdicts; replace the derived one for a data-checking step. */
  fields?: FieldCheck[];
}

export interface PracticalInput {
  steps: readonly ScoredStep[];
  /** Attempts by step; a step without one counts as not reached. */
  attempts: readonly StepAttempt[];
  timing: ExamTiming;
  /** Time from the exam start to its end (finish, exit or time-out). */
  elapsedMs: number;
}

export interface PerStepScore {
  stepId: string;
  required: boolean;
  outcome: StepOutcome;
  /** 0–1, see the module comment. 0 for optional steps (they are not counted). */
  credit: number;
  wrongActions: number;
  rejectedValues: number;
  ms?: number;
  fieldsChecked: number;
  fieldsAccurate: number;
  remedial: boolean;
  /** Why the step needs remedial training, for the dashboard (Chinese). */
  reasons: string[];
}

export interface PracticalScore {
  stepScore: number;
  timeScore: number;
  accuracyScore: number;
  total: number;
  passed: boolean;
  /** All required steps completed. */
  finished: boolean;
  timedOut: boolean;
  /** false when the tour has no data-checking step (see the module comment). */
  accuracyApplicable: boolean;
  elapsedMs: number;
  perStep: PerStepScore[];
  remedialStepIds: string[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function stepCredit(attempt: StepAttempt | undefined): number {
  if (!attempt || attempt.outcome !== 'completed') return 0;
  return Math.max(COMPLETED_STEP_FLOOR, 1 - WRONG_ACTION_PENALTY * attempt.wrongActions);
}

/** Time points for a finished exam; see the module comment. */
export function timePoints(elapsedMs: number, timing: ExamTiming): number {
  const limit = timing.timeLimitMs;
  const target = timing.targetTimeMs ?? limit / 2;
  if (elapsedMs <= target) return PRACTICAL_WEIGHTS.time;
  if (elapsedMs >= limit) return 0;
  return (PRACTICAL_WEIGHTS.time * (limit - elapsedMs)) / (limit - target);
}

export function scorePracticalAssessment(input: PracticalInput): PracticalScore {
  const { steps, timing, elapsedMs } = input;
  if (!(elapsedMs >= 0)) throw new RangeError('elapsedMs must be a non-negative number');
  const known = new Set(steps.map((step) => step.id));
  const attempts = new Map<string, StepAttempt>();
  for (const attempt of input.attempts) {
    if (!known.has(attempt.stepId))
      throw new RangeError(`attempt for unknown step "${attempt.stepId}"`);
    attempts.set(attempt.stepId, attempt);
  }

  const required = steps.filter((step) => step.required);
  let creditSum = 0;
  let fieldsChecked = 0;
  let fieldsAccurate = 0;
  const perStep: PerStepScore[] = steps.map((step) => {
    const attempt = attempts.get(step.id);
    const outcome: StepOutcome = attempt?.outcome ?? 'not-reached';
    const wrongActions = attempt?.wrongActions ?? 0;
    const rejectedValues = attempt?.rejectedValues ?? 0;
    const credit = step.required ? stepCredit(attempt) : 0;
    let checked = 0;
    let accurate = 0;
    if (step.required && step.checksData) {
      if (attempt?.fields && attempt.fields.length > 0) {
        checked = attempt.fields.length;
        accurate = attempt.fields.filter((field) => field.valid).length;
      } else {
        checked = 1;
        accurate = outcome === 'completed' && rejectedValues === 0 ? 1 : 0;
      }
    }
    creditSum += credit;
    fieldsChecked += checked;
    fieldsAccurate += accurate;

    const reasons: string[] = [];
    if (step.required) {
      if (outcome === 'skipped') reasons.push('跳过了该步骤');
      else if (outcome === 'failed') reasons.push('该步骤未能完成');
      else if (outcome === 'not-reached') reasons.push('未进行到该步骤');
      if (wrongActions > 0) reasons.push(`操作错误 ${wrongActions} 次`);
      if (checked > accurate) reasons.push('填写的数据不准确');
    }
    const entry: PerStepScore = {
      stepId: step.id,
      required: step.required,
      outcome,
      credit,
      wrongActions,
      rejectedValues,
      fieldsChecked: checked,
      fieldsAccurate: accurate,
      remedial: reasons.length > 0,
      reasons,
    };
    if (attempt?.ms !== undefined) entry.ms = attempt.ms;
    return entry;
  });

  const stepRatio = required.length === 0 ? 0 : creditSum / required.length;
  const finished = required.every((step) => attempts.get(step.id)?.outcome === 'completed');
  const timedOut = elapsedMs > timing.timeLimitMs;
  const accuracyApplicable = fieldsChecked > 0;

  const stepScore = round1(PRACTICAL_WEIGHTS.steps * stepRatio);
  const timeScore = round1(finished ? timePoints(elapsedMs, timing) : 0);
  const accuracyScore = round1(
    PRACTICAL_WEIGHTS.accuracy * (accuracyApplicable ? fieldsAccurate / fieldsChecked : stepRatio),
  );
  const total = round1(stepScore + timeScore + accuracyScore);
  return {
    stepScore,
    timeScore,
    accuracyScore,
    total,
    passed: total >= PRACTICAL_PASS_SCORE,
    finished,
    timedOut,
    accuracyApplicable,
    elapsedMs,
    perStep,
    remedialStepIds: perStep.filter((step) => step.remedial).map((step) => step.stepId),
  };
}

// ---------------------------------------------------------------------------------------------
// From runner output to attempts

/**
 * What the background observes during an exam run: the runner's `record` effects, plus its
 * `advance-rejected` effects (which carry a step index, not an id: pass `stepId` from the tour).
 */
export type ExamObservation =
  | TourRecord
  | {
      kind: 'advance-rejected';
      tourId: string;
      at: number;
      stepId: string;
      reason: AdvanceRejection;
    };

const DATA_REJECTIONS: ReadonlySet<AdvanceRejection> = new Set([
  'pattern-mismatch',
  'validator-rejected',
  'value-mismatch',
]);

/**
 * Fold exam observations into one attempt per step. A step completed at any point of the run counts
 * as completed (a learner who went back to it and left it otherwise still did it once); time on
 * the step and rejections add up over the whole run.
 * 'unknown-validator' is a tour bug, not the learner's: it is not counted.
 */
export function collectStepAttempts(
  tour: Tour,
  observations: readonly ExamObservation[],
): StepAttempt[] {
  const byId = new Map<string, StepAttempt>();
  const attemptOf = (stepId: string): StepAttempt => {
    let attempt = byId.get(stepId);
    if (!attempt) {
      attempt = { stepId, outcome: 'not-reached', wrongActions: 0, rejectedValues: 0 };
      byId.set(stepId, attempt);
    }
    return attempt;
  };
  const stepIds = new Set(tour.steps.map((step) => step.id));
  for (const observation of observations) {
    if (observation.tourId !== tour.id) continue;
    switch (observation.kind) {
      case 'advance-rejected': {
        if (!stepIds.has(observation.stepId)) break;
        const attempt = attemptOf(observation.stepId);
        if (DATA_REJECTIONS.has(observation.reason)) attempt.rejectedValues += 1;
        else if (observation.reason !== 'unknown-validator') attempt.wrongActions += 1;
        break;
      }
      case 'step-completed': {
        if (!stepIds.has(observation.stepId)) break;
        const attempt = attemptOf(observation.stepId);
        attempt.outcome = 'completed';
        attempt.ms = (attempt.ms ?? 0) + observation.ms;
        break;
      }
      case 'step-skipped':
      case 'step-failed': {
        if (!stepIds.has(observation.stepId)) break;
        const attempt = attemptOf(observation.stepId);
        if (attempt.outcome !== 'completed')
          attempt.outcome = observation.kind === 'step-skipped' ? 'skipped' : 'failed';
        break;
      }
      default:
        break;
    }
  }
  return tour.steps.flatMap((step) => {
    const attempt = byId.get(step.id);
    return attempt ? [attempt] : [];
  });
}

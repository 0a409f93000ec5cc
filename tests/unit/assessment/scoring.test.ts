import { describe, expect, it } from 'vitest';
import type { ExamObservation, ScoredStep, StepAttempt } from '../../../features/exam/scoring';
import {
  collectStepAttempts,
  examTimingOf,
  scorePracticalAssessment,
  scoredStepsOf,
  timePoints,
} from '../../../features/exam/scoring';
import { TourSchema } from '../../../features/tour/schema';
import type { TourInput } from '../../../features/tour/schema';

const tourInput: TourInput = {
  id: 'gongwen-new-document',
  title: '新建公文并提交审核',
  summary: '考核：新建一份通知并提交审核',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/gongwen/new*' },
  steps: [
    {
      id: 'open-form',
      body: '打开新建公文',
      target: { role: 'button', name: '新建公文' },
      advance: { on: 'click' },
    },
    {
      id: 'choose-type',
      body: '选择文种',
      target: { label: '文种' },
      advance: { on: 'change', value: '通知' },
    },
    { id: 'fill-title', body: '填写标题', target: { label: '标题' }, advance: { on: 'input' } },
    {
      id: 'fill-phone',
      body: '联系电话',
      target: { label: '联系电话' },
      advance: { on: 'input', validator: 'phone' },
    },
    {
      id: 'fill-code',
      body: '文号',
      target: { label: '文号' },
      advance: { on: 'input', pattern: '[0-9]{4}' },
    },
    { id: 'read-tip', body: '可选说明', optional: true },
    {
      id: 'submit',
      body: '提交审核',
      target: { role: 'button', name: '提交审核' },
      advance: { on: 'click' },
    },
  ],
};
const tour = TourSchema.parse(tourInput);
const steps = scoredStepsOf(tour);
const timing = { timeLimitMs: 600_000, targetTimeMs: 300_000 };

const completed = (stepId: string, extra: Partial<StepAttempt> = {}): StepAttempt => ({
  stepId,
  outcome: 'completed',
  wrongActions: 0,
  rejectedValues: 0,
  ...extra,
});
const allCompleted = (): StepAttempt[] => steps.map((step) => completed(step.id));

describe('scoredStepsOf', () => {
  it('marks data-checking steps (input with pattern/validator, change with value) and optional ones', () => {
    expect(steps).toEqual([
      { id: 'open-form', required: true, checksData: false },
      { id: 'choose-type', required: true, checksData: true },
      { id: 'fill-title', required: true, checksData: false },
      { id: 'fill-phone', required: true, checksData: true },
      { id: 'fill-code', required: true, checksData: true },
      { id: 'read-tip', required: false, checksData: false },
      { id: 'submit', required: true, checksData: false },
    ]);
  });
});

describe('examTimingOf', () => {
  it('parses the proposed exam block', () => {
    expect(examTimingOf({ timeLimit: '10m', targetTime: '5m' })).toEqual({
      timeLimitMs: 600_000,
      targetTimeMs: 300_000,
    });
    expect(examTimingOf({ timeLimit: '90s' })).toEqual({ timeLimitMs: 90_000 });
  });
  it('rejects a target that is not shorter than the limit, and bad durations', () => {
    expect(() => examTimingOf({ timeLimit: '5m', targetTime: '5m' })).toThrow(RangeError);
    expect(() => examTimingOf({ timeLimit: '5m', targetTime: '6m' })).toThrow(RangeError);
    expect(() => examTimingOf({ timeLimit: '0s' })).toThrow(RangeError);
    expect(() => examTimingOf({ timeLimit: 'ten minutes' })).toThrow(RangeError);
  });
});

describe('timePoints', () => {
  it('gives 30 up to the target, linear down to 0 at the limit, 0 beyond', () => {
    expect(timePoints(0, timing)).toBe(30);
    expect(timePoints(300_000, timing)).toBe(30);
    expect(timePoints(450_000, timing)).toBe(15);
    expect(timePoints(540_000, timing)).toBeCloseTo(6);
    expect(timePoints(600_000, timing)).toBe(0);
    expect(timePoints(900_000, timing)).toBe(0);
  });
  it('uses half the limit as the target by default', () => {
    expect(timePoints(300_000, { timeLimitMs: 600_000 })).toBe(30);
    expect(timePoints(450_000, { timeLimitMs: 600_000 })).toBe(15);
  });
});

describe('scorePracticalAssessment', () => {
  it('scores a perfect, fast run 100 and passes with nothing to retrain', () => {
    const score = scorePracticalAssessment({
      steps,
      attempts: allCompleted(),
      timing,
      elapsedMs: 120_000,
    });
    expect(score).toMatchObject({
      stepScore: 40,
      timeScore: 30,
      accuracyScore: 30,
      total: 100,
      passed: true,
      finished: true,
      timedOut: false,
      accuracyApplicable: true,
      remedialStepIds: [],
    });
  });

  it('ignores optional steps in the step count, whatever happened to them', () => {
    const attempts = allCompleted().map((attempt) =>
      attempt.stepId === 'read-tip' ? { ...attempt, outcome: 'skipped' as const } : attempt,
    );
    const score = scorePracticalAssessment({ steps, attempts, timing, elapsedMs: 1000 });
    expect(score.stepScore).toBe(40);
    expect(score.remedialStepIds).toEqual([]);
    expect(score.perStep.find((step) => step.stepId === 'read-tip')?.required).toBe(false);
  });

  it('takes a quarter of a step per wrong action, keeping half of a completed step', () => {
    const attempts = allCompleted().map((attempt) =>
      attempt.stepId === 'open-form'
        ? { ...attempt, wrongActions: 1 }
        : attempt.stepId === 'submit'
          ? { ...attempt, wrongActions: 9 }
          : attempt,
    );
    const score = scorePracticalAssessment({ steps, attempts, timing, elapsedMs: 1000 });
    // 6 required steps, credits 0.75 + 1 + 1 + 1 + 1 + 0.5 = 5.25 → 40 × 5.25 / 6 = 35
    expect(score.stepScore).toBe(35);
    expect(score.perStep.find((step) => step.stepId === 'submit')?.credit).toBe(0.5);
    expect(score.total).toBe(95);
    expect(score.remedialStepIds).toEqual(['open-form', 'submit']);
    expect(score.perStep.find((step) => step.stepId === 'open-form')?.reasons).toEqual([
      '操作错误 1 次',
    ]);
  });

  it('counts a rejected value against accuracy, not step correctness', () => {
    const attempts = allCompleted().map((attempt) =>
      attempt.stepId === 'fill-phone' ? { ...attempt, rejectedValues: 2 } : attempt,
    );
    const score = scorePracticalAssessment({ steps, attempts, timing, elapsedMs: 1000 });
    expect(score.stepScore).toBe(40);
    expect(score.accuracyScore).toBe(20); // 2 of 3 checked fields accurate
    expect(score.total).toBe(90);
    expect(score.remedialStepIds).toEqual(['fill-phone']);
    expect(score.perStep.find((step) => step.stepId === 'fill-phone')?.reasons).toEqual([
      '填写的数据不准确',
    ]);
  });

  it('lets explicit field checks replace the derived verdict', () => {
    const attempts = allCompleted().map((attempt) =>
      attempt.stepId === 'fill-code'
        ? {
            ...attempt,
            fields: [
              { field: '文号', valid: true },
              { field: '年份', valid: false },
              { field: '机关代字', valid: true },
            ],
          }
        : attempt,
    );
    const score = scorePracticalAssessment({ steps, attempts, timing, elapsedMs: 1000 });
    // 2 derived + 3 explicit fields, 4 accurate → 30 × 4 / 5 = 24
    expect(score.accuracyScore).toBe(24);
    expect(score.remedialStepIds).toEqual(['fill-code']);
  });

  it('gives no time points to an unfinished task and sends the missing steps to remedial training', () => {
    const attempts = allCompleted().filter((attempt) => attempt.stepId !== 'submit');
    attempts[1] = { ...attempts[1]!, outcome: 'skipped' }; // choose-type
    const score = scorePracticalAssessment({ steps, attempts, timing, elapsedMs: 60_000 });
    expect(score.finished).toBe(false);
    expect(score.timeScore).toBe(0);
    // credits 4 of 6 → 26.7; fields: choose-type skipped (0), phone 1, code 1 → 20
    expect(score.stepScore).toBe(26.7);
    expect(score.accuracyScore).toBe(20);
    expect(score.total).toBe(46.7);
    expect(score.passed).toBe(false);
    expect(score.remedialStepIds).toEqual(['choose-type', 'submit']);
    expect(score.perStep.find((step) => step.stepId === 'submit')).toMatchObject({
      outcome: 'not-reached',
      reasons: ['未进行到该步骤'],
    });
    expect(score.perStep.find((step) => step.stepId === 'choose-type')?.reasons).toEqual([
      '跳过了该步骤',
      '填写的数据不准确',
    ]);
  });

  it('passes at exactly 80 and fails just below', () => {
    // Finished perfectly but slowly: 40 + 10 + 30 = 80 at elapsed 500 s (30 × 100/300 = 10)
    const at80 = scorePracticalAssessment({
      steps,
      attempts: allCompleted(),
      timing,
      elapsedMs: 500_000,
    });
    expect(at80.total).toBe(80);
    expect(at80.passed).toBe(true);
    const below = scorePracticalAssessment({
      steps,
      attempts: allCompleted(),
      timing,
      elapsedMs: 502_000,
    });
    expect(below.timeScore).toBe(9.8);
    expect(below.total).toBe(79.8);
    expect(below.passed).toBe(false);
  });

  it('flags a run over the time limit and gives it no time points', () => {
    const score = scorePracticalAssessment({
      steps,
      attempts: allCompleted(),
      timing,
      elapsedMs: 700_000,
    });
    expect(score).toMatchObject({ timedOut: true, timeScore: 0, total: 70, passed: false });
  });

  it('makes the displayed components add up to the total', () => {
    const attempts = allCompleted().map((attempt) =>
      attempt.stepId === 'open-form' ? { ...attempt, wrongActions: 1 } : attempt,
    );
    const score = scorePracticalAssessment({ steps, attempts, timing, elapsedMs: 333_333 });
    expect(score.total).toBe(
      Math.round((score.stepScore + score.timeScore + score.accuracyScore) * 10) / 10,
    );
  });

  it('follows step correctness for accuracy when the tour checks no data', () => {
    const plain: ScoredStep[] = [
      { id: 'a', required: true, checksData: false },
      { id: 'b', required: true, checksData: false },
    ];
    const half = scorePracticalAssessment({
      steps: plain,
      attempts: [
        completed('a'),
        { stepId: 'b', outcome: 'failed', wrongActions: 0, rejectedValues: 0 },
      ],
      timing,
      elapsedMs: 1000,
    });
    expect(half).toMatchObject({
      accuracyApplicable: false,
      stepScore: 20,
      accuracyScore: 15,
      timeScore: 0,
    });
    const full = scorePracticalAssessment({
      steps: plain,
      attempts: [completed('a'), completed('b')],
      timing,
      elapsedMs: 1000,
    });
    expect(full.total).toBe(100);
  });

  it('scores an empty attempt list as zero without dividing by zero', () => {
    const score = scorePracticalAssessment({ steps, attempts: [], timing, elapsedMs: 0 });
    expect(score).toMatchObject({
      stepScore: 0,
      timeScore: 0,
      accuracyScore: 0,
      total: 0,
      passed: false,
    });
    expect(score.remedialStepIds).toEqual([
      'open-form',
      'choose-type',
      'fill-title',
      'fill-phone',
      'fill-code',
      'submit',
    ]);
  });

  it('rejects attempts for steps the tour does not have and negative times', () => {
    expect(() =>
      scorePracticalAssessment({ steps, attempts: [completed('nope')], timing, elapsedMs: 0 }),
    ).toThrow(/unknown step "nope"/);
    expect(() => scorePracticalAssessment({ steps, attempts: [], timing, elapsedMs: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      scorePracticalAssessment({ steps, attempts: [], timing, elapsedMs: Number.NaN }),
    ).toThrow(RangeError);
  });
});

describe('collectStepAttempts', () => {
  const at = 1_700_000_000_000;
  const base = { tourId: tour.id, at };

  it('turns runner records and rejected actions into attempts, by step, in tour order', () => {
    const observations: ExamObservation[] = [
      { ...base, kind: 'started' },
      { ...base, kind: 'step-completed', stepId: 'open-form', stepIndex: 0, ms: 2000 },
      { ...base, kind: 'advance-rejected', stepId: 'choose-type', reason: 'value-mismatch' },
      { ...base, kind: 'step-completed', stepId: 'choose-type', stepIndex: 1, ms: 5000 },
      { ...base, kind: 'advance-rejected', stepId: 'fill-title', reason: 'empty' },
      { ...base, kind: 'advance-rejected', stepId: 'fill-title', reason: 'not-this-kind' },
      { ...base, kind: 'step-completed', stepId: 'fill-title', stepIndex: 2, ms: 3000 },
      { ...base, kind: 'advance-rejected', stepId: 'fill-phone', reason: 'unknown-validator' },
      { ...base, kind: 'step-failed', stepId: 'fill-phone', stepIndex: 3, reason: 'not-found' },
      { ...base, kind: 'step-skipped', stepId: 'fill-code', stepIndex: 4, reason: 'user' },
      { ...base, kind: 'abandoned', stepIndex: 5, ms: 20_000 },
    ];
    expect(collectStepAttempts(tour, observations)).toEqual([
      { stepId: 'open-form', outcome: 'completed', wrongActions: 0, rejectedValues: 0, ms: 2000 },
      { stepId: 'choose-type', outcome: 'completed', wrongActions: 0, rejectedValues: 1, ms: 5000 },
      { stepId: 'fill-title', outcome: 'completed', wrongActions: 2, rejectedValues: 0, ms: 3000 },
      // unknown-validator is a tour bug: not held against the learner
      { stepId: 'fill-phone', outcome: 'failed', wrongActions: 0, rejectedValues: 0 },
      { stepId: 'fill-code', outcome: 'skipped', wrongActions: 0, rejectedValues: 0 },
    ]);
  });

  it('keeps a step completed once even if it was later skipped, and adds the times', () => {
    const observations: ExamObservation[] = [
      { ...base, kind: 'step-completed', stepId: 'open-form', stepIndex: 0, ms: 1000 },
      { ...base, kind: 'step-skipped', stepId: 'open-form', stepIndex: 0, reason: 'user' },
      { ...base, kind: 'step-completed', stepId: 'open-form', stepIndex: 0, ms: 500 },
    ];
    expect(collectStepAttempts(tour, observations)).toEqual([
      { stepId: 'open-form', outcome: 'completed', wrongActions: 0, rejectedValues: 0, ms: 1500 },
    ]);
  });

  it('ignores observations of other tours and unknown steps', () => {
    const observations: ExamObservation[] = [
      {
        tourId: 'other-tour',
        at,
        kind: 'step-completed',
        stepId: 'open-form',
        stepIndex: 0,
        ms: 1,
      },
      { ...base, kind: 'step-completed', stepId: 'renamed-away', stepIndex: 9, ms: 1 },
      { ...base, kind: 'advance-rejected', stepId: 'renamed-away', reason: 'empty' },
    ];
    expect(collectStepAttempts(tour, observations)).toEqual([]);
  });

  it('feeds the scorer end to end', () => {
    const observations: ExamObservation[] = tour.steps.map((step, index) => ({
      ...base,
      kind: 'step-completed' as const,
      stepId: step.id,
      stepIndex: index,
      ms: 1000,
    }));
    const score = scorePracticalAssessment({
      steps,
      attempts: collectStepAttempts(tour, observations),
      timing: examTimingOf({ timeLimit: '10m', targetTime: '5m' }),
      elapsedMs: 7000,
    });
    expect(score.total).toBe(100);
  });
});

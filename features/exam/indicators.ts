/**
 * The training plan's evaluation indicators (七、效果评估) that can be computed from what Zhiyin
 * records locally:
 *
 * | indicator                         | plan's target            | here                          |
 * |-----------------------------------|--------------------------|-------------------------------|
 * | 实操完成率 practical completion    | ≥ 95%                    | {@link practicalCompletionRate} |
 * | 考核通过率 pass rate               | all pass after 补训       | {@link passRate}              |
 * | 满意度 satisfaction                | 非常满意 + 满意 ≥ 90%     | {@link satisfactionRate}      |
 * | 综合成绩 笔试 40% + 实操 60%        | each part pass line 80   | {@link combinedAssessment}    |
 *
 * Not computable here, on purpose: 签到率 (sign-in at classroom sessions) and 课堂互动率
 * (participation in classroom Q&A) happen outside the extension; 问题发生率 and 每日登录人数占比
 * need the e-government system's own logs. The dashboard should show them as "not measured",
 * never as a number.
 *
 * Every function is pure and takes records for one or many learners, so the same code serves the
 * learner's own page and an administrator's aggregate of imported progress files.
 */

export interface Indicator {
  id: 'practical-completion' | 'pass-first-attempt' | 'pass-eventual' | 'satisfaction';
  label: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when there is nothing to count. */
  rate: number | null;
  /** The plan's target rate; null when the plan sets none. */
  target: number | null;
  /** rate ≥ target; null when either is unknown. */
  met: boolean | null;
}

export const INDICATOR_TARGETS = {
  practicalCompletion: 0.95,
  satisfaction: 0.9,
  /** "对考核未通过的用户，开展补训……确保全部用户达标". */
  passEventual: 1,
} as const;

function indicator(
  id: Indicator['id'],
  label: string,
  numerator: number,
  denominator: number,
  target: number | null,
): Indicator {
  const rate = denominator === 0 ? null : numerator / denominator;
  // Compare on whole counts so 19/20 meets 95% despite floating point.
  const met = rate === null || target === null ? null : numerator >= target * denominator - 1e-9;
  return { id, label, numerator, denominator, rate, target, met };
}

/** One practical exercise (task tour run as 实操演练) assigned to one learner. */
export interface PracticalAssignment {
  learnerId: string;
  tourId: string;
  completed: boolean;
}

/**
 * 实操完成率: completed assignments / assigned. Duplicate (learner, tour) rows count once, completed
 * if any row says so.
 */
export function practicalCompletionRate(assignments: readonly PracticalAssignment[]): Indicator {
  const byKey = new Map<string, boolean>();
  for (const row of assignments) {
    const key = JSON.stringify([row.learnerId, row.tourId]);
    byKey.set(key, (byKey.get(key) ?? false) || row.completed);
  }
  const done = [...byKey.values()].filter(Boolean).length;
  return indicator(
    'practical-completion',
    '实操完成率',
    done,
    byKey.size,
    INDICATOR_TARGETS.practicalCompletion,
  );
}

/** One assessment attempt (written or practical). */
export interface AssessmentAttempt {
  learnerId: string;
  assessmentId: string;
  passed: boolean;
  /** Epoch ms; orders attempts. */
  at: number;
}

/**
 * 考核通过率, counted per (learner, assessment):
 * - first attempt: passed at the first try (no target in the plan);
 * - eventual: passed at any attempt, i.e. after 补训 (target: everyone).
 */
export function passRate(attempts: readonly AssessmentAttempt[]): {
  firstAttempt: Indicator;
  eventual: Indicator;
} {
  const groups = new Map<string, AssessmentAttempt[]>();
  for (const attempt of attempts) {
    const key = JSON.stringify([attempt.learnerId, attempt.assessmentId]);
    const list = groups.get(key) ?? [];
    list.push(attempt);
    groups.set(key, list);
  }
  let first = 0;
  let eventual = 0;
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.at - b.at);
    if (sorted[0]?.passed) first += 1;
    if (sorted.some((attempt) => attempt.passed)) eventual += 1;
  }
  return {
    firstAttempt: indicator('pass-first-attempt', '首次考核通过率', first, groups.size, null),
    eventual: indicator(
      'pass-eventual',
      '考核通过率（含补训）',
      eventual,
      groups.size,
      INDICATOR_TARGETS.passEventual,
    ),
  };
}

export const SATISFACTION_LEVELS = ['非常满意', '满意', '一般', '不满意'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** 满意度: (非常满意 + 满意) / all answers; target ≥ 90%. */
export function satisfactionRate(answers: readonly SatisfactionLevel[]): Indicator & {
  counts: Record<SatisfactionLevel, number>;
} {
  const counts: Record<SatisfactionLevel, number> = { 非常满意: 0, 满意: 0, 一般: 0, 不满意: 0 };
  for (const answer of answers) {
    if (!Object.hasOwn(counts, answer))
      throw new RangeError(`unknown satisfaction level: ${answer}`);
    counts[answer] += 1;
  }
  return {
    ...indicator(
      'satisfaction',
      '满意度',
      counts.非常满意 + counts.满意,
      answers.length,
      INDICATOR_TARGETS.satisfaction,
    ),
    counts,
  };
}

export const ASSESSMENT_WEIGHTS = { written: 0.4, practical: 0.6 } as const;

/**
 * 考核测试 overall: 笔试 40% + 实操 60%. The plan gives each part its own pass line (80), so the
 * learner passes when both parts pass; the weighted score is what the dashboard ranks and charts.
 */
export function combinedAssessment(
  writtenTotal: number,
  practicalTotal: number,
): { score: number; writtenPassed: boolean; practicalPassed: boolean; passed: boolean } {
  for (const value of [writtenTotal, practicalTotal])
    if (!(value >= 0 && value <= 100)) throw new RangeError('scores must be between 0 and 100');
  const score =
    Math.round(
      (ASSESSMENT_WEIGHTS.written * writtenTotal + ASSESSMENT_WEIGHTS.practical * practicalTotal) *
        10,
    ) / 10;
  const writtenPassed = writtenTotal >= 80;
  const practicalPassed = practicalTotal >= 80;
  return { score, writtenPassed, practicalPassed, passed: writtenPassed && practicalPassed };
}

import { describe, expect, it } from 'vitest';
import type { SatisfactionLevel } from '../../../features/exam/indicators';
import {
  combinedAssessment,
  passRate,
  practicalCompletionRate,
  satisfactionRate,
} from '../../../features/exam/indicators';

describe('practicalCompletionRate', () => {
  it('meets the 95% target at exactly 19 of 20', () => {
    const rows = Array.from({ length: 20 }, (_, index) => ({
      learnerId: `u${index}`,
      tourId: 'gongwen-new-document',
      completed: index !== 0,
    }));
    expect(practicalCompletionRate(rows)).toMatchObject({
      numerator: 19,
      denominator: 20,
      rate: 0.95,
      target: 0.95,
      met: true,
      label: '实操完成率',
    });
    rows[1]!.completed = false;
    expect(practicalCompletionRate(rows)).toMatchObject({ numerator: 18, met: false });
  });

  it('counts a (learner, tour) pair once, completed if any row says so', () => {
    const indicator = practicalCompletionRate([
      { learnerId: 'u1', tourId: 't1', completed: false },
      { learnerId: 'u1', tourId: 't1', completed: true },
      { learnerId: 'u1', tourId: 't2', completed: false },
    ]);
    expect(indicator).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
  });

  it('has no rate and no verdict when nothing was assigned', () => {
    expect(practicalCompletionRate([])).toMatchObject({ rate: null, met: null, denominator: 0 });
  });
});

describe('passRate', () => {
  it('separates first-attempt passes from passes after 补训', () => {
    const result = passRate([
      { learnerId: 'u1', assessmentId: 'a', passed: true, at: 1 },
      // u2 failed first, passed after remedial training; rows out of order on purpose
      { learnerId: 'u2', assessmentId: 'a', passed: true, at: 5 },
      { learnerId: 'u2', assessmentId: 'a', passed: false, at: 2 },
      { learnerId: 'u3', assessmentId: 'a', passed: false, at: 3 },
    ]);
    expect(result.firstAttempt).toMatchObject({
      numerator: 1,
      denominator: 3,
      target: null,
      met: null,
    });
    expect(result.eventual).toMatchObject({ numerator: 2, denominator: 3, target: 1, met: false });
  });

  it('meets the everyone-passes target only when every learner passed', () => {
    const result = passRate([
      { learnerId: 'u1', assessmentId: 'a', passed: true, at: 1 },
      { learnerId: 'u1', assessmentId: 'b', passed: true, at: 1 },
    ]);
    expect(result.eventual).toMatchObject({ rate: 1, met: true });
  });
});

describe('satisfactionRate', () => {
  it('counts 非常满意 and 满意 as satisfied against the 90% target', () => {
    const answers: SatisfactionLevel[] = [
      ...Array<SatisfactionLevel>(5).fill('非常满意'),
      ...Array<SatisfactionLevel>(4).fill('满意'),
      '一般',
    ];
    expect(satisfactionRate(answers)).toMatchObject({
      numerator: 9,
      denominator: 10,
      rate: 0.9,
      met: true,
      counts: { 非常满意: 5, 满意: 4, 一般: 1, 不满意: 0 },
    });
    expect(satisfactionRate([...answers, '不满意'])).toMatchObject({
      numerator: 9,
      denominator: 11,
      met: false,
    });
  });

  it('rejects answers outside the four levels', () => {
    expect(() => satisfactionRate(['还行' as SatisfactionLevel])).toThrow(
      /unknown satisfaction level/,
    );
  });

  it('has no verdict without answers', () => {
    expect(satisfactionRate([])).toMatchObject({ rate: null, met: null });
  });
});

describe('combinedAssessment', () => {
  it('weights 笔试 40% and 实操 60%, and needs both parts passed', () => {
    expect(combinedAssessment(90, 80)).toEqual({
      score: 84,
      writtenPassed: true,
      practicalPassed: true,
      passed: true,
    });
    // a high weighted score does not hide a failed part
    expect(combinedAssessment(100, 79.9)).toMatchObject({
      score: 87.9,
      passed: false,
      practicalPassed: false,
    });
  });

  it('rejects scores outside 0..100', () => {
    expect(() => combinedAssessment(101, 50)).toThrow(RangeError);
    expect(() => combinedAssessment(50, Number.NaN)).toThrow(RangeError);
  });
});

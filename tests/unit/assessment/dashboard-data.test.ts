import { describe, expect, it } from 'vitest';
import { dashboardData } from '../../../features/dashboard/data';
import type { AssessmentRecord } from '../../../features/exam/records';
import type { TourProgressRecord } from '../../../features/tour/records';
import type { PracticalScore } from '../../../features/exam/scoring';

const tours = [
  { id: 'a', title: 'A', module: '操作' as const, audience: ['基层用户' as const] },
  { id: 'b', title: 'B', module: '操作' as const, audience: ['基层用户' as const] },
  { id: 'c', title: 'C', module: '安全' as const, audience: ['基层用户' as const] },
  { id: 'm', title: 'M', module: '进阶' as const, audience: ['管理人员' as const] },
];
const checklists = {
  管理人员: [{ tourId: 'm', page: '/' }],
  业务操作人员: [],
  技术支持人员: [],
  基层用户: [
    { tourId: 'a', page: '/' },
    { tourId: 'c', page: '/' },
  ],
};
const progress = (tourId: string, status: TourProgressRecord['status']): TourProgressRecord => ({
  tourId,
  status,
  stepCount: 3,
  lastStepIndex: 0,
  attempts: 1,
  completions: status === 'completed' ? 1 : 0,
  firstStartedAt: 0,
  updatedAt: 0,
  completedAt: null,
  snapshot: null,
});
const exam = (at: number, total: number): AssessmentRecord => ({
  tourId: 'a',
  attemptId: `x${at}`,
  startedAt: at,
  endedAt: at + 90_000,
  status: total >= 80 ? 'passed' : 'failed',
  score: { total } as PracticalScore,
  remedialStepIds: [],
  remedialCompletedAt: null,
});

describe('dashboard figures', () => {
  it('progress by module for my role, checklist, time, and the plan’s indicators', () => {
    const data = dashboardData({
      role: '基层用户',
      tours,
      checklists,
      progress: [progress('a', 'completed'), progress('b', 'abandoned')],
      runEvents: [
        { tourId: 'a', kind: 'finished', ms: 60_000 },
        { tourId: 'b', kind: 'abandoned', ms: 30_000 },
        { tourId: 'c', kind: 'step-completed', ms: 999_999 },
      ],
      assessments: [
        exam(2, 90),
        exam(1, 70),
        { ...exam(3, 0), status: 'abandoned', endedAt: null },
      ],
      quizzes: [],
      surveys: [
        { at: 1, subjectKind: 'tour', subjectId: 'a', rating: '满意', comment: '' },
        { at: 2, subjectKind: 'tour', subjectId: 'b', rating: '一般', comment: '' },
      ],
    });
    expect(data.modules.find((row) => row.module === '操作')).toEqual({
      module: '操作',
      completed: 1,
      inProgress: 1,
      notStarted: 0,
      // 1 min + 0.5 min of tours, 2 × 1.5 min of assessments
      minutes: 4.5,
    });
    expect(data.modules.find((row) => row.module === '进阶')?.notStarted).toBe(0);
    expect(data.checklist).toEqual([
      { tourId: 'a', title: 'A', done: true },
      { tourId: 'c', title: 'C', done: false },
    ]);
    expect(data.totalMinutes).toBe(4.5);
    const [completion, first, eventual, satisfaction] = data.indicators;
    expect(completion).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
    // The first attempt (at 1) failed, a later one passed.
    expect(first).toMatchObject({ numerator: 0, denominator: 1 });
    expect(eventual).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(satisfaction).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
    expect(data.assessments.map((record) => record.score?.total)).toEqual([70, 90]);
  });
});

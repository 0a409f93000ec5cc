import { describe, expect, it } from 'vitest';
import { evaluate, weekOf, type Catalog } from '../../../features/org/evaluate';
import type { PracticalScore } from '../../../features/exam/scoring';
import type { WrittenScore } from '../../../features/quiz/grading';
import { createStatementFactory, type XapiIdentity } from '../../../features/xapi/statements';
import type { XapiStatement } from '../../../features/xapi/types';
import { DEFAULT_ACTIVITY_BASE, tourIri } from '../../../features/xapi/vocabulary';

const BASE = DEFAULT_ACTIVITY_BASE;
const catalog: Catalog = {
  activityBase: BASE,
  tours: [
    { id: 'renzhi-interface-tour', title: '认识界面', module: '认知' },
    { id: 'gongwen-new-document', title: '新建公文', module: '操作' },
    { id: 'anquan-password-change', title: '修改密码', module: '安全' },
  ],
  quizzes: [{ id: 'anquan', title: '安全防护模块知识测验', module: '安全' }],
  checklists: {
    业务操作人员: ['renzhi-interface-tour', 'gongwen-new-document'],
    管理人员: ['renzhi-interface-tour', 'anquan-password-change'],
  },
};

const T0 = Date.parse('2026-11-02T09:00:00+08:00'); // a Monday
const DAY = 86_400_000;

function learner(account: string, extra: Partial<XapiIdentity> = {}) {
  return createStatementFactory({
    homePage: 'https://oa.example.gov.cn',
    accountName: account,
    ...extra,
  });
}

const practical = (total: number): PracticalScore => ({
  stepScore: 40,
  timeScore: 30,
  accuracyScore: total - 70,
  total,
  passed: total >= 80,
  finished: true,
  timedOut: false,
  accuracyApplicable: true,
  elapsedMs: 1000,
  perStep: [],
  remedialStepIds: total >= 80 ? [] : ['fill-title'],
});
const written = (total: number): WrittenScore => ({
  choiceScore: total * 0.6,
  shortAnswerScore: total * 0.4,
  pending: false,
  total,
  passed: total >= 80,
  questions: [],
});
const tour = (id: string) => ({ tourId: id, tourTitle: id });

describe('organisation evaluation', () => {
  it('computes checklist completion, pass rates, satisfaction and remedial per department and role', () => {
    const a = learner('a', { department: '办公室', role: '业务操作人员' });
    const b = learner('b', { department: '办公室', role: '业务操作人员' });
    const c = learner('c', { department: '信息中心', role: '管理人员' });
    const statements: XapiStatement[] = [
      // a: whole checklist, written passed first time, practical failed then passed, 满意
      a.tourCompleted({ ...tour('renzhi-interface-tour'), durationMs: 1, at: T0 }),
      a.tourCompleted({ ...tour('gongwen-new-document'), durationMs: 1, at: T0 + 1000 }),
      a.writtenTestAssessed({
        quizId: 'anquan',
        quizTitle: 'q',
        score: written(90),
        at: T0 + 2000,
      }),
      a.practicalAssessed({ ...tour('gongwen-new-document'), score: practical(70), at: T0 + 3000 }),
      a.practicalAssessed({
        ...tour('gongwen-new-document'),
        score: practical(85),
        at: T0 + 8 * DAY,
      }),
      a.surveyAnswered({
        surveyId: 'satisfaction',
        surveyTitle: 's',
        response: '满意',
        about: { objectType: 'Activity', id: tourIri(BASE, 'gongwen-new-document') },
        at: T0 + 4000,
      }),
      // b: half the checklist, written failed and nothing since, 一般
      b.tourAttempted({ ...tour('renzhi-interface-tour'), at: T0 }),
      b.tourCompleted({ ...tour('gongwen-new-document'), durationMs: 1, at: T0 + 1000 }),
      b.writtenTestAssessed({
        quizId: 'anquan',
        quizTitle: 'q',
        score: written(60),
        at: T0 + 2000,
      }),
      b.surveyAnswered({
        surveyId: 'satisfaction',
        surveyTitle: 's',
        response: '一般',
        at: T0 + 3000,
      }),
      // c: practical failed, then trained the tour again (not passed yet)
      c.tourCompleted({ ...tour('renzhi-interface-tour'), durationMs: 1, at: T0 }),
      c.practicalAssessed({
        ...tour('anquan-password-change'),
        score: practical(75),
        at: T0 + 1000,
      }),
      c.tourCompleted({ ...tour('anquan-password-change'), durationMs: 1, at: T0 + 9 * DAY }),
    ];
    const result = evaluate(statements, catalog);
    expect(result.learners).toBe(3);
    expect(result.statements).toEqual({ used: 13, skipped: 0, duplicates: 0 });

    const office = result.byDepartment.find((group) => group.key === '办公室');
    expect(office?.learners).toBe(2);
    expect(office?.indicators['checklist-completion']).toMatchObject({
      numerator: 3,
      denominator: 4,
      rate: 0.75,
      target: 0.95,
      met: false,
    });
    expect(office?.indicators['written-first']).toMatchObject({ numerator: 1, denominator: 2 });
    expect(office?.indicators['written-final']).toMatchObject({
      numerator: 1,
      denominator: 2,
      met: false,
    });
    expect(office?.indicators['practical-first']).toMatchObject({ numerator: 0, denominator: 1 });
    expect(office?.indicators['practical-final']).toMatchObject({
      numerator: 1,
      denominator: 1,
      met: true,
    });
    expect(office?.indicators.satisfaction).toMatchObject({
      numerator: 1,
      denominator: 2,
      met: false,
    });
    expect(office?.remedial).toEqual({ needed: 2, passed: 1, retrained: 0, pending: 1 });

    const infoCentre = result.byDepartment.find((group) => group.key === '信息中心');
    // the retraining run after the failed exam completes the checklist's second tour
    expect(infoCentre?.indicators['checklist-completion']).toMatchObject({
      numerator: 2,
      denominator: 2,
    });
    expect(infoCentre?.remedial).toEqual({ needed: 1, passed: 0, retrained: 1, pending: 0 });

    expect(result.byRole.map((group) => group.key)).toEqual(['管理人员', '业务操作人员']);
    expect(result.overall.indicators['checklist-completion']).toMatchObject({
      numerator: 5,
      denominator: 6,
    });

    // Modules: the survey about a 操作 tour counts for 操作; the unrelated one for 其他.
    const operation = result.byModule.find((group) => group.key === '操作');
    expect(operation?.indicators.satisfaction).toMatchObject({
      numerator: 1,
      denominator: 1,
      met: true,
    });
    expect(operation?.indicators['checklist-completion']).toMatchObject({
      numerator: 2,
      denominator: 2,
    });
    const security = result.byModule.find((group) => group.key === '安全');
    expect(security?.indicators['written-first']).toMatchObject({ numerator: 1, denominator: 2 });
    expect(result.byModule.map((group) => group.key)).toEqual(['认知', '操作', '安全', '其他']);

    expect(
      result.remedial.map((entry) => [entry.learner, entry.kind, entry.subjectId, entry.status]),
    ).toEqual([
      // by department, then by when the first attempt failed
      ['b', 'written', 'anquan', 'pending'],
      ['a', 'practical', 'gongwen-new-document', 'passed'],
      ['c', 'practical', 'anquan-password-change', 'retrained'],
    ]);
    expect(result.remedial[0]).toMatchObject({
      department: '办公室',
      score: 60,
      title: '安全防护模块知识测验',
    });
  });

  it('counts a finished 补训 run as remedial training done, not as a checklist completion', () => {
    const m = learner('m', { department: '办公室', role: '管理人员' });
    const failed = m.practicalAssessed({
      ...tour('anquan-password-change'),
      registration: 'attempt-1',
      score: practical(60),
      at: T0,
    });
    const before = evaluate([failed], catalog);
    expect(before.remedial.map((entry) => entry.status)).toEqual(['pending']);

    const remedial = m.remedialCompleted({
      ...tour('anquan-password-change'),
      registration: 'attempt-1',
      at: T0 + DAY,
    });
    const after = evaluate([failed, remedial], catalog);
    expect(after.remedial).toHaveLength(1);
    expect(after.remedial[0]).toMatchObject({ status: 'retrained', statusAt: T0 + DAY });
    expect(after.byDepartment[0]?.remedial).toEqual({
      needed: 1,
      passed: 0,
      retrained: 1,
      pending: 0,
    });
    // anquan-password-change is on the managers' checklist: the remedial run does not tick it.
    expect(after.overall.indicators['checklist-completion']).toMatchObject({
      numerator: 0,
      denominator: 2,
    });
  });

  it('counts a learner without department or role as 未注明, without a checklist', () => {
    const x = learner('x');
    const result = evaluate(
      [x.tourCompleted({ ...tour('renzhi-interface-tour'), durationMs: 1, at: T0 })],
      catalog,
    );
    expect(result.unspecified).toEqual({ department: 1, role: 1 });
    expect(result.byDepartment.map((group) => group.key)).toEqual(['未注明']);
    expect(result.overall.indicators['checklist-completion']).toMatchObject({
      denominator: 0,
      rate: null,
      met: null,
    });
  });

  it('uses the latest department of a learner who moved, and skips hostile or foreign statements', () => {
    const before = learner('m', { department: '办公室', role: '管理人员' });
    const after = learner('m', { department: '信息中心', role: '管理人员' });
    const good = after.tourCompleted({
      ...tour('renzhi-interface-tour'),
      durationMs: 1,
      at: T0 + DAY,
    });
    const statements: unknown[] = [
      before.tourCompleted({ ...tour('anquan-password-change'), durationMs: 1, at: T0 }),
      good,
      good, // the same statement twice (paging overlap)
      null,
      'text',
      { id: 'x', actor: { account: { homePage: 'https://a', name: 'z' } }, verb: { id: 'nope' } },
      { ...good, id: 'other', object: { id: 'https://elsewhere.example/activities/tour/x' } },
      { ...good, id: 'bad-time', timestamp: 'yesterday' },
    ];
    const result = evaluate(statements, catalog);
    expect(result.learners).toBe(1);
    expect(result.byDepartment.map((group) => group.key)).toEqual(['信息中心']);
    expect(result.statements).toEqual({ used: 2, skipped: 5, duplicates: 1 });
    expect(result.overall.indicators['checklist-completion']).toMatchObject({
      numerator: 2,
      denominator: 2,
      met: true,
    });
  });

  it('gives a weekly trend in China Standard Time weeks', () => {
    expect(weekOf(Date.parse('2026-11-08T23:59:00+08:00'))).toBe('2026-11-02');
    expect(weekOf(Date.parse('2026-11-09T00:00:00+08:00'))).toBe('2026-11-09');
    const a = learner('a', { department: '办公室', role: '业务操作人员' });
    const result = evaluate(
      [
        a.tourCompleted({ ...tour('renzhi-interface-tour'), durationMs: 1, at: T0 }),
        a.surveyAnswered({
          surveyId: 'satisfaction',
          surveyTitle: 's',
          response: '不满意',
          at: T0,
        }),
        a.tourCompleted({ ...tour('gongwen-new-document'), durationMs: 1, at: T0 + 14 * DAY }),
        a.surveyAnswered({
          surveyId: 'satisfaction',
          surveyTitle: 's',
          response: '非常满意',
          at: T0 + 14 * DAY,
        }),
      ],
      catalog,
    );
    expect(result.weekly).toEqual([
      {
        week: '2026-11-02',
        activeLearners: 1,
        checklistCompletion: 0.5,
        firstAttemptPass: null,
        satisfaction: 0,
      },
      {
        week: '2026-11-09',
        activeLearners: 0,
        checklistCompletion: 0.5,
        firstAttemptPass: null,
        satisfaction: null,
      },
      {
        week: '2026-11-16',
        activeLearners: 1,
        checklistCompletion: 1,
        firstAttemptPass: null,
        satisfaction: 1,
      },
    ]);
  });

  it('meets the 95% target on whole counts (19 of 20)', () => {
    const statements: XapiStatement[] = [];
    for (let i = 0; i < 10; i += 1) {
      const f = learner(`l${i}`, { department: '办公室', role: '业务操作人员' });
      statements.push(f.tourCompleted({ ...tour('renzhi-interface-tour'), durationMs: 1, at: T0 }));
      if (i > 0)
        statements.push(
          f.tourCompleted({ ...tour('gongwen-new-document'), durationMs: 1, at: T0 }),
        );
    }
    const result = evaluate(statements, catalog);
    expect(result.overall.indicators['checklist-completion']).toMatchObject({
      numerator: 19,
      denominator: 20,
      met: true,
    });
  });
});

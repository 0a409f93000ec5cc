import { describe, expect, it } from 'vitest';
import { scorePracticalAssessment } from '../../../features/exam/scoring';
import { gradeWrittenTest } from '../../../features/quiz/grading';
import type { Quiz } from '../../../features/quiz/grading';
import { isoDuration } from '../../../features/xapi/duration';
import { createStatementFactory } from '../../../features/xapi/statements';
import type { XapiStatement } from '../../../features/xapi/types';
import { statementForTourRecord } from '../../../features/xapi/tour-records';
import { DEFAULT_ACTIVITY_BASE, VERBS, stepIri, tourIri } from '../../../features/xapi/vocabulary';
import { TourSchema } from '../../../features/tour/schema';
import { xapiProblems } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const at = Date.UTC(2026, 2, 1, 8, 30, 0, 250);
const registration = 'b4c1a1de-5f0e-4d1c-9a77-0c3f8f1d2e11';
const identity = { homePage: 'https://oa.example.gov.cn', accountName: 'staff-0042' };

function allStatements(factory = createStatementFactory(identity)): Record<string, XapiStatement> {
  const tour = {
    tourId: 'gongwen-new-document',
    tourTitle: '新建公文并提交审核',
    at,
    registration,
  };
  const practical = scorePracticalAssessment({
    steps: [
      { id: 'choose-type', required: true, checksData: true },
      { id: 'submit', required: true, checksData: false },
    ],
    attempts: [
      { stepId: 'choose-type', outcome: 'completed', wrongActions: 0, rejectedValues: 1 },
      { stepId: 'submit', outcome: 'completed', wrongActions: 0, rejectedValues: 0 },
    ],
    timing: { timeLimitMs: 600_000 },
    elapsedMs: 125_500,
  });
  const quiz: Quiz = {
    id: 'written-basic',
    title: '系统基础知识',
    questions: [
      { id: 'q1', kind: 'single', prompt: '?', options: [{ id: 'a', text: 'A' }], answer: 'a' },
      { id: 's1', kind: 'short', prompt: '?', points: 10 },
    ],
  };
  return {
    attempted: factory.tourAttempted(tour),
    completed: factory.tourCompleted({ ...tour, durationMs: 95_000 }),
    experienced: factory.stepExperienced({
      ...tour,
      stepId: 'choose-type',
      stepTitle: '选择文种',
      durationMs: 4321,
    }),
    experiencedBare: factory.stepExperienced({ tourId: 'a', tourTitle: 'A', stepId: 'b', at }),
    practical: factory.practicalAssessed({ ...tour, score: practical }),
    written: factory.writtenTestAssessed({
      quizId: quiz.id,
      quizTitle: quiz.title,
      at,
      score: gradeWrittenTest(quiz, { q1: 'a' }, { s1: 9 }),
      durationMs: 600_000,
    }),
    acknowledged: factory.ruleAcknowledged({
      ruleId: 'no-classified-upload',
      ruleTitle: '涉密文件严禁上传',
      at,
    }),
    answered: factory.surveyAnswered({
      surveyId: 'satisfaction-2026',
      surveyTitle: '培训满意度调查',
      response: '满意',
      answers: { overall: '满意', topics: ['数据上报', '公文处理'] },
      at,
    }),
  };
}

describe('statement factory', () => {
  it('builds statements that pass Learning Locker validation', () => {
    for (const [name, statement] of Object.entries(allStatements())) {
      expect({ name, problems: xapiProblems(statement) }).toEqual({ name, problems: [] });
    }
  });

  it('the validator is not a pushover: it flags a broken statement', () => {
    const statement = allStatements().attempted;
    expect(xapiProblems({ ...statement, id: 'not-a-uuid' })).not.toEqual([]);
    expect(xapiProblems({ ...statement, result: { score: { scaled: 1.5 } } })).not.toEqual([]);
  });

  it('identifies the learner by account only, without the name unless configured', () => {
    const { attempted } = allStatements();
    expect(attempted!.actor).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://oa.example.gov.cn', name: 'staff-0042' },
    });
    const named = createStatementFactory({ ...identity, displayName: '张三' }).tourAttempted({
      tourId: 't',
      tourTitle: 'T',
      at,
    });
    expect(named.actor.name).toBe('张三');
  });

  it('gives every statement a fresh UUID, the event time and zh-CN context with the platform', () => {
    const statements = Object.values(allStatements());
    const ids = new Set(statements.map((statement) => statement.id));
    expect(ids.size).toBe(statements.length);
    for (const statement of statements) {
      expect(statement.id).toMatch(UUID);
      expect(statement.timestamp).toBe('2026-03-01T08:30:00.250Z');
      expect(statement.context.language).toBe('zh-CN');
      expect(statement.context.platform).toBe('Zhiyin 指引');
    }
  });

  it('uses ADL verbs and the Activity Streams acknowledge verb', () => {
    const s = allStatements();
    expect(s.attempted!.verb.id).toBe('http://adlnet.gov/expapi/verbs/attempted');
    expect(s.completed!.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.experienced!.verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced');
    expect(s.practical!.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(s.written!.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(s.answered!.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(s.acknowledged!.verb.id).toBe('http://activitystrea.ms/schema/1.0/acknowledge');
    expect(s.acknowledged!.verb.display['zh-CN']).toBe('确认知悉');
  });

  it('names activities with stable IRIs under the default base', () => {
    const s = allStatements();
    const base = 'https://zhiyin.example/xapi/activities';
    expect(s.attempted!.object.id).toBe(`${base}/tour/gongwen-new-document`);
    expect(s.experienced!.object.id).toBe(`${base}/tour/gongwen-new-document/step/choose-type`);
    expect(s.practical!.object.id).toBe(`${base}/assessment/gongwen-new-document`);
    expect(s.written!.object.id).toBe(`${base}/quiz/written-basic`);
    expect(s.acknowledged!.object.id).toBe(`${base}/rule/no-classified-upload`);
    expect(s.answered!.object.id).toBe(`${base}/survey/satisfaction-2026`);
    expect(s.experienced!.context.contextActivities?.parent?.[0]?.id).toBe(
      `${base}/tour/gongwen-new-document`,
    );
    expect(s.attempted!.object.definition?.name).toEqual({ 'zh-CN': '新建公文并提交审核' });
  });

  it('honours a configured activity base with or without the trailing slash', () => {
    for (const activityBase of [
      'https://xuexi.example.gov.cn/zhiyin',
      'https://xuexi.example.gov.cn/zhiyin/',
    ]) {
      const statement = createStatementFactory({ ...identity, activityBase }).stepExperienced({
        tourId: 't',
        tourTitle: 'T',
        stepId: 's',
        at,
      });
      expect(statement.object.id).toBe(
        'https://xuexi.example.gov.cn/zhiyin/activities/tour/t/step/s',
      );
    }
    expect(tourIri('https://b.example/x/', 'a b')).toBe(
      'https://b.example/x/activities/tour/a%20b',
    );
    expect(stepIri('https://b.example/x', 't', 's')).toBe(
      'https://b.example/x/activities/tour/t/step/s',
    );
  });

  it('reports the practical assessment with scaled score, success and component scores', () => {
    const { practical } = allStatements();
    // 40 + 30 (125.5 s is under the default target of 5 min) + 0 (the one data field was rejected once)
    expect(practical!.result).toEqual({
      score: { scaled: 0.7, raw: 70, min: 0, max: 100 },
      success: false,
      completion: true,
      duration: 'PT2M5.5S',
      extensions: {
        'https://zhiyin.example/xapi/extensions/step-score': 40,
        'https://zhiyin.example/xapi/extensions/time-score': 30,
        'https://zhiyin.example/xapi/extensions/accuracy-score': 0,
        'https://zhiyin.example/xapi/extensions/remedial-steps': ['choose-type'],
      },
    });
    expect(practical!.context.registration).toBe(registration);
  });

  it('keeps the scaled score free of floating-point noise', () => {
    const score = scorePracticalAssessment({
      steps: ['a', 'b', 'c'].map((id) => ({ id, required: true, checksData: false })),
      attempts: ['a', 'b', 'c'].map((stepId) => ({
        stepId,
        outcome: 'completed' as const,
        wrongActions: stepId === 'c' ? 1 : 0,
        rejectedValues: 0,
      })),
      timing: { timeLimitMs: 600_000 },
      elapsedMs: 1000,
    });
    const statement = createStatementFactory(identity).practicalAssessed({
      tourId: 't',
      tourTitle: 'T',
      at,
      score,
    });
    // 36.7 + 30 + 27.5 (accuracy follows step correctness: no data checks) = 94.2
    expect(statement.result?.score).toEqual({ scaled: 0.942, raw: 94.2, min: 0, max: 100 });
  });

  it('reports the written test and refuses while short answers are ungraded', () => {
    const { written } = allStatements();
    expect(written!.result).toMatchObject({
      score: { scaled: 0.96, raw: 96, min: 0, max: 100 },
      success: true,
      duration: 'PT10M',
    });
    const factory = createStatementFactory(identity);
    const pending = gradeWrittenTest(
      { id: 'q', title: 'Q', questions: [{ id: 's', kind: 'short', prompt: '?', points: 5 }] },
      {},
    );
    expect(() =>
      factory.writtenTestAssessed({ quizId: 'q', quizTitle: 'Q', at, score: pending }),
    ).toThrow(/not fully graded/);
  });

  it('carries the survey answer as the response and all answers as an extension', () => {
    const { answered } = allStatements();
    expect(answered!.result).toEqual({
      response: '满意',
      completion: true,
      extensions: {
        'https://zhiyin.example/xapi/extensions/survey-answers': {
          overall: '满意',
          topics: ['数据上报', '公文处理'],
        },
      },
    });
  });

  it('uses the injected id generator and survives JSON round trips unchanged', () => {
    let n = 0;
    const factory = createStatementFactory(identity, {
      uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    });
    const statement = factory.tourAttempted({ tourId: 't', tourTitle: 'T', at });
    expect(statement.id).toBe('00000000-0000-4000-8000-000000000001');
    expect(JSON.parse(JSON.stringify(statement))).toEqual(statement);
  });

  it('rejects an event time that is not a number', () => {
    expect(() =>
      createStatementFactory(identity).tourAttempted({
        tourId: 't',
        tourTitle: 'T',
        at: Number.NaN,
      }),
    ).toThrow(RangeError);
  });
});

describe('isoDuration', () => {
  it('formats hours, minutes and seconds to hundredths', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(4)).toBe('PT0S');
    expect(isoDuration(5)).toBe('PT0.01S');
    expect(isoDuration(4321)).toBe('PT4.32S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(125_500)).toBe('PT2M5.5S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_661_010)).toBe('PT1H1M1.01S');
    expect(isoDuration(90_000_000)).toBe('PT25H');
    expect(isoDuration(59_999)).toBe('PT1M'); // rounds to 60.00 s
  });
  it('refuses negative and non-finite values', () => {
    expect(() => isoDuration(-1)).toThrow(RangeError);
    expect(() => isoDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('statementForTourRecord', () => {
  const tour = TourSchema.parse({
    id: 'gongwen-new-document',
    title: '新建公文并提交审核',
    summary: '新建一份通知并提交审核',
    module: '操作',
    audience: ['业务操作人员'],
    applies: { url: '/gongwen/new*' },
    steps: [
      {
        id: 'choose-type',
        title: '选择文种',
        body: '…',
        target: { label: '文种' },
        advance: { on: 'change' },
      },
      {
        id: 'submit',
        body: '提交',
        target: { role: 'button', name: '提交审核' },
        advance: { on: 'click' },
      },
    ],
  });
  const factory = createStatementFactory(identity);
  const base = { tourId: tour.id, at };

  it('maps started, step-completed and finished to attempted, experienced and completed', () => {
    const attempted = statementForTourRecord(
      factory,
      tour,
      { ...base, kind: 'started' },
      registration,
    );
    expect(attempted).toMatchObject({
      verb: { id: VERBS.attempted.id },
      context: { registration },
    });
    const experienced = statementForTourRecord(factory, tour, {
      ...base,
      kind: 'step-completed',
      stepId: 'choose-type',
      stepIndex: 0,
      ms: 3500,
    });
    expect(experienced).toMatchObject({
      verb: { id: VERBS.experienced.id },
      object: {
        id: stepIri(DEFAULT_ACTIVITY_BASE, tour.id, 'choose-type'),
        definition: { name: { 'zh-CN': '选择文种' } },
      },
      result: { duration: 'PT3.5S' },
    });
    const completed = statementForTourRecord(factory, tour, {
      ...base,
      kind: 'finished',
      ms: 61_000,
    });
    expect(completed).toMatchObject({
      verb: { id: VERBS.completed.id },
      result: { completion: true, duration: 'PT1M1S' },
    });
    for (const statement of [attempted, experienced, completed])
      expect(xapiProblems(statement)).toEqual([]);
  });

  it('sends nothing for skips, failures, abandonment and other tours', () => {
    expect(
      statementForTourRecord(factory, tour, {
        ...base,
        kind: 'step-skipped',
        stepId: 'submit',
        stepIndex: 1,
        reason: 'user',
      }),
    ).toBeNull();
    expect(
      statementForTourRecord(factory, tour, {
        ...base,
        kind: 'step-failed',
        stepId: 'submit',
        stepIndex: 1,
        reason: 'not-found',
      }),
    ).toBeNull();
    expect(
      statementForTourRecord(factory, tour, { ...base, kind: 'abandoned', stepIndex: 1, ms: 5 }),
    ).toBeNull();
    expect(
      statementForTourRecord(factory, tour, { ...base, tourId: 'other', kind: 'started' }),
    ).toBeNull();
  });
});

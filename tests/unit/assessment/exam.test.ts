import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  examPageEffect,
  examTimingOfTour,
  examTourOf,
  isExamable,
  remedialTourOf,
} from '../../../features/exam/exam';
import { AssessmentService } from '../../../features/exam/background/service';
import { SurveyService, type SurveyKeyValue } from '../../../features/survey/background/service';
import { TourRecorder } from '../../../features/tour/background/recorder';
import { createSessionStore, TourSessions } from '../../../features/tour/background/sessions';
import { ZhiyinDatabase } from '../../../app/database';
import { TourSchema, type Tour } from '../../../features/tour/schema';
import type { TourInstruction } from '../../../features/tour/protocol';

/** A short task tour shaped like bianmin-progress-query: type, search, two explanations. */
const tour: Tour = TourSchema.parse({
  id: 'progress',
  title: '进度查询',
  summary: '查询审批进度',
  module: '操作',
  audience: ['基层用户'],
  applies: { url: '/service.html#/progress*' },
  steps: [
    {
      id: 'query',
      title: '输入查询条件',
      body: '输入受理编号',
      target: { label: '受理编号' },
      advance: { on: 'input', pattern: 'YZ\\d+' },
    },
    {
      id: 'search',
      title: '查询',
      body: '点击查询',
      target: { role: 'button', name: '查询' },
      advance: { on: 'click' },
    },
    { id: 'result', title: '审批状态', body: '结果卡片' },
    {
      id: 'open-detail',
      title: '查看详情',
      body: '打开详情',
      target: { role: 'button', name: '详情' },
      advance: { on: 'click' },
    },
    { id: 'timeline', title: '办理进度', body: '时间线' },
  ],
});

describe('exam and remedial tours', () => {
  it('an exam is the task steps only, without titles or bodies', () => {
    const exam = examTourOf(tour);
    expect(exam.steps.map((step) => step.id)).toEqual(['query', 'search', 'open-detail']);
    expect(exam.steps.every((step) => step.body === '' && step.title === undefined)).toBe(true);
    expect(isExamable(tour)).toBe(true);
    expect(isExamable({ ...tour, steps: [tour.steps[2]!] })).toBe(false);
  });

  it('times an exam by the tour’s exam block, else 2 minutes a task step (at least 5)', () => {
    expect(examTimingOfTour(tour)).toEqual({ timeLimitMs: 6 * 60_000 });
    expect(examTimingOfTour({ ...tour, steps: tour.steps.slice(0, 1) })).toEqual({
      timeLimitMs: 5 * 60_000,
    });
    expect(examTimingOfTour({ ...tour, exam: { timeLimit: '3m', targetTime: '1m' } })).toEqual({
      timeLimitMs: 180_000,
      targetTimeMs: 60_000,
    });
  });

  it('a remedial tour holds the failed steps and the page-changing steps before them', () => {
    expect(remedialTourOf(tour, ['query'])!.steps.map((step) => step.id)).toEqual(['query']);
    const late = remedialTourOf(tour, ['open-detail'])!;
    expect(late.steps.map((step) => [step.id, step.title])).toEqual([
      ['search', '前置步骤：查询'],
      ['open-detail', '查看详情'],
    ]);
    expect(late.steps[1]!.body).toBe('打开详情');
    expect(remedialTourOf(tour, ['gone'])).toBeNull();
  });
});

describe('step effects in an exam', () => {
  it('flag the effects that begin or watch a step as fresh-only, not a click’s confirmation', () => {
    const target = { testid: 'progress-result' };
    expect(
      examPageEffect({ type: 'watch-element', stepIndex: 1, mode: 'appear', target }),
    ).toMatchObject({ freshOnly: true });
    expect(
      examPageEffect({
        type: 'watch-element',
        stepIndex: 1,
        mode: 'appear',
        target,
        confirmsClick: true,
      }),
    ).not.toHaveProperty('freshOnly');
    expect(examPageEffect({ type: 'hide-step' })).toEqual({ type: 'hide-step' });
  });
});

describe('a task tour run as a practical assessment in the background', () => {
  let db: ZhiyinDatabase;
  let clock: number;
  let sessions: TourSessions;
  let kv: Map<string, unknown>;
  const tab = 7;
  const url = 'http://sim.test/service.html#/progress';

  beforeEach(() => {
    db = new ZhiyinDatabase(`exam-test-${Math.random()}`);
    clock = 1_700_000_000_000;
    kv = new Map();
    const store: SurveyKeyValue = {
      get: async (key) => kv.get(key),
      set: async (key, value) => void kv.set(key, value),
    };
    const surveys = new SurveyService({
      db,
      store,
      now: () => clock,
      knownSubject: (_kind, id) => id === tour.id,
    });
    sessions = new TourSessions({
      tours: [tour],
      db,
      store: createSessionStore(null),
      recorder: new TourRecorder(db),
      now: () => clock,
      language: async () => 'zh_CN',
      role: async () => null,
      hooks: new AssessmentService({ db, surveys }),
      uuid: () => `attempt-${Math.random()}`,
    });
  });

  /** Drive the exam's steps like the content script does. */
  async function doStep(
    stepIndex: number,
    action: () => Promise<TourInstruction | null>,
  ): Promise<TourInstruction | null> {
    await sessions.event(tab, { type: 'TARGET_FOUND', stepIndex });
    clock += 1000;
    return action();
  }

  it('scores a clean run 40 + 30 + 30 = 100, passed, with no hints sent to the page', async () => {
    const first = await sessions.startExam(tab, tour.id, url);
    expect(first.exam?.timeLimitMs).toBe(360_000);
    expect(first.tour?.steps.map((step) => step.body)).toEqual(['', '', '']);
    await doStep(0, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 0, kind: 'input', value: 'YZ1' }),
    );
    await doStep(1, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 1, kind: 'click' }),
    );
    const last = await doStep(2, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 2, kind: 'click' }),
    );
    expect(last?.status).toBe('finished');
    expect(last?.outcome?.exam).toMatchObject({
      stepScore: 40,
      timeScore: 30,
      accuracyScore: 30,
      total: 100,
      passed: true,
      remedialSteps: [],
    });
    expect(last?.outcome?.survey).toEqual({
      subjectKind: 'assessment',
      subjectId: tour.id,
      title: '进度查询',
    });
    const [record] = await db.assessments.toArray();
    expect(record).toMatchObject({ tourId: tour.id, status: 'passed', remedialStepIds: [] });
    expect(record?.endedAt).toBe(clock);
    // An exam is an assessment record, not tour progress.
    expect(await db.tourProgress.count()).toBe(0);
  });

  it('tells the page to count only what the learner does after each step began; training does not', async () => {
    const training = await sessions.start(tab, tour.id, url);
    expect(training.effects.find((effect) => effect.type === 'resolve-target')).not.toHaveProperty(
      'freshOnly',
    );
    await sessions.event(tab, { type: 'EXIT' });
    const exam = await sessions.startExam(tab, tour.id, url);
    expect(exam.effects.find((effect) => effect.type === 'resolve-target')).toMatchObject({
      stepIndex: 0,
      freshOnly: true,
    });
    const shown = await sessions.event(tab, { type: 'TARGET_FOUND', stepIndex: 0 });
    expect(shown?.effects.find((effect) => effect.type === 'show-step')).toMatchObject({
      freshOnly: true,
    });
  });

  it('a rejected value costs the accuracy points; 交卷 early scores what was done', async () => {
    await sessions.startExam(tab, tour.id, url);
    await doStep(0, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 0, kind: 'input', value: 'abc' }),
    );
    await sessions.event(tab, { type: 'USER_ACTION', stepIndex: 0, kind: 'input', value: 'YZ2' });
    await doStep(1, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 1, kind: 'click' }),
    );
    const submitted = await sessions.event(tab, { type: 'SUBMIT' });
    // 2 of 3 steps: 40 × 2/3 = 26.7; not finished: no time points; accuracy 0/1.
    expect(submitted?.outcome?.exam).toMatchObject({
      stepScore: 26.7,
      timeScore: 0,
      accuracyScore: 0,
      total: 26.7,
      passed: false,
      remedialSteps: [
        { id: 'query', title: '输入查询条件' },
        { id: 'open-detail', title: '查看详情' },
      ],
    });
    const [record] = await db.assessments.toArray();
    expect(record?.status).toBe('failed');

    // 补训: the failed steps plus the click that opens the detail; completion is recorded.
    const remedial = await sessions.startRemedial(
      tab,
      tour.id,
      url,
      record!.id!,
      record!.remedialStepIds,
    );
    expect(remedial.remedial).toEqual({ assessmentId: record!.id });
    expect(remedial.tour?.steps.map((step) => step.id)).toEqual(['query', 'search', 'open-detail']);
    expect(remedial.tour?.steps[0]!.body).toBe('输入受理编号');
    await doStep(0, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 0, kind: 'input', value: 'YZ3' }),
    );
    await doStep(1, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 1, kind: 'click' }),
    );
    const done = await doStep(2, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 2, kind: 'click' }),
    );
    expect(done?.outcome?.remedial).toEqual({ assessmentId: record!.id, title: '进度查询' });
    expect((await db.assessments.get(record!.id!))?.remedialCompletedAt).toBe(clock);
  });

  it('a pause while typing is not an entry: a slow typist who gets it right keeps the accuracy points', async () => {
    await sessions.startExam(tab, tour.id, url);
    // The learner typed "YZ", paused (the partial value fails the pattern), then finished it.
    const paused = await doStep(0, () =>
      sessions.event(tab, {
        type: 'USER_ACTION',
        stepIndex: 0,
        kind: 'input',
        value: 'YZ',
        typing: true,
      }),
    );
    expect(paused?.status).toBe('running');
    await sessions.event(tab, {
      type: 'USER_ACTION',
      stepIndex: 0,
      kind: 'input',
      value: 'YZ7',
      typing: true,
    });
    await doStep(1, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 1, kind: 'click' }),
    );
    const last = await doStep(2, () =>
      sessions.event(tab, { type: 'USER_ACTION', stepIndex: 2, kind: 'click' }),
    );
    expect(last?.outcome?.exam).toMatchObject({ accuracyScore: 30, total: 100, passed: true });
  });

  it('退出 keeps the attempt as abandoned without a score', async () => {
    await sessions.startExam(tab, tour.id, url);
    const left = await sessions.event(tab, { type: 'EXIT' });
    expect(left?.status).toBe('abandoned');
    expect(left?.outcome).toBeUndefined();
    const [record] = await db.assessments.toArray();
    expect(record).toMatchObject({ status: 'abandoned', score: null });
  });

  it('past the time limit the next action hands the exam in (time points 0)', async () => {
    await sessions.startExam(tab, tour.id, url);
    await sessions.event(tab, { type: 'TARGET_FOUND', stepIndex: 0 });
    clock += 361_000;
    const reply = await sessions.event(tab, {
      type: 'USER_ACTION',
      stepIndex: 0,
      kind: 'input',
      value: 'YZ1',
    });
    expect(reply?.outcome?.exam).toMatchObject({ total: 0, timedOut: true, passed: false });
  });
});

describe('satisfaction survey frequency', () => {
  it('offers once per subject and at most three a day, and stores valid answers only', async () => {
    const db = new ZhiyinDatabase(`survey-test-${Math.random()}`);
    const kv = new Map<string, unknown>();
    let clock = 1_700_000_000_000;
    const surveys = new SurveyService({
      db,
      store: { get: async (k) => kv.get(k), set: async (k, v) => void kv.set(k, v) },
      now: () => clock,
      knownSubject: () => true,
    });
    expect(await surveys.offer('tour', 'a', 'A')).not.toBeNull();
    expect(await surveys.offer('tour', 'a', 'A')).toBeNull();
    expect(await surveys.offer('assessment', 'a', 'A')).not.toBeNull();
    expect(await surveys.offer('tour', 'b', 'B')).not.toBeNull();
    expect(await surveys.offer('tour', 'c', 'C')).toBeNull();
    clock += 24 * 60 * 60 * 1000;
    expect(await surveys.offer('tour', 'c', 'C')).not.toBeNull();

    await surveys.answer({ subjectKind: 'tour', subjectId: 'd', rating: '满意', comment: '  好 ' });
    expect(await surveys.offer('tour', 'd', 'D')).toBeNull();
    expect((await db.surveyAnswers.toArray())[0]).toMatchObject({ rating: '满意', comment: '好' });
    await expect(
      surveys.answer({ subjectKind: 'tour', subjectId: 'd', rating: '很好' as never, comment: '' }),
    ).rejects.toThrow('请选择满意程度');
    await expect(
      surveys.answer({
        subjectKind: 'tour',
        subjectId: 'd',
        rating: '一般',
        comment: 'x'.repeat(501),
      }),
    ).rejects.toThrow('500');
    expect(await db.surveyAnswers.count()).toBe(1);
  });
});

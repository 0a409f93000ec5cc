/**
 * A pack's renames carry the learner's progress (features/packs/migrate.ts): rows recorded under
 * the old tour id are moved to the new id in one transaction, idempotently, so the popup's status
 * and checklist, the resume offer and the dashboard (which all read by tour id) see them.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { checklistProgress } from '../../../features/checklist/schema';
import { dashboardData } from '../../../features/dashboard/data';
import { combineProgress, migrateRenamedProgress } from '../../../features/packs/migrate';
import type { TourProgressRecord } from '../../../features/tour/records';
import type { AssessmentRecord } from '../../../features/exam/records';
import { SurveyService } from '../../../features/survey/background/service';
import type { RunnerSnapshot } from '../../../features/tour/runner';

let db: ZhiyinDatabase;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const snapshot = (tourId: string): RunnerSnapshot =>
  ({
    version: 1,
    tourId,
    status: 'running',
    stepIndex: 2,
    history: [],
  }) as unknown as RunnerSnapshot;

function row(tourId: string, patch: Partial<TourProgressRecord> = {}): TourProgressRecord {
  return {
    tourId,
    status: 'in-progress',
    stepCount: 4,
    lastStepIndex: 1,
    attempts: 1,
    completions: 0,
    firstStartedAt: 100,
    updatedAt: 200,
    completedAt: null,
    snapshot: null,
    ...patch,
  };
}

async function open() {
  db = new ZhiyinDatabase(`zhiyin-renames-${Math.random()}`);
  await db.open();
  return db;
}

describe('renamed tours keep their progress', () => {
  it('moves a completed row and its events to the new id; the dashboard and checklist count it', async () => {
    const db = await open();
    await db.tourProgress.put(
      row('old-seal', { status: 'completed', completions: 1, completedAt: 300 }),
    );
    await db.tourEvents.bulkAdd([
      {
        tourId: 'old-seal',
        kind: 'started',
        at: 1,
        tabId: 1,
        stepId: null,
        stepIndex: null,
        ms: null,
        reason: null,
      },
      {
        tourId: 'old-seal',
        kind: 'finished',
        at: 2,
        tabId: 1,
        stepId: null,
        stepIndex: null,
        ms: 120_000,
        reason: null,
      },
      {
        tourId: 'other',
        kind: 'started',
        at: 3,
        tabId: 1,
        stepId: null,
        stepIndex: null,
        ms: null,
        reason: null,
      },
    ]);
    const result = await migrateRenamedProgress(db, { 'old-seal': 'new-seal' });
    expect(result).toEqual({ moved: ['old-seal'], events: 2, assessments: 0, surveys: 0 });
    expect(await db.tourProgress.get('old-seal')).toBeUndefined();
    expect(await db.tourProgress.get('new-seal')).toMatchObject({
      status: 'completed',
      completions: 1,
    });

    // What the learner sees: the renamed tour is done on the checklist and the dashboard.
    const progress = await db.tourProgress.toArray();
    expect(
      checklistProgress(
        [{ tourId: 'new-seal', page: '/' }],
        new Set(progress.filter((r) => r.status === 'completed').map((r) => r.tourId)),
      ),
    ).toMatchObject({ done: 1, total: 1 });
    const dashboard = dashboardData({
      role: '业务操作人员',
      tours: [{ id: 'new-seal', title: '电子印章', module: '操作', audience: ['业务操作人员'] }],
      checklists: {
        管理人员: [],
        业务操作人员: [{ tourId: 'new-seal', page: '/' }],
        技术支持人员: [],
        基层用户: [],
      },
      progress,
      runEvents: await db.tourEvents.toArray(),
      assessments: [],
      quizzes: [],
      surveys: [],
    });
    expect(dashboard.checklistDone).toBe(1);
    expect(dashboard.modules.find((m) => m.module === '操作')).toMatchObject({
      completed: 1,
      minutes: 2,
    });

    // Idempotent: a second run (every worker start) moves nothing and changes nothing.
    const before = await db.tourProgress.toArray();
    expect(await migrateRenamedProgress(db, { 'old-seal': 'new-seal' })).toEqual({
      moved: [],
      events: 0,
      assessments: 0,
      surveys: 0,
    });
    expect(await db.tourProgress.toArray()).toEqual(before);
  });

  it('an interrupted attempt under the old id is offered for resuming under the new id', async () => {
    const db = await open();
    await db.tourProgress.put(
      row('old-seal', { status: 'interrupted', snapshot: snapshot('old-seal') }),
    );
    await migrateRenamedProgress(db, { 'old-seal': 'new-seal' });
    const moved = await db.tourProgress.get('new-seal');
    expect(moved?.status).toBe('interrupted');
    expect(moved?.snapshot).toMatchObject({ tourId: 'new-seal', stepIndex: 2 });
  });

  it('combines with a row already under the new id: completed wins, counts add up', async () => {
    const db = await open();
    await db.tourProgress.bulkPut([
      row('old-seal', { status: 'completed', completions: 1, completedAt: 250, attempts: 2 }),
      row('new-seal', { status: 'in-progress', attempts: 1, firstStartedAt: 400, updatedAt: 500 }),
    ]);
    await migrateRenamedProgress(db, { 'old-seal': 'new-seal' });
    expect(await db.tourProgress.get('new-seal')).toMatchObject({
      status: 'completed',
      attempts: 3,
      completions: 1,
      firstStartedAt: 100,
      updatedAt: 500,
      completedAt: 250,
      snapshot: null,
    });
    expect(await db.tourProgress.count()).toBe(1);
  });

  it('the newer interrupted attempt keeps its snapshot when neither row is completed', () => {
    const merged = combineProgress(
      row('old', { status: 'abandoned', updatedAt: 100 }),
      row('new', { status: 'interrupted', updatedAt: 900, snapshot: snapshot('new') }),
      'new',
    );
    expect(merged).toMatchObject({ status: 'interrupted', snapshot: { tourId: 'new' } });
  });

  it('nothing to rename writes nothing', async () => {
    const db = await open();
    expect(await migrateRenamedProgress(db, {})).toEqual({
      moved: [],
      events: 0,
      assessments: 0,
      surveys: 0,
    });
  });

  it('exam results and satisfaction answers follow the rename in the same run', async () => {
    const db = await open();
    const exam = (tourId: string, patch: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
      tourId,
      attemptId: `attempt-${tourId}-${patch.startedAt ?? 1000}`,
      startedAt: 1000,
      endedAt: 1000 + 180_000,
      status: 'passed',
      score: null,
      remedialStepIds: [],
      remedialCompletedAt: null,
      ...patch,
    });
    await db.assessments.bulkAdd([
      exam('old-seal'),
      exam('old-seal', { startedAt: 5000, endedAt: 5000 + 60_000, status: 'failed' }),
      exam('other'),
    ]);
    await db.surveyAnswers.bulkAdd([
      { at: 1, subjectKind: 'tour', subjectId: 'old-seal', rating: '满意', comment: '' },
      { at: 2, subjectKind: 'assessment', subjectId: 'old-seal', rating: '一般', comment: '' },
      { at: 3, subjectKind: 'quiz', subjectId: 'old-seal', rating: '满意', comment: '' },
    ]);

    const result = await migrateRenamedProgress(db, { 'old-seal': 'new-seal' });
    expect(result).toMatchObject({ assessments: 2, surveys: 2 });
    expect((await db.assessments.where('tourId').equals('new-seal').toArray()).length).toBe(2);
    expect(await db.assessments.where('tourId').equals('old-seal').count()).toBe(0);
    expect(await db.assessments.where('tourId').equals('other').count()).toBe(1);
    // A quiz shares no ids with tours: an answer about a quiz of the same name stays.
    expect(
      (await db.surveyAnswers.toArray()).map((answer) => [answer.subjectKind, answer.subjectId]),
    ).toEqual([
      ['tour', 'new-seal'],
      ['assessment', 'new-seal'],
      ['quiz', 'old-seal'],
    ]);

    // What the learner sees: the exam's time counts for the renamed tour's module on the
    // dashboard, and the tour they already rated is not offered for rating again.
    const dashboard = dashboardData({
      role: '业务操作人员',
      tours: [{ id: 'new-seal', title: '电子印章', module: '操作', audience: ['业务操作人员'] }],
      checklists: { 管理人员: [], 业务操作人员: [], 技术支持人员: [], 基层用户: [] },
      progress: [],
      runEvents: [],
      assessments: await db.assessments.toArray(),
      quizzes: [],
      surveys: await db.surveyAnswers.toArray(),
    });
    expect(dashboard.modules.find((m) => m.module === '操作')?.minutes).toBe(4);
    const surveys = new SurveyService({
      db,
      store: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
      now: () => 10_000,
      knownSubject: () => true,
    });
    expect(await surveys.offer('tour', 'new-seal', '电子印章')).toBeNull();
    expect(await surveys.offer('assessment', 'new-seal', '电子印章')).toBeNull();

    // Idempotent.
    expect(await migrateRenamedProgress(db, { 'old-seal': 'new-seal' })).toMatchObject({
      assessments: 0,
      surveys: 0,
    });
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';

/**
 * Every released schema stays declared; a browser holding data from an earlier release upgrades
 * in place. These tests create the database exactly as a released version left it (its stores
 * copied here as they shipped, never imported) and open it with the current code.
 */

/** The stores of v1 (0.1.0) as released. Do not edit. */
const V1_STORES = {
  activity: '++id, type, at, tabId, [tabId+at]',
  profile: 'key',
  tourEvents: '++id, tourId, kind, at, [tourId+at]',
  tourProgress: 'tourId, status, updatedAt',
  reportOutbox: 'id, status, createdAt, dueAt',
  searchMisses: '++id, query, at',
  tipAcknowledgements: '++id, tipId, at, [tipId+contentVersion]',
  tipStates: 'tipId',
  ruleMarkers: 'marker',
};

/** The stores v2 (0.2.0) added, as released. Do not edit. */
const V2_STORES = {
  assessments: '++id, tourId, attemptId, status, startedAt, [tourId+startedAt]',
  quizResults: '++id, quizId, module, at',
  surveyAnswers: '++id, at, [subjectKind+subjectId]',
  xapiOutbox: 'id, state, seq, [state+seq]',
  xapiDelivery: 'key',
};

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

async function seedV1(dbName: string): Promise<void> {
  const v1 = new Dexie(dbName);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('profile').put({
    key: 'me',
    role: '业务操作人员',
    roleChosenAt: 1000,
    welcomeDismissedAt: null,
  });
  await v1.table('tourProgress').put({
    tourId: 'gongwen-new-document',
    status: 'completed',
    stepCount: 9,
    lastStepIndex: 8,
    attempts: 1,
    completions: 1,
    firstStartedAt: 2000,
    updatedAt: 3000,
    completedAt: 3000,
    snapshot: null,
  });
  await v1.table('tourEvents').bulkAdd([
    {
      tourId: 'gongwen-new-document',
      kind: 'started',
      at: 2000,
      tabId: 1,
      stepId: null,
      stepIndex: null,
      ms: null,
      reason: null,
    },
    {
      tourId: 'gongwen-new-document',
      kind: 'finished',
      at: 3000,
      tabId: 1,
      stepId: null,
      stepIndex: null,
      ms: 1000,
      reason: null,
    },
  ]);
  await v1.table('tipAcknowledgements').add({
    tipId: 'no-leak-export',
    contentVersion: 1,
    at: 2500,
    action: 'acknowledged',
  });
  v1.close();
}

describe('database upgrades', () => {
  it('opens a v1 database at the current version with every v1 row still readable', async () => {
    name = `zhiyin-upgrade-${Math.random()}`;
    await seedV1(name);

    const db = new ZhiyinDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);

    const profile = await db.profile.get('me');
    expect(profile?.role).toBe('业务操作人员');
    // Fields added in v2 read as absent on old rows.
    expect(profile?.staffId ?? null).toBeNull();
    expect((await db.tourProgress.get('gongwen-new-document'))?.completions).toBe(1);
    expect(await db.tourEvents.where('tourId').equals('gongwen-new-document').count()).toBe(2);
    expect(await db.tipAcknowledgements.count()).toBe(1);

    // v2 tables exist, empty, and work with their indexes.
    expect(await db.assessments.count()).toBe(0);
    await db.assessments.add({
      tourId: 'gongwen-new-document',
      attemptId: 'a1',
      startedAt: 5000,
      endedAt: null,
      status: 'running',
      score: null,
      remedialStepIds: [],
      remedialCompletedAt: null,
    });
    expect(await db.assessments.where('status').equals('running').count()).toBe(1);
    await db.surveyAnswers.add({
      at: 6000,
      subjectKind: 'tour',
      subjectId: 'gongwen-new-document',
      rating: '满意',
      comment: '',
    });
    expect(
      await db.surveyAnswers
        .where('[subjectKind+subjectId]')
        .equals(['tour', 'gongwen-new-document'])
        .count(),
    ).toBe(1);
    expect(await db.xapiOutbox.count()).toBe(0);
    db.close();
  });

  it('opens a v2 database at v3: quiz results found by attemptId, progress backups table empty', async () => {
    name = `zhiyin-upgrade-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    await v2.table('quizResults').add({
      quizId: 'renzhi-basic',
      module: '认知',
      attemptId: 'attempt-7',
      at: 1000,
      ms: 10,
      answers: {},
      grades: {},
      score: {
        choiceScore: 90,
        shortAnswerScore: null,
        pending: false,
        total: 90,
        passed: true,
        questions: [],
      },
    });
    await v2.table('tipAcknowledgements').add({ tipId: 't', contentVersion: 1, at: 5 });
    v2.close();

    const db = new ZhiyinDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect((await db.quizResults.where('attemptId').equals('attempt-7').first())?.quizId).toBe(
      'renzhi-basic',
    );
    expect(await db.tipAcknowledgements.count()).toBe(1);
    expect(await db.progressBackups.count()).toBe(0);
    db.close();
  });

  it('creates a fresh database at the current version', async () => {
    name = `zhiyin-fresh-${Math.random()}`;
    const db = new ZhiyinDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      [
        ...Object.keys(V1_STORES),
        'assessments',
        'quizResults',
        'surveyAnswers',
        'xapiOutbox',
        'xapiDelivery',
        'progressBackups',
        'tourDrafts',
        'packSources',
        'contentDrafts',
      ].sort(),
    );
    db.close();
  });

  it('opens a v3 database at the current version: learning rows kept, the tour drafts table empty and usable', async () => {
    name = `zhiyin-upgrade-v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES);
    v3.version(3).stores({
      quizResults: '++id, quizId, module, at, attemptId',
      progressBackups: '++id, at',
    });
    await v3.open();
    await v3
      .table('profile')
      .put({ key: 'me', role: '基层用户', roleChosenAt: 1, welcomeDismissedAt: null });
    await v3.table('progressBackups').add({ at: 5, reason: 'clear', data: '{}' });
    v3.close();

    const db = new ZhiyinDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect((await db.profile.get('me'))?.role).toBe('基层用户');
    expect(await db.progressBackups.count()).toBe(1);
    expect(await db.tourDrafts.count()).toBe(0);
    await db.tourDrafts.put({
      id: 'draft-1',
      tourId: 'luzhi-1',
      title: '草稿',
      summary: '录制的草稿',
      module: '操作',
      audience: ['基层用户'],
      urls: ['/index.html'],
      steps: [],
      createdAt: 1,
      updatedAt: 2,
    });
    expect((await db.tourDrafts.orderBy('updatedAt').first())?.id).toBe('draft-1');
    db.close();
  });
});

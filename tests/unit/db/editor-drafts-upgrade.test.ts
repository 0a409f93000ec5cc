import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { newArticleDraft, newTipDraft } from '../../../features/editor/content-drafts';

/**
 * Database v6 (editor, issue 14): article and tip drafts get their own table; a trainer's tour
 * drafts recorded under v5 are all still there, untouched, after the upgrade.
 */

/** Every store of v5 as released (v1–v5 together). Do not edit. */
const V5_STORES = {
  activity: '++id, type, at, tabId, [tabId+at]',
  profile: 'key',
  tourEvents: '++id, tourId, kind, at, [tourId+at]',
  tourProgress: 'tourId, status, updatedAt',
  reportOutbox: 'id, status, createdAt, dueAt',
  searchMisses: '++id, query, at',
  tipAcknowledgements: '++id, tipId, at, [tipId+contentVersion]',
  tipStates: 'tipId',
  ruleMarkers: 'marker',
  assessments: '++id, tourId, attemptId, status, startedAt, [tourId+startedAt]',
  quizResults: '++id, quizId, module, at, attemptId',
  surveyAnswers: '++id, at, [subjectKind+subjectId]',
  xapiOutbox: 'id, state, seq, [state+seq]',
  xapiDelivery: 'key',
  progressBackups: '++id, at',
  tourDrafts: 'id, updatedAt',
  packSources: 'source, packId',
};

const tourDraft = (n: number) => ({
  id: `draft-${n}`,
  tourId: `luzhi-${n}`,
  title: `录制的引导 ${n}`,
  summary: '录制的草稿',
  module: '操作',
  audience: ['业务操作人员'],
  urls: ['/index.html#/docs'],
  steps: [
    {
      key: 'k1',
      id: 'step-1',
      proposals: [],
      selected: 0,
      advance: 'next',
      title: '第一步',
      body: '说明',
    },
  ],
  createdAt: n,
  updatedAt: 10 + n,
});

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('database v6: editor drafts', () => {
  it('keeps every tour draft of a v5 database and adds an empty, usable contentDrafts table', async () => {
    name = `zhiyin-editor-v5-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(V5_STORES);
    await v5.open();
    await v5.table('tourDrafts').bulkPut([tourDraft(1), tourDraft(2), tourDraft(3)]);
    v5.close();

    const db = new ZhiyinDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    const kept = await db.tourDrafts.orderBy('updatedAt').toArray();
    expect(kept).toEqual([tourDraft(1), tourDraft(2), tourDraft(3)]);

    expect(await db.contentDrafts.count()).toBe(0);
    await db.contentDrafts.bulkPut([
      { ...newArticleDraft('a-1', 100), title: '附件上传失败怎么办' },
      { ...newTipDraft('t-1', 200), title: '不准泄露用户信息' },
    ]);
    expect((await db.contentDrafts.where('kind').equals('tip').first())?.title).toBe(
      '不准泄露用户信息',
    );
    expect((await db.contentDrafts.orderBy('updatedAt').reverse().first())?.id).toBe('t-1');
    expect(await db.tourDrafts.count()).toBe(3);
    db.close();
  });
});

import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { scorePracticalAssessment } from '../../../features/exam/scoring';
import { ZhiyinDatabase } from '../../../app/database';
import { createAcknowledgementRecord } from '../../../features/rules/records';
import { CSV_COLUMNS, progressCsv } from '../../../features/progress/csv';
import type { ProgressFile } from '../../../features/progress/format';
import {
  exportProgress,
  importProgress,
  parseProgressFile,
  progressJson,
} from '../../../features/progress/io';

const T0 = Date.UTC(2026, 2, 2, 1, 0, 0); // 09:00 in Shanghai

let count = 0;
const open: ZhiyinDatabase[] = [];
function newDb() {
  const db = new ZhiyinDatabase(`progress-${++count}`);
  open.push(db);
  return db;
}

async function seed(db: ZhiyinDatabase) {
  await db.profile.put({
    key: 'me',
    role: '业务操作人员',
    roleChosenAt: T0,
    welcomeDismissedAt: null,
    staffId: 'GH-0042',
    learnerId: 'zhiyin-0b6d5a8e-7f1b-4c55-9f0e-1d2c3b4a5f60',
  });
  await db.tourProgress.put({
    tourId: 'gongwen-new-document',
    status: 'completed',
    stepCount: 2,
    lastStepIndex: 1,
    attempts: 1,
    completions: 1,
    firstStartedAt: T0,
    updatedAt: T0 + 9000,
    completedAt: T0 + 9000,
    snapshot: null,
  });
  const base = { tourId: 'gongwen-new-document', tabId: 3, reason: null };
  await db.tourEvents.bulkAdd([
    { ...base, kind: 'started', at: T0, stepId: null, stepIndex: null, ms: null },
    { ...base, kind: 'step-completed', at: T0 + 4000, stepId: 'fill', stepIndex: 0, ms: 4000 },
    { ...base, kind: 'step-completed', at: T0 + 9000, stepId: 'submit', stepIndex: 1, ms: 5000 },
    { ...base, kind: 'finished', at: T0 + 9000, stepId: null, stepIndex: null, ms: 9000 },
  ]);
  const score = scorePracticalAssessment({
    steps: [
      { id: 'fill', required: true, checksData: true },
      { id: 'submit', required: true, checksData: false },
    ],
    attempts: [
      { stepId: 'fill', outcome: 'completed', wrongActions: 0, rejectedValues: 2 },
      { stepId: 'submit', outcome: 'skipped', wrongActions: 0, rejectedValues: 0 },
    ],
    timing: { timeLimitMs: 600_000 },
    elapsedMs: 120_000,
  });
  await db.assessments.add({
    tourId: 'gongwen-new-document',
    attemptId: '6f0a3c52-2f7e-4f67-8d8e-2a4b9a1c0d11',
    startedAt: T0 + 60_000,
    endedAt: T0 + 180_000,
    status: score.passed ? 'passed' : 'failed',
    score,
    remedialStepIds: score.remedialStepIds,
    remedialCompletedAt: null,
  });
  await db.quizResults.add({
    quizId: 'renzhi-basic',
    module: '认知',
    attemptId: '8a1d6c1e-1111-4c55-9f0e-1d2c3b4a5f60',
    at: T0 + 200_000,
    ms: 300_000,
    answers: { q1: 'a', q2: ['b', 'c'] },
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
  await db.surveyAnswers.add({
    at: T0 + 250_000,
    subjectKind: 'assessment',
    subjectId: 'gongwen-new-document',
    rating: '一般',
    comment: '=HYPERLINK("http://evil")，步骤"太多"',
  });
  await db.tipAcknowledgements.add(
    createAcknowledgementRecord({
      tipId: 'keep-operation-records',
      contentVersion: 1,
      response: 'acknowledge',
      role: '业务操作人员',
      at: T0 - 1000,
      url: 'http://127.0.0.1:4173/login.html?user=zhangsan',
    }),
  );
}

const withoutTime = (file: ProgressFile) => ({ ...file, exportedAt: 'x' });

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe('progress export and import', () => {
  it('round-trips every table: export → JSON → import into another browser → same export', async () => {
    const source = newDb();
    await seed(source);
    const exported = await exportProgress(source, { now: T0 + 1e6, extensionVersion: '0.2.0' });
    expect(exported).toMatchObject({
      format: 'zhiyin-progress',
      formatVersion: 2,
      exportedAt: '2026-03-02T01:16:40.000Z',
      extensionVersion: '0.2.0',
      databaseVersion: 6,
    });
    expect(exported.tables.tourEvents).toHaveLength(4);

    const parsed = parseProgressFile(progressJson(exported));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;

    const target = newDb();
    await target.tourEvents.add({
      tourId: 'old',
      kind: 'started',
      at: 1,
      tabId: null,
      stepId: null,
      stepIndex: null,
      ms: null,
      reason: null,
    });
    const summary = await importProgress(target, parsed.file, { now: T0 + 2e6 });
    expect(summary.added).toEqual({
      tourProgress: 1,
      tourEvents: 4,
      assessments: 1,
      quizResults: 1,
      surveyAnswers: 1,
      tipAcknowledgements: 1,
    });
    expect(summary.refused).toEqual([]);
    expect(summary.profileFields).toEqual(['role', 'staffId', 'learnerId']);
    // Import merges: the target's own older event stays, the file's rows follow, marked imported.
    const events = await target.tourEvents.orderBy('id').toArray();
    expect(events.map((event) => event.tourId)).toEqual([
      'old',
      ...exported.tables.tourEvents.map((event) => event.tourId),
    ]);
    expect(events[0]?.imported).toBeUndefined();
    const strip = ({ id: _id, imported: _imported, ...row }: { id?: number; imported?: unknown }) =>
      row;
    expect(events.slice(1).map(strip)).toEqual(exported.tables.tourEvents.map(strip));
    expect(events.slice(1).every((event) => event.imported?.at === T0 + 2e6)).toBe(true);
    const again = await exportProgress(target, { now: T0 });
    expect(again.tables.assessments.map(strip)).toEqual(exported.tables.assessments.map(strip));
    expect(again.tables.tipAcknowledgements.map(strip)).toEqual(
      exported.tables.tipAcknowledgements.map(strip),
    );
    expect(again.tables.profile).toEqual(exported.tables.profile);
  });

  it('keeps the current profile when the file holds none', async () => {
    const db = newDb();
    await seed(db);
    const empty = await exportProgress(newDb());
    await importProgress(db, empty);
    expect((await db.profile.get('me'))?.staffId).toBe('GH-0042');
    // An empty file deletes nothing.
    expect(await db.tourEvents.count()).toBe(4);
  });

  it.each([
    ['not JSON', '{"format": "zhiyin-progress", ', '不是有效的 JSON'],
    ['a foreign JSON file', JSON.stringify({ statements: [] }), '这不是指引的学习进度文件'],
    ['a JSON array', '[1,2,3]', '这不是指引的学习进度文件'],
    ['a problem report export', JSON.stringify({ schemaVersion: 1, reports: [] }), 'format'],
    [
      'a newer format',
      JSON.stringify({ format: 'zhiyin-progress', formatVersion: 3 }),
      '更新版本的指引导出（格式版本 3）',
    ],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const parsed = parseProgressFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('refuses a damaged file, says where, and changes nothing', async () => {
    const db = newDb();
    await seed(db);
    const before = await exportProgress(db, { now: T0 });
    const damaged = structuredClone(before) as unknown as {
      tables: { tourEvents: Record<string, unknown>[]; surveyAnswers: Record<string, unknown>[] };
    };
    damaged.tables.tourEvents[1]!.at = '昨天';
    damaged.tables.surveyAnswers[0]!.rating = '还行';
    const parsed = parseProgressFile(JSON.stringify(damaged));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('未导入任何数据');
    expect(parsed.message).toContain('tables.tourEvents[1].at');
    expect(parsed.message).toContain('tables.surveyAnswers[0].rating');
    expect(withoutTime(await exportProgress(db))).toEqual(withoutTime(before));
  });

  it('refuses duplicate record ids in a file', () => {
    const file = {
      format: 'zhiyin-progress',
      formatVersion: 1,
      exportedAt: new Date(T0).toISOString(),
      tables: {
        profile: [],
        tourProgress: [],
        tourEvents: [1, 1].map((id) => ({
          id,
          tourId: 't',
          kind: 'started',
          at: T0,
          tabId: null,
          stepId: null,
          stepIndex: null,
          ms: null,
          reason: null,
        })),
        assessments: [],
        quizResults: [],
        surveyAnswers: [],
        tipAcknowledgements: [],
      },
    };
    const parsed = parseProgressFile(JSON.stringify(file));
    expect(parsed).toMatchObject({
      ok: false,
      message: expect.stringContaining('重复的记录编号 1'),
    });
  });

  it('an import that fails half-way (database refuses a row) leaves everything as it was', async () => {
    const db = newDb();
    await seed(db);
    const before = await exportProgress(db, { now: T0 });
    const file = structuredClone(before);
    file.tables.tourEvents = [{ ...before.tables.tourEvents[0]!, at: T0 + 1 }];
    // A row the database cannot store (not cloneable): the schema check is bypassed here to make
    // the database fail after the tour event was added in the same transaction.
    file.tables.tipAcknowledgements = [
      { ...before.tables.tipAcknowledgements[0]!, at: T0 + 5, extra: () => 1 },
    ];
    await expect(importProgress(db, file)).rejects.toThrow();
    expect(withoutTime(await exportProgress(db))).toEqual(withoutTime(before));
  });
});

describe('progress CSV', () => {
  it('is one Excel-ready sheet: BOM, Chinese headers, one row per event in time order', async () => {
    const db = newDb();
    await seed(db);
    const csv = progressCsv(await exportProgress(db), {
      timeZone: 'Asia/Shanghai',
      titles: (id) => (id === 'gongwen-new-document' ? '新建公文并提交审核' : undefined),
    });
    expect(csv.startsWith('\uFEFF时间,岗位,工号,类别')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows
      .slice(1)
      .map((row) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]])));
    expect(body.map((row) => row['类别'])).toEqual([
      '规范提示',
      '引导',
      '引导',
      '引导',
      '引导',
      '实操考核',
      '知识测验',
      '满意度调查',
    ]);
    expect(body[0]).toMatchObject({
      时间: '2026-03-02 08:59:59',
      岗位: '业务操作人员',
      工号: 'GH-0042',
      事件: '我已知晓',
      // The stored address is already redacted (query values dropped).
      备注: 'http://127.0.0.1:4173/login.html?user=',
    });
    expect(body[2]).toMatchObject({
      对象名称: '新建公文并提交审核',
      事件: '完成步骤',
      步骤: '1. fill',
      '用时（秒）': '4',
    });
    expect(body[5]).toMatchObject({ 事件: '未通过', 是否通过: '否', 备注: '需补训：fill、submit' });
    expect(body[6]).toMatchObject({ 得分: '90', 是否通过: '是', '用时（秒）': '300' });
    // A comment is data, never a formula; quotes and commas survive.
    expect(body[7]!['备注']).toBe('\'=HYPERLINK("http://evil")，步骤"太多"');
    expect(body[7]!['满意度']).toBe('一般');
  });
});

/**
 * Issue 10, progress import: a file can add records, never forge a verified result, never
 * overwrite or delete what is here; a destructive action says exactly what it deletes and keeps
 * a backup first. README "What we guarantee" names these tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardData } from '../../../features/dashboard/data';
import type { Checklists } from '../../../features/checklist/schema';
import { ZhiyinDatabase } from '../../../app/database';
import { type AssessmentRecord } from '../../../features/exam/records';
import { progressCsv } from '../../../features/progress/csv';
import type { ProgressFile } from '../../../features/progress/format';
import * as io from '../../../features/progress/io';
import {
  exportProgress,
  importProgress,
  parseProgressFile,
  progressJson,
} from '../../../features/progress/io';
import { createAcknowledgementRecord } from '../../../features/rules/records';

const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const NOW = T0 + 86_400_000;

let count = 0;
const open: ZhiyinDatabase[] = [];
function newDb() {
  const db = new ZhiyinDatabase(`import-merge-${++count}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** A consistent, hand-made exam result: 40 + 30 + 30 = 100, passed. */
function forgedExam(attemptId = 'forged-attempt-1'): AssessmentRecord {
  return {
    tourId: 'gongwen-new-document',
    attemptId,
    startedAt: T0,
    endedAt: T0 + 60_000,
    status: 'passed',
    score: {
      stepScore: 40,
      timeScore: 30,
      accuracyScore: 30,
      total: 100,
      passed: true,
      finished: true,
      elapsedMs: 60_000,
      remedialStepIds: [],
      steps: [],
    } as unknown as NonNullable<AssessmentRecord['score']>,
    remedialStepIds: [],
    remedialCompletedAt: null,
  };
}

function ownAck(at: number, tipId = 'keep-operation-records') {
  return createAcknowledgementRecord({
    tipId,
    contentVersion: 1,
    response: 'acknowledge',
    role: '业务操作人员',
    at,
    url: 'http://127.0.0.1:4173/login.html',
  });
}

/** Rows as a hand-made file holds them (any shape: the file check decides). */
type FileTables = { [T in keyof ProgressFile['tables']]?: readonly object[] };

function fileWith(tables: FileTables, formatVersion: 1 | 2 = 2): ProgressFile {
  return {
    format: 'zhiyin-progress',
    formatVersion,
    exportedAt: new Date(T0 + 3_600_000).toISOString(),
    extensionVersion: '9.9.9',
    tables: {
      profile: [],
      tourProgress: [],
      tourEvents: [],
      assessments: [],
      quizResults: [],
      surveyAnswers: [],
      tipAcknowledgements: [],
      ...tables,
    },
  } as ProgressFile;
}

/** Through JSON and the file check, as the dashboard reads a chosen file. */
function parsed(file: ProgressFile): ProgressFile {
  const result = parseProgressFile(JSON.stringify(file));
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

async function passIndicators(db: ZhiyinDatabase) {
  const data = dashboardData({
    role: '业务操作人员',
    tours: [],
    checklists: {} as Checklists,
    progress: [],
    runEvents: [],
    assessments: await db.assessments.toArray(),
    quizzes: await db.quizResults.toArray(),
    surveys: [],
  });
  return data.indicators.filter((i) => i.id === 'pass-first-attempt' || i.id === 'pass-eventual');
}

describe('import is a merge that cannot forge a verified result', () => {
  it('a forged passed exam (100 points) is marked imported and does not count as a pass here', async () => {
    const db = newDb();
    await importProgress(db, parsed(fileWith({ assessments: [forgedExam()] })), {
      fileName: 'forged.json',
      now: NOW,
    });
    // Shown (the row is there), never counted: no attempt of this machine's own.
    for (const indicator of await passIndicators(db)) {
      expect(indicator.denominator).toBe(0);
      expect(indicator.numerator).toBe(0);
    }
    const [row] = await db.assessments.toArray();
    expect(row?.imported).toEqual({
      at: NOW,
      fileName: 'forged.json',
      exportedAt: new Date(T0 + 3_600_000).toISOString(),
      sourceExtensionVersion: '9.9.9',
    });
  });

  it('the imported mark keeps the file name without the personal data it may carry', async () => {
    const db = newDb();
    await importProgress(db, parsed(fileWith({ assessments: [forgedExam()] })), {
      fileName: '张三_13812345678_110101199003074514.json',
      now: NOW,
    });
    const [row] = await db.assessments.toArray();
    expect(row?.imported?.fileName).toMatch(/\.json$/);
    expect(row?.imported?.fileName).not.toContain('13812345678');
    expect(row?.imported?.fileName).not.toContain('110101199003074514');
  });

  it('a forged passed quiz is marked imported and does not count as a pass here', async () => {
    const db = newDb();
    const quiz = {
      quizId: 'renzhi-basic',
      module: '认知',
      attemptId: 'forged-quiz',
      at: T0,
      ms: 1000,
      answers: {},
      grades: {},
      score: {
        choiceScore: 60,
        shortAnswerScore: 40,
        pending: false,
        total: 100,
        passed: true,
        questions: [],
      },
    };
    await importProgress(db, parsed(fileWith({ quizResults: [quiz] })), { now: NOW });
    expect((await db.quizResults.toArray())[0]?.imported?.at).toBe(NOW);
    for (const indicator of await passIndicators(db)) expect(indicator.numerator).toBe(0);
  });

  it('acknowledgements made on this machine survive an import, unchanged and unmarked', async () => {
    const db = newDb();
    const mine = await db.tipAcknowledgements.add(ownAck(T0 - 1000));
    const before = await db.tipAcknowledgements.get(mine);
    // A file with no acknowledgements at all, and one with another.
    await importProgress(db, parsed(fileWith({})), { now: NOW });
    await importProgress(
      db,
      parsed(fileWith({ tipAcknowledgements: [ownAck(T0 + 5, 'licensed-software')] })),
      { now: NOW },
    );
    expect(await db.tipAcknowledgements.get(mine)).toEqual(before);
    expect(before?.imported).toBeUndefined();
    const all = await db.tipAcknowledgements.orderBy('id').toArray();
    expect(all.map((a) => [a.tipId, a.imported === undefined])).toEqual([
      ['keep-operation-records', true],
      ['licensed-software', false],
    ]);
  });

  it('an assessment already here is never overwritten by a file row with the same attemptId', async () => {
    const db = newDb();
    const failed: AssessmentRecord = {
      ...forgedExam('same-attempt'),
      status: 'failed',
      score: {
        ...forgedExam().score!,
        stepScore: 20,
        timeScore: 20,
        accuracyScore: 20,
        total: 60,
        passed: false,
      },
    };
    const id = await db.assessments.add(failed);
    const summary = await importProgress(
      db,
      parsed(fileWith({ assessments: [forgedExam('same-attempt')] })),
      { now: NOW },
    );
    expect(await db.assessments.count()).toBe(1);
    expect(await db.assessments.get(id)).toEqual({ ...failed, id });
    expect(summary.added.assessments).toBe(0);
    expect(summary.existing.assessments).toBe(1);
  });

  it('importing the same file twice adds its rows once and keeps this machine’s rows', async () => {
    const db = newDb();
    await db.tourEvents.add({
      tourId: 'mine',
      kind: 'started',
      at: T0 - 5,
      tabId: 1,
      stepId: null,
      stepIndex: null,
      ms: null,
      reason: null,
    });
    await db.tipAcknowledgements.add(ownAck(T0 - 1000));
    const file = parsed(
      fileWith({
        tourEvents: [
          {
            id: 1,
            tourId: 'theirs',
            kind: 'step-completed',
            at: T0,
            tabId: 9,
            stepId: 'fill',
            stepIndex: 0,
            ms: 4000,
            reason: null,
          },
        ],
        assessments: [forgedExam()],
        tipAcknowledgements: [{ ...ownAck(T0 + 1, 'licensed-software'), id: 1 }],
        surveyAnswers: [
          { at: T0, subjectKind: 'tour', subjectId: 'theirs', rating: '满意', comment: '' },
        ],
      }),
    );
    const first = await importProgress(db, file, { now: NOW });
    const second = await importProgress(db, file, { now: NOW + 1 });
    expect(await db.tourEvents.count()).toBe(2);
    expect(await db.assessments.count()).toBe(1);
    expect(await db.tipAcknowledgements.count()).toBe(2);
    expect(await db.surveyAnswers.count()).toBe(1);
    expect(Object.values(first.added).reduce((a, b) => a + b)).toBe(4);
    expect(Object.values(second.added).every((n) => n === 0)).toBe(true);
    expect(second.existing).toMatchObject({
      tourEvents: 1,
      assessments: 1,
      tipAcknowledgements: 1,
      surveyAnswers: 1,
    });
  });

  it('a file exported here and imported back adds nothing (same stable keys)', async () => {
    const db = newDb();
    await db.tipAcknowledgements.add(ownAck(T0));
    await db.assessments.add(forgedExam());
    const file = parsed(JSON.parse(progressJson(await exportProgress(db, { now: NOW }))));
    const summary = await importProgress(db, file, { now: NOW });
    expect(Object.values(summary.added).every((n) => n === 0)).toBe(true);
    expect(await db.assessments.toArray()).toEqual([{ ...forgedExam(), id: 1 }]);
  });

  it('an imported row exported again keeps its imported mark, so another machine cannot take it as its own', async () => {
    const a = newDb();
    await importProgress(a, parsed(fileWith({ assessments: [forgedExam()] })), {
      fileName: 'first.json',
      now: NOW,
    });
    const again = parsed(JSON.parse(progressJson(await exportProgress(a, { now: NOW }))));
    expect(again.tables.assessments[0]?.imported?.fileName).toBe('first.json');
    const b = newDb();
    await importProgress(b, again, { fileName: 'second.json', now: NOW + 1 });
    expect((await b.assessments.toArray())[0]?.imported?.fileName).toBe('second.json');
  });

  it('the CSV sheet says 本机导入 on every imported row, and nothing on own rows', async () => {
    const db = newDb();
    await db.tipAcknowledgements.add(ownAck(T0));
    await importProgress(db, parsed(fileWith({ assessments: [forgedExam()] })), { now: NOW });
    const csv = progressCsv(await exportProgress(db, { now: NOW }), { timeZone: 'UTC' });
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.filter((line) => line.includes('【本机导入】'))).toEqual([
      expect.stringContaining('实操考核'),
    ]);
    expect(lines.find((line) => line.includes('规范提示'))).not.toContain('本机导入');
  });

  it('the profile keeps what is set here and only gains empty fields', async () => {
    const db = newDb();
    await db.profile.put({
      key: 'me',
      role: '基层用户',
      roleChosenAt: T0,
      welcomeDismissedAt: null,
      learnerId: 'zhiyin-here',
    });
    const summary = await importProgress(
      db,
      parsed(
        fileWith({
          profile: [
            {
              key: 'me',
              role: '业务操作人员',
              roleChosenAt: T0,
              welcomeDismissedAt: null,
              staffId: 'GH-7',
              learnerId: 'zhiyin-there',
            },
          ],
        }),
      ),
      { now: NOW },
    );
    expect(summary.profileFields).toEqual(['staffId']);
    expect(await db.profile.get('me')).toMatchObject({
      role: '基层用户',
      staffId: 'GH-7',
      learnerId: 'zhiyin-here',
    });
  });

  it('an import queues no xAPI statement (a restore is not new learning)', async () => {
    const db = newDb();
    await importProgress(
      db,
      parsed(fileWith({ assessments: [forgedExam()], tipAcknowledgements: [ownAck(T0)] })),
      { now: NOW },
    );
    expect(await db.xapiOutbox.count()).toBe(0);
  });

  it('reads a format-1 file (before imported marks) and marks its rows imported', async () => {
    const db = newDb();
    const file = parsed(fileWith({ assessments: [forgedExam()] }, 1));
    expect(file.formatVersion).toBe(1);
    await importProgress(db, file, { now: NOW });
    expect((await db.assessments.toArray())[0]?.imported).toBeDefined();
  });
});

describe('rows that could not have been written by Zhiyin are refused, one by one', () => {
  const exam = forgedExam();
  const score = exam.score!;
  it.each([
    [
      'total 100 but steps that do not add up',
      { ...exam, score: { ...score, stepScore: 10 } },
      '总分 100 与各项得分之和 70 不符',
    ],
    [
      'passed with a score under the pass mark',
      {
        ...exam,
        score: { ...score, stepScore: 20, timeScore: 20, accuracyScore: 20, total: 60 },
      },
      '总分 60，及格线 80，结论却为通过',
    ],
    [
      'a step score above its maximum',
      { ...exam, score: { ...score, stepScore: 70, timeScore: 0, accuracyScore: 30 } },
      '步骤分 70 超过满分 40',
    ],
    [
      'a date in the future',
      { ...exam, startedAt: NOW + 86_400_000, endedAt: NOW + 86_460_000 },
      '晚于文件导出时间或当前时间',
    ],
    ['status passed but the score says failed', { ...exam, status: 'failed' }, '与得分结论不符'],
    ['an exam still running', { ...exam, status: 'running' }, '进行中的考核不能导入'],
  ] as [string, AssessmentRecord, string][])(
    'refuses an assessment with %s',
    async (_name, bad, message) => {
      const db = newDb();
      const file = parsed(
        fileWith({ assessments: [forgedExam('good'), { ...bad, attemptId: 'bad' }] }),
      );
      const plan = await io.planImport(db, file, { now: NOW });
      expect(plan.refused).toEqual([
        { table: 'assessments', index: 1, message: expect.stringContaining(message) },
      ]);
      expect(plan.refused[0]?.message).toMatch(/^实操考核第 2 条（gongwen-new-document）：/);
      expect(plan.added.assessments).toBe(1);
      const summary = await importProgress(db, file, { now: NOW });
      expect(summary.refused).toEqual(plan.refused);
      expect((await db.assessments.toArray()).map((row) => row.attemptId)).toEqual(['good']);
    },
  );

  it('refuses a quiz passed under the pass mark, a step out of range and an acknowledgement from the future', async () => {
    const db = newDb();
    const file = parsed(
      fileWith({
        tourProgress: [
          {
            tourId: 't',
            status: 'in-progress',
            stepCount: 3,
            lastStepIndex: 7,
            attempts: 1,
            completions: 0,
            firstStartedAt: T0,
            updatedAt: T0,
            completedAt: null,
            snapshot: null,
          },
        ],
        quizResults: [
          {
            quizId: 'q',
            module: '认知',
            attemptId: 'q1',
            at: T0,
            ms: 1,
            answers: {},
            grades: {},
            score: {
              choiceScore: 50,
              shortAnswerScore: 10,
              pending: false,
              total: 60,
              passed: true,
              questions: [],
            },
          },
        ],
        tipAcknowledgements: [ownAck(NOW + 86_400_000)],
      }),
    );
    const summary = await importProgress(db, file, { now: NOW });
    expect(summary.refused.map((row) => row.message)).toEqual([
      expect.stringContaining('步骤序号 7 超出步骤数 3'),
      expect.stringContaining('总分 60，及格线 80，结论却为通过'),
      expect.stringContaining('晚于文件导出时间或当前时间'),
    ]);
    expect(await db.tourProgress.count()).toBe(0);
    expect(await db.quizResults.count()).toBe(0);
    expect(await db.tipAcknowledgements.count()).toBe(0);
  });

  it('refuses a row id out of range as a damaged file', () => {
    const result = parseProgressFile(
      JSON.stringify(fileWith({ assessments: [{ ...forgedExam(), id: 2 ** 60 }] })),
    );
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('tables.assessments[0].id'),
    });
  });
});

describe('clearing progress (the one destructive action)', () => {
  it('reports the exact counts it deletes, keeps a backup first, and the backup restores everything', async () => {
    const db = newDb();
    await db.tipAcknowledgements.bulkAdd([ownAck(T0), ownAck(T0 + 1, 'licensed-software')]);
    await db.assessments.add(forgedExam());
    await importProgress(db, parsed(fileWith({ assessments: [forgedExam('imported-one')] })), {
      now: NOW,
    });
    const before = await exportProgress(db, { now: NOW });

    const counts = await io.progressCounts(db);
    expect(counts).toEqual({
      tourProgress: 0,
      tourEvents: 0,
      assessments: 2,
      quizResults: 0,
      surveyAnswers: 0,
      tipAcknowledgements: 2,
    });
    const result = await io.clearProgress(db, { now: NOW + 5 });
    expect(result.deleted).toEqual(counts);
    expect(await db.assessments.count()).toBe(0);
    expect(await db.tipAcknowledgements.count()).toBe(0);

    // The backup holds every deleted row, exactly as stored.
    const backup = await db.progressBackups.get(result.backupId);
    expect(backup?.at).toBe(NOW + 5);
    const backupFile = backup?.file as ProgressFile;
    expect(backupFile.tables).toEqual(before.tables);
    expect(await io.listBackups(db)).toEqual([{ id: result.backupId, at: NOW + 5, counts }]);

    // Restoring it puts the rows back as they were: own rows stay own, imported stay imported.
    const restored = await io.restoreBackup(db, result.backupId);
    expect(restored.added).toEqual(counts);
    const strip = <T extends { id?: number }>(rows: T[]) => rows.map(({ id: _id, ...row }) => row);
    const after = await exportProgress(db, { now: NOW });
    expect(strip(after.tables.assessments)).toEqual(strip(before.tables.assessments));
    expect(strip(after.tables.tipAcknowledgements)).toEqual(
      strip(before.tables.tipAcknowledgements),
    );
    expect(after.tables.assessments.map((row) => row.imported === undefined)).toEqual([
      true,
      false,
    ]);
  });

  it('a clear that fails half-way deletes nothing and keeps no half backup', async () => {
    const db = newDb();
    await db.assessments.add(forgedExam());
    await db.surveyAnswers.add({
      at: T0,
      subjectKind: 'tour',
      subjectId: 't',
      rating: '满意',
      comment: '',
    });
    await db.tipAcknowledgements.add(ownAck(T0));
    // Assessments are cleared before survey answers; the survey table then fails.
    db.surveyAnswers.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(io.clearProgress(db, { now: NOW })).rejects.toThrow('disk full');
    expect(await db.assessments.count()).toBe(1);
    expect(await db.tipAcknowledgements.count()).toBe(1);
    expect(await db.progressBackups.count()).toBe(0);
  });
});

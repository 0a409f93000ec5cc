/**
 * Issue 11: free text and addresses that come from pages or from the learner are scrubbed before
 * they are stored (activity, survey comments, imported progress) and before they are sent (xAPI).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { ActivityLog } from '../../../features/progress/background/activity-log';
import type { ProgressFile } from '../../../features/progress/format';
import { importProgress, parseProgressFile } from '../../../features/progress/io';
import { createAcknowledgementRecord } from '../../../features/rules/records';
import { SurveyService } from '../../../features/survey/background/service';

const ID = '110101199003074514';
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);

const open: ZhiyinDatabase[] = [];
function newDb() {
  const db = new ZhiyinDatabase(`stored-records-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe('stored records hold no personal data', () => {
  it('a page title naming a citizen is stored scrubbed, and its address redacted', async () => {
    const db = newDb();
    const log = new ActivityLog(db, () => T0);
    await log.record({
      type: 'page-visited',
      tabId: 3,
      url: `http://oa.example/case/${ID}/view;jsessionid=ABCDEF0123456789?phone=13800138000`,
      title: `张三 ${ID} 的办件详情`,
    });
    const [row] = await db.activity.toArray();
    expect(row?.title).toBe('张三 [身份证号] 的办件详情');
    expect(row?.url).toBe('http://oa.example/case/*/*?phone=');
  });

  it('a survey comment is stored scrubbed, and what listeners hear is the stored comment', async () => {
    const db = newDb();
    const heard: string[] = [];
    const surveys = new SurveyService({
      db,
      now: () => T0,
      store: { get: async () => undefined, set: async () => undefined },
      knownSubject: () => true,
      answered: async (record) => void heard.push(record.comment),
    });
    const stored = await surveys.answer({
      subjectKind: 'tour',
      subjectId: 'gongwen-new-document',
      rating: '一般',
      comment: `我的身份证${ID}登录不了，电话 +86 138 0013 8000`,
    });
    const expected = '我的身份证[身份证号]登录不了，电话 [手机号]';
    expect(stored.comment).toBe(expected);
    expect((await db.surveyAnswers.toArray())[0]?.comment).toBe(expected);
    expect(heard).toEqual([expected]);
  });

  it('an imported progress file cannot bring comments or addresses in unscrubbed', async () => {
    const db = newDb();
    const ack = createAcknowledgementRecord({
      tipId: 'keep-operation-records',
      contentVersion: 1,
      response: 'acknowledge',
      role: '业务操作人员',
      at: T0,
      url: 'http://oa.example/login.html',
    });
    const file = {
      format: 'zhiyin-progress',
      formatVersion: 2,
      exportedAt: new Date(T0 + 3_600_000).toISOString(),
      extensionVersion: '9.9.9',
      tables: {
        profile: [],
        tourProgress: [],
        tourEvents: [],
        assessments: [],
        quizResults: [],
        surveyAnswers: [
          {
            at: T0,
            subjectKind: 'tour',
            subjectId: 'gongwen-new-document',
            rating: '满意',
            comment: `联系我 13800138000`,
          },
        ],
        // As an older version or a hand edit wrote it: the address was never redacted.
        tipAcknowledgements: [{ ...ack, url: `http://oa.example/people/${ID}?token=abc` }],
      },
    } as unknown as ProgressFile;
    const parsed = parseProgressFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.message);
    await importProgress(db, parsed.file, { now: T0 + 86_400_000 });
    expect((await db.surveyAnswers.toArray()).map((row) => row.comment)).toEqual([
      '联系我 [手机号]',
    ]);
    expect((await db.tipAcknowledgements.toArray()).map((row) => row.url)).toEqual([
      'http://oa.example/people/*?token=',
    ]);
  });
});

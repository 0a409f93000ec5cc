/**
 * The xAPI pipeline against a real LRS (Learning Locker's xapi-statements, started locally):
 * statements are built, queued in IndexedDB (fake-indexeddb), queued while the LRS is down,
 * flushed after it comes up, and read back through GET /statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorePracticalAssessment } from '../../features/exam/scoring';
import { LrsClient } from '../../features/xapi/background/client';
import { XapiQueue } from '../../features/xapi/background/queue';
import { XapiQueueDatabase } from '../../features/xapi/records';
import { createStatementFactory } from '../../features/xapi/statements';
import type { XapiStatement } from '../../features/xapi/types';
import type { LocalLrs, StoredStatement } from '../support/lrs';
import { LOCAL_LRS_AUTH, freePort, startLocalLrs, xapiEndpoint } from '../support/lrs';

const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);
const registration = '6f0a3c52-2f7e-4f67-8d8e-2a4b9a1c0d11';

let port: number;
let lrs: LocalLrs | null = null;
const databases: XapiQueueDatabase[] = [];

function newQueue(options: { batchSize?: number } = {}): {
  queue: XapiQueue;
  db: XapiQueueDatabase;
} {
  const db = new XapiQueueDatabase(`xapi-lrs-${databases.length}`);
  databases.push(db);
  const client = new LrsClient({ endpoint: xapiEndpoint(port), auth: LOCAL_LRS_AUTH });
  const queue = new XapiQueue({
    tables: { outbox: db.xapiOutbox, delivery: db.xapiDelivery },
    sender: () => client,
    random: () => 0.5,
    ...options,
  });
  return { queue, db };
}

const factory = createStatementFactory({
  homePage: 'https://oa.example.gov.cn',
  accountName: 'staff-0042',
});
const tour = { tourId: 'gongwen-new-document', tourTitle: '新建公文并提交审核', registration };

/** What a learner's exam run produces, in recording order. */
function examRunStatements(at: number): XapiStatement[] {
  const score = scorePracticalAssessment({
    steps: [
      { id: 'choose-type', required: true, checksData: true },
      { id: 'fill-title', required: true, checksData: false },
      { id: 'submit', required: true, checksData: false },
    ],
    attempts: ['choose-type', 'fill-title', 'submit'].map((stepId) => ({
      stepId,
      outcome: 'completed' as const,
      wrongActions: stepId === 'submit' ? 1 : 0,
      rejectedValues: 0,
    })),
    timing: { timeLimitMs: 600_000, targetTimeMs: 300_000 },
    elapsedMs: 185_000,
  });
  return [
    factory.tourAttempted({ ...tour, at }),
    factory.stepExperienced({
      ...tour,
      stepId: 'choose-type',
      stepTitle: '选择文种',
      at: at + 5000,
      durationMs: 5000,
    }),
    factory.stepExperienced({ ...tour, stepId: 'fill-title', at: at + 60_000, durationMs: 55_000 }),
    factory.stepExperienced({ ...tour, stepId: 'submit', at: at + 185_000, durationMs: 125_000 }),
    factory.tourCompleted({ ...tour, at: at + 185_000, durationMs: 185_000 }),
    factory.practicalAssessed({ ...tour, at: at + 185_000, score }),
    factory.ruleAcknowledged({
      ruleId: 'no-classified-upload',
      ruleTitle: '涉密文件严禁上传',
      at: at + 200_000,
    }),
    factory.surveyAnswered({
      surveyId: 'satisfaction-2026',
      surveyTitle: '培训满意度调查',
      response: '非常满意',
      at: at + 300_000,
    }),
  ];
}

function countById(stored: StoredStatement[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const statement of stored) counts.set(statement.id, (counts.get(statement.id) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  port = await freePort();
});

afterAll(async () => {
  await lrs?.stop();
  for (const db of databases) await db.delete();
});

describe('xAPI delivery to a local LRS', () => {
  const run = examRunStatements(T0);
  let first: { queue: XapiQueue; db: XapiQueueDatabase };

  it('queues while the LRS is down and backs off', async () => {
    first = newQueue();
    expect(await first.queue.enqueue(run, T0)).toBe(run.length);
    const report = await first.queue.flushDue(T0);
    expect(report).toMatchObject({
      outcome: 'retry-later',
      sent: 0,
      pending: run.length,
      retryAt: T0 + 30_000,
    });
    expect(report.error).toMatchObject({ reason: 'network', status: null });
    expect(await first.queue.nextWakeAt()).toBe(T0 + 30_000);
  });

  it('delivers everything exactly once after the LRS comes up', { timeout: 60_000 }, async () => {
    lrs = await startLocalLrs(port);
    expect(await lrs.statements()).toEqual([]);

    // An early wake-up (another event) still respects the backoff.
    expect(await first.queue.flushDue(T0 + 10_000)).toMatchObject({ outcome: 'not-due' });
    expect(await lrs.statements()).toEqual([]);

    const report = await first.queue.flushDue(T0 + 30_000);
    expect(report).toMatchObject({
      outcome: 'delivered',
      sent: run.length,
      rejected: 0,
      pending: 0,
    });
    expect(await first.queue.nextWakeAt()).toBeNull();

    const stored = await lrs.statements();
    expect(stored).toHaveLength(run.length);
    const counts = countById(stored);
    for (const statement of run) {
      expect(counts.get(statement.id)).toBe(1);
      // The LRS adds stored/authority/version; everything we sent comes back unchanged.
      expect(stored.find((s) => s.id === statement.id)).toMatchObject(
        JSON.parse(JSON.stringify(statement)),
      );
    }
    // 40 × 2.75 / 3 (one wrong action) = 36.7, + 30 (under the target time) + 30 = 96.7
    const assessment = await lrs.statement(run[5]!.id);
    expect(assessment).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      object: { id: 'https://zhiyin.example/xapi/activities/assessment/gongwen-new-document' },
      result: {
        score: { scaled: 0.967, raw: 96.7, min: 0, max: 100 },
        success: true,
        duration: 'PT3M5S',
      },
      context: { registration, language: 'zh-CN', platform: 'Zhiyin 指引' },
    });
  });

  it('re-sending statements the LRS already has (worker died before deleting) adds no copy', async () => {
    const { queue } = newQueue();
    const fresh = factory.tourAttempted({ ...tour, at: T0 + 400_000 });
    await queue.enqueue([...run.slice(0, 3), fresh], T0 + 400_000);
    expect(await queue.flushDue(T0 + 400_000)).toMatchObject({
      outcome: 'delivered',
      sent: 4,
      rejected: 0,
    });
    const stored = await lrs!.statements();
    expect(stored).toHaveLength(run.length + 1);
    expect([...countById(stored).values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps a statement whose id the LRS holds with other content as rejected, delivers the rest', async () => {
    const { queue } = newQueue();
    const impostor: XapiStatement = {
      ...run[7]!,
      result: { response: '不满意', completion: true },
    };
    const fresh = factory.ruleAcknowledged({
      ruleId: 'password-policy',
      ruleTitle: '密码策略',
      at: T0 + 500_000,
    });
    await queue.enqueue([impostor, fresh], T0 + 500_000);
    const report = await queue.flushDue(T0 + 500_000);
    expect(report).toMatchObject({ outcome: 'delivered', sent: 1, rejected: 1, pending: 0 });
    const [rejected] = await queue.listRejected();
    expect(rejected).toMatchObject({ id: impostor.id, lastStatus: 409 });
    // The LRS keeps the original answer; the fresh statement arrived once.
    expect(await lrs!.statement(impostor.id)).toMatchObject({ result: { response: '非常满意' } });
    expect(await lrs!.statement(fresh.id)).toMatchObject({ id: fresh.id });
    expect(await lrs!.statements()).toHaveLength(run.length + 2);
  });

  it('rejects a statement the LRS finds invalid without holding back the others', async () => {
    const { queue } = newQueue();
    const good = factory.ruleAcknowledged({
      ruleId: 'attachment-size',
      ruleTitle: '附件大小',
      at: T0 + 600_000,
    });
    const invalid = {
      ...factory.ruleAcknowledged({ ruleId: 'broken', ruleTitle: '坏数据', at: T0 + 600_000 }),
      result: { score: { scaled: 2, raw: 1, min: 0, max: 1 } },
    } as XapiStatement;
    await queue.enqueue([invalid, good], T0 + 600_000);
    const report = await queue.flushDue(T0 + 600_000);
    expect(report).toMatchObject({ outcome: 'delivered', sent: 1, rejected: 1 });
    expect((await queue.listRejected())[0]).toMatchObject({ id: invalid.id, lastStatus: 400 });
    expect(await lrs!.statement(invalid.id)).toBeNull();
    expect(await lrs!.statement(good.id)).not.toBeNull();
  });

  it('delivers a large backlog in batches, each statement once', { timeout: 60_000 }, async () => {
    const { queue } = newQueue({ batchSize: 50 });
    const backlog = Array.from({ length: 120 }, (_, index) =>
      factory.stepExperienced({ ...tour, stepId: `step-${index}`, at: T0 + 700_000 + index }),
    );
    await queue.enqueue(backlog, T0 + 700_000);
    expect(await queue.flushDue(T0 + 700_000)).toMatchObject({ outcome: 'delivered', sent: 120 });
    const counts = countById(await lrs!.statements());
    expect(backlog.every((statement) => counts.get(statement.id) === 1)).toBe(true);
    expect(counts.size).toBe(run.length + 2 + 1 + 120);
  });

  it('backs off again when the LRS goes away, and keeps the statement', async () => {
    await lrs!.stop();
    lrs = null;
    const { queue } = newQueue();
    await queue.enqueue(factory.tourAttempted({ ...tour, at: T0 + 800_000 }), T0 + 800_000);
    expect(await queue.flushDue(T0 + 800_000)).toMatchObject({
      outcome: 'retry-later',
      pending: 1,
    });
  });
});

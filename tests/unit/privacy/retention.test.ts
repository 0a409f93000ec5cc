/**
 * Issue 11, retention: records that are not learning results expire by the administrator's policy;
 * nothing undelivered and no learning result is ever pruned.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import {
  pruneExpired,
  RETENTION_ALARM,
  scheduleRetention,
} from '../../../app/background/retention';
import { DEFAULT_RETENTION_POLICY, resolvePolicy } from '../../../app/policy/policy';
import type { OutboxRecord } from '../../../features/report/records';
import type { XapiOutboxRecord } from '../../../features/xapi/records';
import { sampleReport } from '../report/helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 7, 8, 0, 0);

const open: ZhiyinDatabase[] = [];
function newDb() {
  const db = new ZhiyinDatabase(`retention-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function report(id: string, status: OutboxRecord['status'], ageDays: number): OutboxRecord {
  const at = NOW - ageDays * DAY;
  return {
    id,
    createdAt: at,
    updatedAt: at,
    status,
    report: sampleReport(),
    attempts: 0,
    cycleStartedAt: null,
    ...(status === 'sent' ? { sentAt: at, sentStatus: 201 } : {}),
  };
}

function statement(id: string, state: XapiOutboxRecord['state'], ageDays: number, seq: number) {
  const at = NOW - ageDays * DAY;
  return {
    id,
    statement: { id } as unknown as XapiOutboxRecord['statement'],
    enqueuedAt: at,
    seq,
    state,
    attempts: 1,
    ...(state === 'rejected' ? { rejectedAt: at } : {}),
  } satisfies XapiOutboxRecord;
}

async function seed(db: ZhiyinDatabase) {
  await db.reportOutbox.bulkAdd([
    report('sent-old', 'sent', 31),
    report('sent-new', 'sent', 29),
    // Undelivered reports are never pruned, however old.
    report('failed-old', 'failed', 400),
    report('queued-old', 'queued', 400),
    report('local-old', 'local', 400),
  ]);
  for (const [days, type] of [
    [91, 'page-visited'],
    [89, 'page-visited'],
    [365, 'role-chosen'],
  ] as const)
    await db.activity.add({
      type,
      at: NOW - days * DAY,
      tabId: 1,
      url: null,
      title: null,
      detail: {},
    });
  await db.xapiOutbox.bulkAdd([
    statement('rejected-old', 'rejected', 31, 1),
    statement('rejected-new', 'rejected', 2, 2),
    statement('pending-old', 'pending', 400, 3),
  ]);
  await db.searchMisses.bulkAdd([
    { query: '旧问题', at: NOW - 181 * DAY, url: null },
    { query: '新问题', at: NOW - 10 * DAY, url: null },
  ]);
  // A learning result, far older than any retention: kept.
  await db.tourEvents.add({
    tourId: 't',
    kind: 'finished',
    at: NOW - 900 * DAY,
    tabId: null,
    stepId: null,
    stepIndex: null,
    ms: 1,
    reason: null,
  });
}

describe('retention', () => {
  it('prunes by the default policy: delivered reports 30 days, activity 90, refused statements 30, misses 180', async () => {
    const db = newDb();
    await seed(db);
    const run = await pruneExpired(db, DEFAULT_RETENTION_POLICY, NOW);
    expect(run).toEqual({ sentReports: 1, activity: 2, rejectedStatements: 1, searchMisses: 1 });
    expect((await db.reportOutbox.toArray()).map((row) => row.id).sort()).toEqual([
      'failed-old',
      'local-old',
      'queued-old',
      'sent-new',
    ]);
    expect((await db.activity.toArray()).map((row) => Math.round((NOW - row.at) / DAY))).toEqual([
      89,
    ]);
    expect((await db.xapiOutbox.toArray()).map((row) => row.id).sort()).toEqual([
      'pending-old',
      'rejected-new',
    ]);
    expect((await db.searchMisses.toArray()).map((row) => row.query)).toEqual(['新问题']);
    expect(await db.tourEvents.count()).toBe(1);
  });

  it('follows the administrator: a longer activity retention keeps what the default would prune', async () => {
    const db = newDb();
    await seed(db);
    const { policy, problems } = resolvePolicy({ retention: { activityDays: 400 } }, {});
    expect(problems).toEqual([]);
    expect(policy.retention).toEqual({ ...DEFAULT_RETENTION_POLICY, activityDays: 400 });
    const run = await pruneExpired(db, policy.retention, NOW);
    expect(run.activity).toBe(0);
    expect(await db.activity.count()).toBe(3);
  });

  it('refuses a broken retention setting with a readable problem and keeps the defaults', () => {
    const view = resolvePolicy({ retention: { activityDays: 0, sentReportsDays: 7 } }, {});
    expect(view.policy.retention).toEqual(DEFAULT_RETENTION_POLICY);
    expect(view.problems[0]).toMatch(/^retention: activityDays: 应为 1–3650 的整数天数/);
  });

  it('runs at worker start and on its daily alarm, creating the alarm only when missing; prunes nothing while the policy is unknown', async () => {
    const db = newDb();
    await seed(db);
    const created: string[] = [];
    let listener: ((alarm: { name: string }) => void) | undefined;
    let existing: unknown = undefined;
    let known = false;
    const alarms = {
      get: async () => existing,
      create: (name: string) => void created.push(name),
      onAlarm: { addListener: (fn: (alarm: { name: string }) => void) => void (listener = fn) },
    };
    const retention = scheduleRetention({
      db,
      retention: async () => (known ? DEFAULT_RETENTION_POLICY : null),
      alarms,
      now: () => NOW,
    });
    expect(await retention.run()).toBeNull();
    expect(await db.activity.count()).toBe(3);
    await expect.poll(() => created).toEqual([RETENTION_ALARM]);

    known = true;
    listener?.({ name: 'something-else' });
    listener?.({ name: RETENTION_ALARM });
    await expect.poll(() => db.activity.count()).toBe(1);

    // A worker restart with the alarm already set does not re-create (and so postpone) it.
    existing = { name: RETENTION_ALARM };
    scheduleRetention({ db, retention: async () => null, alarms, now: () => NOW });
    await new Promise((done) => setTimeout(done, 20));
    expect(created).toEqual([RETENTION_ALARM]);
  });
});

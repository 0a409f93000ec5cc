import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LrsSendResult } from '../../../features/xapi/background/client';
import { XapiQueue } from '../../../features/xapi/background/queue';
import type { StatementSender, XapiQueueOptions } from '../../../features/xapi/background/queue';
import { XapiQueueDatabase } from '../../../features/xapi/records';
import { createStatementFactory } from '../../../features/xapi/statements';
import type { XapiStatement } from '../../../features/xapi/types';

/**
 * An in-memory LRS with the xAPI rules that matter to the queue: same id + same content is
 * accepted again without a second copy, same id + other content is a 409 that refuses the whole
 * batch, an invalid statement is a 400 that refuses the whole batch.
 */
class FakeLrs implements StatementSender {
  readonly stored = new Map<string, string>();
  readonly invalidIds = new Set<string>();
  readonly calls: { method: 'POST' | 'PUT'; ids: string[] }[] = [];
  /** Answer every request with this instead (LRS down, 503, 401…). */
  outage: LrsSendResult | null = null;

  async postStatements(statements: readonly XapiStatement[]): Promise<LrsSendResult> {
    this.calls.push({ method: 'POST', ids: statements.map((s) => s.id) });
    return this.#store(statements, 200);
  }

  async putStatement(statement: XapiStatement): Promise<LrsSendResult> {
    this.calls.push({ method: 'PUT', ids: [statement.id] });
    return this.#store([statement], 204);
  }

  #store(statements: readonly XapiStatement[], okStatus: number): LrsSendResult {
    if (this.outage) return this.outage;
    for (const statement of statements) {
      if (this.invalidIds.has(statement.id))
        return { kind: 'rejected', status: 400, message: 'invalid' };
      const previous = this.stored.get(statement.id);
      if (previous !== undefined && previous !== JSON.stringify(statement))
        return { kind: 'conflict', status: 409, message: `${statement.id} is conflicting` };
    }
    for (const statement of statements) this.stored.set(statement.id, JSON.stringify(statement));
    return { kind: 'stored', status: okStatus };
  }
}

const NETWORK_DOWN: LrsSendResult = {
  kind: 'retry',
  reason: 'network',
  status: null,
  message: 'fetch failed',
};
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

let db: XapiQueueDatabase;
let lrs: FakeLrs;
let dbCount = 0;

beforeEach(() => {
  db = new XapiQueueDatabase(`xapi-queue-test-${++dbCount}`);
  lrs = new FakeLrs();
});
afterEach(async () => {
  await db.delete();
});

function makeQueue(options: Partial<XapiQueueOptions> = {}): XapiQueue {
  return new XapiQueue({
    tables: { outbox: db.xapiOutbox, delivery: db.xapiDelivery },
    sender: () => lrs,
    random: () => 0.5, // jitter factor exactly 1
    ...options,
  });
}

const factory = createStatementFactory({
  homePage: 'https://oa.example.gov.cn',
  accountName: 'staff-7',
});
const stepStatements = (count: number, at = T0) =>
  Array.from({ length: count }, (_, index) =>
    factory.stepExperienced({
      tourId: 'gongwen-new-document',
      tourTitle: '新建公文',
      stepId: `step-${index}`,
      at,
    }),
  );

describe('XapiQueue.enqueue', () => {
  it('stores each statement once, however often it is recorded', async () => {
    const queue = makeQueue();
    const [a, b] = stepStatements(2);
    expect(await queue.enqueue([a!, b!, a!], T0)).toBe(2);
    expect(await queue.enqueue(a!, T0 + 1)).toBe(0);
    expect((await queue.status()).pending).toBe(2);
  });

  it('keeps a copy: changing the object afterwards does not change what is sent', async () => {
    const queue = makeQueue();
    const [a] = stepStatements(1);
    const original = structuredClone(a!);
    await queue.enqueue(a!, T0);
    a!.context.platform = 'tampered';
    await queue.flushDue(T0);
    expect(JSON.parse(lrs.stored.get(original.id)!)).toEqual(original);
  });

  it('drops the oldest pending statements beyond maxPending and counts them', async () => {
    const queue = makeQueue({ maxPending: 3 });
    const statements = stepStatements(5);
    for (const [index, statement] of statements.entries())
      await queue.enqueue(statement, T0 + index);
    const status = await queue.status();
    expect(status).toMatchObject({ pending: 3, dropped: 2 });
    await queue.flushDue(T0 + 10);
    expect([...lrs.stored.keys()]).toEqual(statements.slice(2).map((s) => s.id));
  });
});

describe('XapiQueue.flushDue', () => {
  it('is idle with nothing to send, and then wants no wake-up', async () => {
    const queue = makeQueue();
    expect(await queue.flushDue(T0)).toMatchObject({ outcome: 'idle', sent: 0, pending: 0 });
    expect(await queue.nextWakeAt()).toBeNull();
    expect(lrs.calls).toEqual([]);
  });

  it('POSTs in batches in recording order and empties the queue', async () => {
    const queue = makeQueue({ batchSize: 2 });
    const statements = stepStatements(5);
    // Same millisecond: order comes from the recording sequence, not the (random) ids.
    await queue.enqueue(statements.slice(0, 3), T0);
    await queue.enqueue(statements.slice(3), T0);
    const report = await queue.flushDue(T0 + 100);
    expect(report).toMatchObject({
      outcome: 'delivered',
      sent: 5,
      rejected: 0,
      pending: 0,
      retryAt: null,
    });
    expect(lrs.calls.map((call) => call.ids)).toEqual([
      [statements[0]!.id, statements[1]!.id],
      [statements[2]!.id, statements[3]!.id],
      [statements[4]!.id],
    ]);
    expect(lrs.calls.every((call) => call.method === 'POST')).toBe(true);
    expect(await queue.nextWakeAt()).toBeNull();
    expect((await queue.status()).lastSuccessAt).toBe(T0 + 100);
  });

  it('keeps everything while no LRS is configured', async () => {
    const queue = makeQueue({ sender: () => null });
    await queue.enqueue(stepStatements(2), T0);
    expect(await queue.flushDue(T0)).toMatchObject({ outcome: 'not-configured', pending: 2 });
    expect(await queue.nextWakeAt()).toBe(T0);
  });

  it('backs off exponentially while the LRS is down and delivers once it is back', async () => {
    const queue = makeQueue();
    const statements = stepStatements(3);
    await queue.enqueue(statements, T0);
    lrs.outage = NETWORK_DOWN;

    const first = await queue.flushDue(T0);
    expect(first).toMatchObject({
      outcome: 'retry-later',
      sent: 0,
      pending: 3,
      retryAt: T0 + 30_000,
    });
    expect(first.error).toMatchObject({ reason: 'network', status: null });
    expect(await queue.nextWakeAt()).toBe(T0 + 30_000);

    // Woken early (another event was recorded): nothing is attempted before retryAt.
    const callsBefore = lrs.calls.length;
    expect(await queue.flushDue(T0 + 10_000)).toMatchObject({
      outcome: 'not-due',
      retryAt: T0 + 30_000,
    });
    expect(lrs.calls.length).toBe(callsBefore);

    const second = await queue.flushDue(T0 + 30_000);
    expect(second.retryAt).toBe(T0 + 30_000 + 60_000);
    const third = await queue.flushDue(T0 + 90_000);
    expect(third.retryAt).toBe(T0 + 90_000 + 120_000);
    expect(await queue.status()).toMatchObject({ consecutiveFailures: 3, pending: 3 });
    expect((await db.xapiOutbox.get(statements[0]!.id))?.attempts).toBe(3);

    lrs.outage = null;
    expect(await queue.flushDue(T0 + 210_000)).toMatchObject({
      outcome: 'delivered',
      sent: 3,
      retryAt: null,
    });
    expect(await queue.status()).toMatchObject({
      consecutiveFailures: 0,
      pending: 0,
      retryAt: null,
    });
    expect(lrs.stored.size).toBe(3);
  });

  it('caps the delay, applies jitter and honours Retry-After', async () => {
    const queue = makeQueue({ maxDelayMs: 100_000, random: () => 0 });
    await queue.enqueue(stepStatements(1), T0);
    lrs.outage = NETWORK_DOWN;
    let now = T0;
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const report = await queue.flushDue(now);
      delays.push(report.retryAt! - now);
      now = report.retryAt!;
    }
    // 30 s × 2^n × 0.8, capped at 100 s × 0.8
    expect(delays).toEqual([24_000, 48_000, 80_000, 80_000, 80_000]);

    lrs.outage = {
      kind: 'retry',
      reason: 'rate-limited',
      status: 429,
      message: '',
      retryAfterMs: 600_000,
    };
    const limited = await queue.flushDue(now);
    expect(limited.retryAt! - now).toBe(600_000);
  });

  it('finds the conflicting statement of a refused batch and delivers the others', async () => {
    const queue = makeQueue();
    const statements = stepStatements(3);
    // The LRS already holds other content under the second id.
    lrs.stored.set(
      statements[1]!.id,
      JSON.stringify({ ...statements[1]!, timestamp: '2020-01-01T00:00:00.000Z' }),
    );
    await queue.enqueue(statements, T0);
    const report = await queue.flushDue(T0);
    expect(report).toMatchObject({ outcome: 'delivered', sent: 2, rejected: 1, pending: 0 });
    expect(lrs.calls.map((call) => call.method)).toEqual(['POST', 'PUT', 'PUT', 'PUT']);
    const rejected = await queue.listRejected();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      id: statements[1]!.id,
      state: 'rejected',
      lastStatus: 409,
      rejectedAt: T0,
    });
    expect(rejected[0]!.lastError).toMatch(/^conflict: /);
    // A rejected statement is not retried by itself.
    expect(await queue.nextWakeAt()).toBeNull();
    expect(await queue.flushDue(T0 + 1)).toMatchObject({ outcome: 'idle' });
  });

  it('marks an invalid statement rejected and goes on with the next batch', async () => {
    const queue = makeQueue({ batchSize: 1 });
    const statements = stepStatements(3);
    lrs.invalidIds.add(statements[0]!.id);
    await queue.enqueue(statements, T0);
    expect(await queue.flushDue(T0)).toMatchObject({ outcome: 'delivered', sent: 2, rejected: 1 });
    expect(await queue.status()).toMatchObject({ pending: 0, rejected: 1 });
  });

  it('puts rejected statements back in line on request', async () => {
    const queue = makeQueue();
    const [a] = stepStatements(1);
    lrs.invalidIds.add(a!.id);
    await queue.enqueue(a!, T0);
    await queue.flushDue(T0);
    lrs.invalidIds.clear();
    expect(await queue.requeueRejected()).toBe(1);
    expect(await queue.flushDue(T0 + 1)).toMatchObject({ outcome: 'delivered', sent: 1 });
    expect(await queue.listRejected()).toEqual([]);
  });

  it('stops the one-by-one search when the LRS goes down in the middle', async () => {
    const queue = makeQueue();
    const statements = stepStatements(3);
    lrs.invalidIds.add(statements[2]!.id);
    await queue.enqueue(statements, T0);
    const put = lrs.putStatement.bind(lrs);
    let puts = 0;
    lrs.putStatement = async (statement) => {
      puts += 1;
      return puts === 2 ? NETWORK_DOWN : put(statement);
    };
    const report = await queue.flushDue(T0);
    expect(report).toMatchObject({ outcome: 'retry-later', sent: 1, rejected: 0, pending: 2 });
  });

  it('never sends a statement twice while a flush is running', async () => {
    const queue = makeQueue();
    await queue.enqueue(stepStatements(2), T0);
    const [one, two] = await Promise.all([queue.flushDue(T0), queue.flushDue(T0)]);
    expect(one).toBe(two);
    expect(lrs.calls).toHaveLength(1);
  });

  it('yields after maxBatchesPerFlush and asks to be woken at once', async () => {
    const queue = makeQueue({ batchSize: 1, maxBatchesPerFlush: 2 });
    await queue.enqueue(stepStatements(3), T0);
    expect(await queue.flushDue(T0 + 5)).toMatchObject({ outcome: 'more', sent: 2, pending: 1 });
    expect(await queue.nextWakeAt()).toBeLessThanOrEqual(T0 + 5);
    expect(await queue.flushDue(T0 + 6)).toMatchObject({ outcome: 'delivered', sent: 1 });
  });

  it('re-sending what the LRS already stored (worker died before deleting) leaves one copy', async () => {
    const queue = makeQueue();
    const statements = stepStatements(2);
    await lrs.postStatements([statements[0]!]); // delivered, but the outbox never heard back
    await queue.enqueue(statements, T0);
    expect(await queue.flushDue(T0)).toMatchObject({ outcome: 'delivered', sent: 2, rejected: 0 });
    expect(lrs.stored.size).toBe(2);
  });

  it('survives a restart: a new queue on the same tables carries on', async () => {
    await makeQueue().enqueue(stepStatements(2), T0);
    lrs.outage = NETWORK_DOWN;
    await makeQueue().flushDue(T0);
    lrs.outage = null;
    const restarted = makeQueue();
    expect(await restarted.nextWakeAt()).toBe(T0 + 30_000);
    expect(await restarted.flushDue(T0 + 30_000)).toMatchObject({ outcome: 'delivered', sent: 2 });
  });
});

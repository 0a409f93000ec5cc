/**
 * The outbox's promises under the conditions a browser extension lives in: offline for a while,
 * the service worker stopped in the middle of sending, the browser closed before a response came
 * back. Real HTTP to a local receiver, real IndexedDB (fake-indexeddb), a fake clock.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../features/report/background/outbox';
import type { ProblemReport } from '../../../features/report/schema';
import { startReportReceiver, type ReportReceiver } from '../../support/report-receiver';
import {
  drain,
  FakeClock,
  freshDatabaseName,
  openOutbox,
  sampleReport,
  START,
  type OutboxHandle,
} from './helpers';

let receiver: ReportReceiver;
let clock: FakeClock;
let handles: OutboxHandle[] = [];

beforeAll(async () => {
  receiver = await startReportReceiver({ token: 'k' });
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(async () => {
  await receiver.start();
  receiver.stored.clear();
  receiver.requests.length = 0;
  receiver.setMode(null);
  clock = new FakeClock();
});
afterEach(() => {
  for (const handle of handles) handle.db.close();
  handles = [];
});

const endpoint = () => ({ url: receiver.url, token: 'k' });

function open(name: string, options: Partial<Parameters<typeof openOutbox>[1]> = {}) {
  const handle = openOutbox(name, { endpoint, clock: clock.read, ...options });
  handles.push(handle);
  return handle;
}

/** Every report stored exactly once, by the receiver's own log: one first arrival per key. */
function expectEachStoredOnce(reports: readonly ProblemReport[]) {
  expect(receiver.stored.size).toBe(reports.length);
  for (const report of reports) expect(receiver.stored.get(report.id)).toEqual(report);
  const firstArrivals = receiver.requests.filter(
    (request) => request.key !== null && !request.duplicate && request.answer !== 'hang',
  );
  const storedKeys = firstArrivals
    .filter((request) => request.answer === 201 || request.answer === 'store-then-destroy')
    .map((request) => request.key);
  expect(new Set(storedKeys).size).toBe(storedKeys.length);
  expect(storedKeys).toHaveLength(reports.length);
}

/**
 * A fetch for a worker that is about to be stopped: the first `forwarded` calls really reach the
 * receiver (which stores the report) but their responses are never seen; later calls never go
 * out. Nothing ever settles — like a process that is gone. `claimed` resolves after `total` calls.
 */
function dyingFetch(forwarded: number, total: number) {
  let calls = 0;
  let notify: () => void = () => undefined;
  const claimed = new Promise<void>((resolve) => (notify = resolve));
  const doomed: FetchLike = async (input, init) => {
    calls += 1;
    if (calls === total) notify();
    if (calls <= forwarded) {
      const response = await fetch(input, init);
      await response.text();
    }
    return new Promise<Response>(() => undefined);
  };
  return { fetch: doomed, claimed };
}

describe('outbox resilience', () => {
  it('200 reports queued offline arrive exactly once, across a worker stopped mid-send', async () => {
    const name = freshDatabaseName();
    await receiver.stop(); // offline: connections are refused

    const first = open(name);
    const reports = Array.from({ length: 200 }, (_, i) =>
      sampleReport(`第 ${i + 1} 条：系统卡顿`, 'system-slow', START + i),
    );
    for (const report of reports) await first.outbox.add(report, clock.now);
    const offlineRun = await first.outbox.deliverDue(clock.now);
    expect(offlineRun).toMatchObject({ attempted: 200, retrying: 200, sent: 0 });
    expect((await first.outbox.counts()).queued).toBe(200);
    const wake = await first.outbox.nextWakeAt();
    expect(wake).not.toBeNull();

    // Back online. The worker wakes for the alarm and starts sending, and is stopped mid-way:
    // 10 reports are in flight, 6 of which the receiver already got.
    await receiver.start();
    clock.set(wake ?? 0);
    const dying = dyingFetch(6, 10);
    const second = open(name, { fetch: dying.fetch, concurrency: 10 });
    void second.outbox.deliverDue(clock.now);
    await dying.claimed;
    await receiver.waitForRequests(6);
    expect((await second.outbox.counts()).sending).toBe(10);
    second.db.close();

    // The worker (or the whole browser) starts again over the same IndexedDB.
    const third = open(name);
    expect(await third.outbox.counts()).toMatchObject({ sending: 10, queued: 190 });
    await third.outbox.deliverDue(clock.now);
    // The stuck ones wait for their lease to expire, then go out again with the same key.
    const stuck = await third.outbox.list({ statuses: ['sending'] });
    expect(stuck).toHaveLength(10);
    const leaseEnd = await third.outbox.nextWakeAt();
    expect(leaseEnd).toBe(clock.now + 15_000 + 60_000);

    await drain(third.outbox, clock);
    expect(await third.outbox.counts()).toMatchObject({ sent: 200, queued: 0, sending: 0 });
    expectEachStoredOnce(reports);
    const duplicates = receiver.requests.filter((request) => request.duplicate);
    expect(duplicates.length).toBeGreaterThanOrEqual(6);
    for (const request of duplicates)
      expect(stuck.map((record) => record.id)).toContain(request.key);

    // Nothing more is ever sent.
    const before = receiver.rawRequests;
    clock.advance(48 * 3600_000);
    await third.outbox.deliverDue(clock.now);
    expect(receiver.rawRequests).toBe(before);
    // No sleeping in here: the time is ~1 000 IndexedDB transactions and ~420 real HTTP requests,
    // which a loaded 2-core machine can take several seconds over.
  }, 30_000);

  it('a response lost after the receiver stored the report is resent and deduplicated', async () => {
    const { outbox } = open(freshDatabaseName());
    const report = sampleReport('登录后白屏', 'login-failed');
    await outbox.add(report);
    receiver.failNext({ kind: 'store-then-destroy' });

    await outbox.deliverDue(clock.now);
    expect(receiver.stored.has(report.id)).toBe(true);
    expect(await outbox.get(report.id)).toMatchObject({
      status: 'queued',
      lastError: { kind: 'network' },
    });

    await drain(outbox, clock);
    expect((await outbox.get(report.id))?.status).toBe('sent');
    expect(receiver.requests.map((request) => [request.key, request.duplicate])).toEqual([
      [report.id, false],
      [report.id, true],
    ]);
    expect(receiver.stored.size).toBe(1);
  });

  it('the browser closed mid-send: after restart the report is resent with the same key once', async () => {
    const name = freshDatabaseName();
    const report = sampleReport('审核卡在办公室环节', 'review-stuck');
    const dying = dyingFetch(1, 1);
    const before = open(name, { fetch: dying.fetch });
    await before.outbox.add(report);
    void before.outbox.deliverDue(clock.now);
    await dying.claimed;
    await receiver.waitForRequests(1);
    before.db.close();

    const after = open(name);
    const stuck = await after.outbox.get(report.id);
    expect(stuck).toMatchObject({ status: 'sending', attempts: 1 });
    await after.outbox.deliverDue(clock.now);
    expect(receiver.rawRequests).toBe(1); // lease still held: not resent yet

    await drain(after.outbox, clock);
    const record = await after.outbox.get(report.id);
    expect(record).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receiver.requests.map((request) => request.key)).toEqual([report.id, report.id]);
    expect(receiver.stored.size).toBe(1);
  });

  it('a crashed send that used the last attempt is failed with the interruption as reason', async () => {
    const name = freshDatabaseName();
    const report = sampleReport();
    const dying = dyingFetch(0, 1);
    const before = open(name, { fetch: dying.fetch, retry: { maxAttempts: 1 } });
    await before.outbox.add(report);
    void before.outbox.deliverDue(clock.now);
    await dying.claimed;
    before.db.close();

    const after = open(name, { retry: { maxAttempts: 1 } });
    await drain(after.outbox, clock);
    const record = await after.outbox.get(report.id);
    expect(record?.status).toBe('failed');
    expect(record?.lastError?.kind).toBe('interrupted');
    expect(receiver.rawRequests).toBe(0);
  });

  it('two delivery runs at once (background alarm + popup) never send a report twice', async () => {
    const name = freshDatabaseName();
    const a = open(name);
    const b = open(name);
    const reports = Array.from({ length: 40 }, (_, i) => sampleReport(`并发 ${i}`));
    for (const report of reports) await a.outbox.add(report);
    // Their clocks read a few ms apart, as two real contexts' Date.now() would.
    clock.advance(1000);
    await Promise.all([a.outbox.deliverDue(clock.now + 7), b.outbox.deliverDue(clock.now)]);
    expect(receiver.rawRequests).toBe(40);
    expectEachStoredOnce(reports);
  });
});

describe('clock set back', () => {
  it('a send interrupted before the system clock was set back is retried without waiting', async () => {
    const name = freshDatabaseName();
    const report = sampleReport();
    const dying = dyingFetch(0, 1);
    const before = open(name, { fetch: dying.fetch });
    await before.outbox.add(report);
    void before.outbox.deliverDue(clock.now);
    await dying.claimed;
    before.db.close();

    clock.set(START - 24 * 3600_000);
    const after = open(name);
    await after.outbox.deliverDue(clock.now);
    expect((await after.outbox.get(report.id))?.status).toBe('sent');
    expect(receiver.stored.has(report.id)).toBe(true);
  });
});

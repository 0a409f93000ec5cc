import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportExportSchema } from '../../../features/report/schema';
import type { ReportOutbox } from '../../../features/report/background/outbox';
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
  receiver = await startReportReceiver({ token: 'secret-token' });
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

function endpoint() {
  return { url: receiver.url, token: 'secret-token' };
}

function outboxFor(
  name = freshDatabaseName(),
  options: Parameters<typeof openOutbox>[1] = { endpoint },
) {
  const handle = openOutbox(name, { clock: clock.read, ...options });
  handles.push(handle);
  return handle.outbox;
}

async function statuses(outbox: ReportOutbox) {
  return outbox.counts();
}

describe('delivery', () => {
  it('POSTs the report with the bearer token and its id as Idempotency-Key, once', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    const added = await outbox.add(report);
    expect(added.status).toBe('queued');

    const run = await outbox.deliverDue(clock.now);
    expect(run).toMatchObject({ attempted: 1, sent: 1, retrying: 0, failed: 0 });
    expect(receiver.stored.get(report.id)).toEqual(report);
    expect(receiver.requests).toEqual([{ key: report.id, answer: 201, duplicate: false }]);
    expect(await outbox.get(report.id)).toMatchObject({ status: 'sent', sentStatus: 201 });
    expect(await outbox.nextWakeAt()).toBeNull();

    // A sent report is never sent again, however often delivery runs.
    clock.advance(7 * 24 * 3600_000);
    await outbox.deliverDue(clock.now);
    await outbox.retry([report.id]);
    await outbox.deliverDue(clock.now);
    expect(receiver.rawRequests).toBe(1);
  });

  it('a report made before the browser answered for the policy goes out once the endpoint is known', async () => {
    // A slow browser start: the administrator's endpoint is not known for the first seconds.
    let known = false;
    const outbox = outboxFor(freshDatabaseName(), {
      endpoint: () => (known ? endpoint() : null),
      policyPending: () => !known,
    });
    const added = await outbox.add(sampleReport());
    expect(added.status).toBe('local');
    known = true;
    await outbox.deliverDue(clock.read());
    expect((await outbox.get(added.id))?.status).toBe('sent');
    expect(receiver.stored.size).toBe(1);
  });

  it('a report kept local because no endpoint is configured stays local', async () => {
    let configured = false;
    const outbox = outboxFor(freshDatabaseName(), {
      endpoint: () => (configured ? endpoint() : null),
    });
    const added = await outbox.add(sampleReport());
    configured = true;
    await outbox.deliverDue(clock.read());
    // Sent only when the learner asks (重新发送), as before.
    expect((await outbox.get(added.id))?.status).toBe('local');
  });

  it('adding the same report twice stores and sends it once', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    await outbox.add(report);
    await outbox.deliverDue();
    expect(receiver.rawRequests).toBe(1);
    expect((await statuses(outbox)).sent).toBe(1);
  });

  it('a slow answer within the timeout is a success', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'slow', ms: 30 });
    await outbox.deliverDue();
    expect((await outbox.get(report.id))?.status).toBe('sent');
  });
});

describe('permanent failures', () => {
  it('a 4xx is failed with status and server message, and not retried', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'status', status: 422, message: '问题描述不能少于 5 个字' });

    const run = await outbox.deliverDue(clock.now);
    expect(run).toMatchObject({ attempted: 1, failed: 1 });
    const record = await outbox.get(report.id);
    expect(record?.status).toBe('failed');
    expect(record?.lastError).toMatchObject({ kind: 'http', status: 422 });
    expect(record?.lastError?.message).toBe(
      '接收服务器拒绝了报告（HTTP 422）：问题描述不能少于 5 个字',
    );
    expect(await outbox.nextWakeAt()).toBeNull();

    clock.advance(3 * 24 * 3600_000);
    await outbox.deliverDue(clock.now);
    expect(receiver.rawRequests).toBe(1);
    expect(receiver.stored.size).toBe(0);
  });

  it('the user can retry a failed report by hand', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'status', status: 400, message: 'bad' });
    await outbox.deliverDue();
    expect((await outbox.get(report.id))?.status).toBe('failed');

    const [retried] = await outbox.retry([report.id]);
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
    expect(retried?.lastError).toBeUndefined();
    await outbox.deliverDue();
    expect((await outbox.get(report.id))?.status).toBe('sent');
    expect(receiver.stored.has(report.id)).toBe(true);
  });

  it('a wrong token (401) is permanent', async () => {
    const outbox = outboxFor(undefined, { endpoint: () => ({ url: receiver.url, token: 'old' }) });
    const report = sampleReport();
    await outbox.add(report);
    await outbox.deliverDue();
    expect((await outbox.get(report.id))?.lastError?.message).toBe(
      '接收服务器拒绝了报告（HTTP 401）：令牌无效',
    );
  });

  it('long or HTML server messages are cleaned and cut to 200 characters', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'status', status: 413, message: `太大${'啊'.repeat(500)}` });
    await outbox.deliverDue();
    const message = (await outbox.get(report.id))?.lastError?.message ?? '';
    const serverPart = message.split('：')[1] ?? '';
    expect(serverPart).toHaveLength(200);
    expect(serverPart.endsWith('…')).toBe(true);
  });

  it('a redirect is not followed and is failed', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({
      kind: 'status',
      status: 302,
      headers: { Location: 'http://127.0.0.1:1/elsewhere' },
    });
    await outbox.deliverDue();
    expect((await outbox.get(report.id))?.lastError).toMatchObject({
      kind: 'redirect',
      status: 302,
    });
    expect(receiver.rawRequests).toBe(1);
  });
});

describe('retries', () => {
  it('a 500 is retried after the backoff, not before', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'status', status: 500 });

    expect(await outbox.deliverDue(clock.now)).toMatchObject({ attempted: 1, retrying: 1 });
    const queued = await outbox.get(report.id);
    expect(queued).toMatchObject({ status: 'queued', attempts: 1 });
    expect(queued?.lastError?.message).toContain('HTTP 500');
    // Base 30 s with equal jitter at random() = 0.5: 15 s + 0.5 × 15 s.
    expect(queued?.dueAt).toBe(START + 22_500);
    expect(await outbox.nextWakeAt()).toBe(START + 22_500);

    await outbox.deliverDue(START + 22_499);
    expect(receiver.rawRequests).toBe(1);
    await outbox.deliverDue(clock.set(START + 22_500));
    expect(receiver.rawRequests).toBe(2);
    expect(await outbox.get(report.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('429 waits for Retry-After', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '120' } });
    await outbox.deliverDue(clock.now);
    expect(await outbox.nextWakeAt()).toBe(START + 120_000);

    await outbox.deliverDue(START + 119_999);
    expect(receiver.rawRequests).toBe(1);
    await outbox.deliverDue(clock.set(START + 120_000));
    expect((await outbox.get(report.id))?.status).toBe('sent');
  });

  it('a dropped connection is retried', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'destroy' });
    await outbox.deliverDue(clock.now);
    const record = await outbox.get(report.id);
    expect(record).toMatchObject({ status: 'queued', lastError: { kind: 'network' } });
    await drain(outbox, clock);
    expect((await outbox.get(report.id))?.status).toBe('sent');
    expect(receiver.stored.size).toBe(1);
  });

  it('a hung request times out and is retried', async () => {
    const controllers: AbortController[] = [];
    const outbox = outboxFor(undefined, {
      endpoint,
      timeoutSignal: () => {
        const controller = new AbortController();
        controllers.push(controller);
        return controller.signal;
      },
    });
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'hang' });

    const delivering = outbox.deliverDue(clock.now);
    // The timeout fires once the receiver has the request and is sitting on it.
    await receiver.waitForRequests(1);
    controllers[0]?.abort(new DOMException('timed out', 'TimeoutError'));
    expect(await delivering).toMatchObject({ retrying: 1 });
    expect((await outbox.get(report.id))?.lastError).toMatchObject({
      kind: 'timeout',
      message: '接收服务器 15 秒内没有响应',
    });
    await drain(outbox, clock);
    expect((await outbox.get(report.id))?.status).toBe('sent');
  });

  it('the default timeout is AbortSignal.timeout(timeoutMs)', async () => {
    const outbox = outboxFor(undefined, { endpoint, timeoutMs: 20 });
    const report = sampleReport();
    await outbox.add(report);
    receiver.failNext({ kind: 'hang' });
    await outbox.deliverDue(clock.now);
    expect((await outbox.get(report.id))?.lastError?.kind).toBe('timeout');
  });

  it('gives up after the attempt limit with the last reason', async () => {
    const outbox = outboxFor(undefined, { endpoint, retry: { maxAttempts: 3 } });
    const report = sampleReport();
    await outbox.add(report);
    receiver.setMode({ kind: 'status', status: 503, message: '维护中' });
    await drain(outbox, clock);
    expect(receiver.rawRequests).toBe(3);
    const record = await outbox.get(report.id);
    expect(record).toMatchObject({ status: 'failed', attempts: 3 });
    expect(record?.lastError?.message).toBe('接收服务器暂时无法处理（HTTP 503）：维护中');
  });

  it('gives up when the next attempt would be more than 24 h after queueing', async () => {
    const outbox = outboxFor();
    const report = sampleReport();
    await outbox.add(report);
    receiver.setMode({
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': String(6 * 3600) },
    });
    await drain(outbox, clock);
    // Attempts at 0 h, 6 h, 12 h and 18 h; the next would be at 24 h + the request time.
    expect(receiver.rawRequests).toBe(4);
    expect((await outbox.get(report.id))?.status).toBe('failed');
  });
});

describe('no endpoint', () => {
  it('keeps reports local, sends nothing, and exports them as one JSON file', async () => {
    const spy = vi.fn(fetch);
    const outbox = outboxFor(undefined, { endpoint: () => null, fetch: spy });
    const first = sampleReport('第一条');
    const second = sampleReport('第二条', 'login-failed', START + 1000);
    expect((await outbox.add(first)).status).toBe('local');
    await outbox.add(second, START + 1000);

    expect(await outbox.deliverDue()).toMatchObject({ skipped: 'no-endpoint', attempted: 0 });
    expect(await outbox.nextWakeAt()).toBeNull();
    expect((await outbox.retry([first.id]))[0]?.status).toBe('local');
    expect(spy).not.toHaveBeenCalled();

    clock.set(START + 3_600_000);
    const all = await outbox.exportReports();
    expect(all.filename).toBe('zhiyin-reports-20261128-020000Z.json');
    const file = ReportExportSchema.parse(JSON.parse(all.text));
    expect(file.reports.map((report) => report.description)).toEqual(['第一条', '第二条']);
    expect((await outbox.get(first.id))?.exportedAt).toBe(START + 3_600_000);

    const selected = ReportExportSchema.parse(
      JSON.parse((await outbox.exportReports([second.id])).text),
    );
    expect(selected.reports).toEqual([second]);
  });

  it('refuses plain HTTP to anything but loopback', async () => {
    const spy = vi.fn(fetch);
    const outbox = outboxFor(undefined, {
      endpoint: () => ({ url: 'http://reports.example.gov.cn/in', token: 't' }),
      fetch: spy,
    });
    const report = sampleReport();
    expect((await outbox.add(report)).status).toBe('local');
    expect(await outbox.deliverDue()).toMatchObject({ skipped: 'invalid-endpoint' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('local reports are sent once an endpoint exists and the user sends them', async () => {
    let configured = false;
    const outbox = outboxFor(undefined, { endpoint: () => (configured ? endpoint() : null) });
    const report = sampleReport();
    await outbox.add(report);
    configured = true;
    await outbox.deliverDue();
    expect(receiver.rawRequests).toBe(0);
    await outbox.retry([report.id]);
    await outbox.deliverDue();
    expect(receiver.stored.has(report.id)).toBe(true);
  });

  it('queued reports wait, unsent, while the endpoint is removed', async () => {
    let configured = true;
    const outbox = outboxFor(undefined, { endpoint: () => (configured ? endpoint() : null) });
    const report = sampleReport();
    await outbox.add(report);
    configured = false;
    expect(await outbox.deliverDue()).toMatchObject({ skipped: 'no-endpoint' });
    expect(await outbox.nextWakeAt()).toBeNull();
    configured = true;
    expect(await outbox.nextWakeAt()).toBe(START);
    await outbox.deliverDue();
    expect(receiver.stored.size).toBe(1);
  });
});

describe('bookkeeping', () => {
  it('lists newest first, counts by status, removes and prunes', async () => {
    const outbox = outboxFor();
    const reports = [0, 1, 2].map((i) => sampleReport(`第 ${i} 条`, 'other', START + i));
    for (const [i, report] of reports.entries()) await outbox.add(report, START + i);
    receiver.failNext({ kind: 'status', status: 400 });
    await outbox.deliverDue(START + 10);

    expect((await outbox.list()).map((record) => record.report.description)).toEqual([
      '第 2 条',
      '第 1 条',
      '第 0 条',
    ]);
    expect(await outbox.counts()).toEqual({ local: 0, queued: 0, sending: 0, sent: 2, failed: 1 });
    expect(await outbox.list({ statuses: ['failed'] })).toHaveLength(1);

    await outbox.remove([reports[0]?.id ?? '']);
    expect(await outbox.pruneSent(START + 11)).toBe(2);
    expect((await outbox.counts()).sent).toBe(0);
  });
});

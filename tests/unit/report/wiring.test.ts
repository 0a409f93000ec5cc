/**
 * The report flow as the background wires it: submit → outbox → alarm-driven delivery, with the
 * popup's list rows, against the real local receiver.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_OUTBOX_ALARM, runReportOutbox } from '../../../features/report/background/alarm';
import { submitReport, toReportListItem } from '../../../features/report/background/service';
import { startReportReceiver, type ReportReceiver } from '../../support/report-receiver';
import { FakeClock, freshDatabaseName, openOutbox, START, type OutboxHandle } from './helpers';

let receiver: ReportReceiver;
const handles: OutboxHandle[] = [];

beforeAll(async () => {
  receiver = await startReportReceiver({ token: 'w' });
});
afterAll(async () => {
  await receiver.stop();
});
afterEach(() => {
  for (const handle of handles.splice(0)) handle.db.close();
});

const env = {
  page: { url: 'https://oa.example.gov.cn/login?user=zhangsan', title: '统一身份认证' },
  frame: { top: true, url: null },
  userAgent: 'Mozilla/5.0 Chrome/156.0.0.0 Safari/537.36',
  extensionVersion: '0.1.0',
};

function fakeAlarms() {
  const alarms = new Map<string, number>();
  return {
    alarms,
    create: (name: string, info: { when: number }) => alarms.set(name, info.when),
    clear: (name: string) => alarms.delete(name),
  };
}

describe('report flow', () => {
  it('submit, deliver from the alarm, retry on 503, and show the rows', async () => {
    const clock = new FakeClock();
    const handle = openOutbox(freshDatabaseName(), {
      endpoint: () => ({ url: receiver.url, token: 'w' }),
      clock: clock.read,
    });
    handles.push(handle);
    const { outbox } = handle;
    const alarms = fakeAlarms();

    const reply = await submitReport(
      outbox,
      {
        category: 'login-failed',
        description: '输入密码：Qwer1234 后提示账号锁定，电话 13800138000',
      },
      env,
      { now: clock.now },
    );
    expect(reply).toMatchObject({
      status: 'queued',
      scrubbed: { password: 1, mobile: 1 },
      scrubSummary: '已隐去 2 处个人信息（手机号 1 处、密码 1 处）',
    });

    receiver.failNext({ kind: 'status', status: 503, headers: { 'Retry-After': '60' } });
    await runReportOutbox(outbox, alarms, clock.read);
    expect(alarms.alarms.get(REPORT_OUTBOX_ALARM)).toBe(START + 60_000);
    const waiting = toReportListItem((await outbox.get(reply.id))!, clock.now, {
      endpointConfigured: true,
    });
    expect(waiting).toMatchObject({
      status: 'queued',
      categoryLabel: '登录失败',
      preview: '输入密码：[密码] 后提示账号锁定，电话 [手机号]',
      statusText: {
        label: '等待发送',
        detail:
          '接收服务器暂时无法处理（HTTP 503）：injected 503；将在约 1 分钟后自动重试（已尝试 1 次）',
      },
    });

    clock.set(START + 60_000); // the alarm fires
    await runReportOutbox(outbox, alarms, clock.read);
    expect(alarms.alarms.has(REPORT_OUTBOX_ALARM)).toBe(false);
    expect(receiver.stored.get(reply.id)?.description).toBe(
      '输入密码：[密码] 后提示账号锁定，电话 [手机号]',
    );
    expect(receiver.stored.get(reply.id)?.context.page.url).toBe(
      'https://oa.example.gov.cn/login?user=',
    );
    const sent = toReportListItem((await outbox.get(reply.id))!, clock.now, {
      endpointConfigured: true,
    });
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: START + 60_000,
      statusText: { label: '已发送' },
    });
  });

  it('without an endpoint the report stays local and no alarm is set', async () => {
    const handle = openOutbox(freshDatabaseName(), { endpoint: () => null });
    handles.push(handle);
    const alarms = fakeAlarms();
    const requestsBefore = receiver.rawRequests;
    const reply = await submitReport(
      handle.outbox,
      { category: 'feature-request', description: '希望公文能批量导出' },
      env,
    );
    expect(reply).toMatchObject({ status: 'local', scrubSummary: null });
    expect(await runReportOutbox(handle.outbox, alarms)).toMatchObject({ skipped: 'no-endpoint' });
    expect(alarms.alarms.size).toBe(0);
    expect(receiver.rawRequests).toBe(requestsBefore);
  });
});

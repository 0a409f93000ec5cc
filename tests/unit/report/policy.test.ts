import { describe, expect, it } from 'vitest';
import {
  REPORT_OUTBOX_ALARM,
  runReportOutbox,
  scheduleReportOutbox,
} from '../../../features/report/background/alarm';
import { backoffDelay, parseRetryAfter } from '../../../lib/platform/outbox';
import { checkReportEndpoint } from '../../../features/report/endpoint';
import type { OutboxRecord } from '../../../features/report/records';
import { REPORT_RETRY_POLICY, type DeliveryRun } from '../../../features/report/background/outbox';
import { describeReportStatus } from '../../../features/report/status-text';
import { sampleReport, START } from './helpers';

describe('checkReportEndpoint', () => {
  it.each([
    'https://reports.example.gov.cn/zhiyin',
    'http://127.0.0.1:8080/in',
    'http://localhost/in',
    'http://127.5.6.7/in',
    'http://[::1]:9000/in',
  ])('accepts %s', (url) => {
    expect(checkReportEndpoint(url).ok).toBe(true);
  });

  it.each([
    ['http://reports.example.gov.cn/in', '接收地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）'],
    ['http://10.0.0.5/in', '接收地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）'],
    ['http://localhost.example.com/in', '接收地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）'],
    ['https://user:pw@reports.example.gov.cn/in', '接收地址中不能包含用户名或密码，请改用令牌'],
    ['ftp://reports.example.gov.cn/in', '不支持的协议 ftp:，接收地址必须使用 HTTPS'],
    ['reports', '接收地址不是有效的网址'],
  ])('refuses %s', (url, message) => {
    expect(checkReportEndpoint(url)).toEqual({ ok: false, message });
  });
});

describe('backoff', () => {
  const policy = REPORT_RETRY_POLICY;

  it('doubles from 30 s up to 1 h, with jitter between half and all of it', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(15_000);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(30_000);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(45_000);
    expect(backoffDelay(5, policy, () => 0.999999)).toBe(480_000);
    expect(backoffDelay(9, policy, () => 1 - 1e-12)).toBe(3_600_000);
    expect(backoffDelay(50, policy, () => 0)).toBe(1_800_000);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', START)).toBe(120_000);
    expect(parseRetryAfter(new Date(START + 90_000).toUTCString(), START)).toBe(90_000);
    expect(parseRetryAfter(new Date(START - 90_000).toUTCString(), START)).toBe(0);
    expect(parseRetryAfter('soon', START)).toBeNull();
    expect(parseRetryAfter(null, START)).toBeNull();
  });
});

describe('alarm wiring', () => {
  function fakeAlarms() {
    const calls: string[] = [];
    return {
      calls,
      create: (name: string, info: { when: number }) => calls.push(`create ${name} ${info.when}`),
      clear: (name: string) => calls.push(`clear ${name}`),
    };
  }
  const run: DeliveryRun = { skipped: null, attempted: 1, sent: 1, retrying: 0, failed: 0 };

  it('sets the alarm at the next wake time, or clears it', async () => {
    const alarms = fakeAlarms();
    await scheduleReportOutbox({ nextWakeAt: async () => START + 5000 }, alarms);
    await scheduleReportOutbox({ nextWakeAt: async () => null }, alarms);
    expect(alarms.calls).toEqual([
      `create ${REPORT_OUTBOX_ALARM} ${START + 5000}`,
      `clear ${REPORT_OUTBOX_ALARM}`,
    ]);
  });

  it('joins a run already under way instead of starting another', async () => {
    let deliveries = 0;
    let finish: () => void = () => undefined;
    const outbox = {
      deliverDue: async (now?: number) => {
        deliveries += 1;
        expect(now).toBe(START);
        await new Promise<void>((resolve) => (finish = resolve));
        return run;
      },
      nextWakeAt: async () => START + 30_000,
    };
    const alarms = fakeAlarms();
    const first = runReportOutbox(outbox, alarms, () => START);
    const second = runReportOutbox(outbox, alarms, () => START);
    finish();
    expect(await Promise.all([first, second])).toEqual([run, run]);
    expect(deliveries).toBe(1);
    expect(alarms.calls).toEqual([
      `create ${REPORT_OUTBOX_ALARM} ${START + 30_000}`,
      `create ${REPORT_OUTBOX_ALARM} ${START + 30_000}`,
    ]);
  });
});

describe('describeReportStatus', () => {
  const base: OutboxRecord = {
    id: 'x',
    createdAt: START,
    updatedAt: START,
    status: 'queued',
    report: sampleReport(),
    attempts: 3,
    cycleStartedAt: START,
  };

  it('explains a waiting retry with its reason and timing', () => {
    expect(
      describeReportStatus(
        {
          ...base,
          dueAt: START + 5 * 60_000,
          lastError: { kind: 'network', message: '无法连接接收服务器，可能是网络中断', at: START },
        },
        START,
        { endpointConfigured: true },
      ),
    ).toEqual({
      label: '等待发送',
      detail: '无法连接接收服务器，可能是网络中断；将在约 5 分钟后自动重试（已尝试 3 次）',
      canRetry: false,
    });
  });

  it('offers a retry for failed reports and says where local ones can go', () => {
    const failed = describeReportStatus(
      {
        ...base,
        status: 'failed',
        lastError: {
          kind: 'http',
          status: 422,
          message: '接收服务器拒绝了报告（HTTP 422）',
          at: START,
        },
      },
      START,
      { endpointConfigured: true },
    );
    expect(failed).toEqual({
      label: '发送失败',
      detail: '接收服务器拒绝了报告（HTTP 422）',
      canRetry: true,
    });
    expect(
      describeReportStatus({ ...base, status: 'local' }, START, { endpointConfigured: false }),
    ).toEqual({
      label: '仅保存在本机',
      detail: '管理员未配置接收地址，可导出为文件后通过其他方式发送',
      canRetry: false,
    });
  });
});

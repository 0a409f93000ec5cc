// @vitest-environment happy-dom
/**
 * 我的报告 shows the automatic report of a refused content pack (features/packs/refusal-report.ts)
 * like the learner's own reports, with a line saying which pack was refused and why, in the
 * learner's language: the real report, the real list item (the background's toReportListItem),
 * the real view; only the message to the background is answered here.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPackRefusalReport } from '../../../features/packs/refusal-report';
import { describePackRefusal } from '../../../features/packs/refusal-text';
import { createReport } from '../../../features/report/create';
import { toReportListItem } from '../../../features/report/background/service';
import type { OutboxRecord } from '../../../features/report/records';
import type { ProblemReport } from '../../../features/report/schema';

const sendMessage = vi.fn();
vi.mock('../../../app/protocol', () => ({
  sendMessage: (...args: unknown[]) => sendMessage(...args) as unknown,
}));

const { MyReports } = await import('../../../features/report/views/MyReports');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ENV = { userAgent: 'Chrome/120', extensionVersion: '0.9.0' };
const NOW = Date.UTC(2026, 11, 7, 6, 0);

function stored(report: ProblemReport, createdAt: number): OutboxRecord {
  return {
    id: report.id,
    createdAt,
    updatedAt: createdAt,
    status: 'local',
    report,
    attempts: 0,
    cycleStartedAt: null,
  };
}

const rollback = createPackRefusalReport(
  'https://xxzx.example.gov.cn/zhiyin/pack.json?token=s3cret',
  {
    kind: 'rollback',
    message:
      '版本回退被拒绝：收到第 1 版，已应用第 2 版 / version rollback refused: got version 1, version 2 is already applied',
    packId: 'xxzx-training',
    version: 1,
    keyId: 'k1',
  },
  ENV,
  { now: NOW },
);
const unreadable = createPackRefusalReport(
  'https://xxzx.example.gov.cn/zhiyin/pack.json',
  { kind: 'json', message: '内容包不是 UTF-8 文本 / the pack is not UTF-8 text' },
  ENV,
  { now: NOW - 60_000 },
);
const own = createReport(
  { category: 'attachment-upload-failed', description: '附件上传一直转圈' },
  {
    ...ENV,
    page: null,
    frame: null,
    locale: 'zh_CN',
    role: '业务操作人员',
    tour: null,
    failedSteps: [],
  },
  { now: NOW - 120_000 },
).report;

const items = [
  stored(rollback, NOW),
  stored(unreadable, NOW - 60_000),
  stored(own, NOW - 120_000),
].map((record) => toReportListItem(record, NOW, { endpointConfigured: false }));

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  sendMessage.mockReset();
  sendMessage.mockResolvedValue(items);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

async function render(language: 'zh_CN' | 'en') {
  await act(async () => root.render(<MyReports language={language} revision={0} />));
  return [...host.querySelectorAll('li')];
}

describe('我的报告: a refused content pack', () => {
  it('is listed with which pack was refused and why, in Chinese, beside the learner’s own reports', async () => {
    const [first, second, third] = await render('zh_CN');
    expect(sendMessage).toHaveBeenCalledWith('page:listReports', { limit: 50 });
    expect(first?.getAttribute('data-pack-refusal')).toBe('rollback');
    expect(first?.querySelector('strong')?.textContent).toBe('内容包被拒绝');
    expect(first?.querySelector('.zy-report-preview')?.textContent).toBe(
      '内容包 xxzx-training 第 1 版未被采用：版本回退被拒绝：收到第 1 版，已应用第 2 版。原有内容继续使用。',
    );
    // The address as the report carries it: redacted (no token).
    expect(first?.textContent).toContain('来源：https://xxzx.example.gov.cn/zhiyin/pack.json');
    expect(first?.textContent).not.toContain('s3cret');
    // Nothing about the pack could be read: the line still says what and why.
    expect(second?.querySelector('.zy-report-preview')?.textContent).toBe(
      '内容包未被采用：内容包不是 UTF-8 文本。原有内容继续使用。',
    );
    // Like any report: its status and what can be done with it.
    expect(first?.getAttribute('data-status')).toBe('local');
    expect(first?.querySelector('button[aria-label^="导出"]')?.getAttribute('aria-label')).toMatch(
      /^导出.*：内容包被拒绝 /,
    );
    // The learner's own report reads as before.
    expect(third?.hasAttribute('data-pack-refusal')).toBe(false);
    expect(third?.querySelector('.zy-report-preview')?.textContent).toBe('附件上传一直转圈');
  });

  it('a refusal without words of its own says the short reason', () => {
    expect(
      describePackRefusal('zh_CN', {
        packUrl: 'https://xxzx.example.gov.cn/p.json',
        packId: null,
        version: null,
        reason: 'signature',
        message: '',
      }).line,
    ).toBe('内容包未被采用（签名校验失败）。原有内容继续使用。');
    expect(
      describePackRefusal('en', {
        packUrl: 'https://xxzx.example.gov.cn/p.json',
        packId: 'a',
        version: 2,
        reason: 'size',
        message: '',
      }).line,
    ).toBe(
      'Content pack a version 2 was not applied (file too large). The content in use keeps running.',
    );
  });

  it('reads in English for an English learner', async () => {
    const [first] = await render('en');
    expect(first?.querySelector('strong')?.textContent).toBe('Content pack refused');
    expect(first?.querySelector('.zy-report-preview')?.textContent).toBe(
      'Content pack xxzx-training version 1 was not applied: version rollback refused: got version 1, version 2 is already applied. The content in use keeps running.',
    );
    expect(first?.textContent).toContain('Source: https://xxzx.example.gov.cn/zhiyin/pack.json');
  });
});

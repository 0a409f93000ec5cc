/**
 * What the popup shows for a report's delivery state, in Simplified Chinese.
 */
import type { OutboxRecord } from './records';

export interface ReportStatusText {
  /** Short label: 已发送, 等待发送, 发送中, 发送失败, 仅保存在本机. */
  label: string;
  /** A sentence with the reason or timing, or null. */
  detail: string | null;
  /** Whether 重新发送 makes sense (failed; local once an endpoint exists). */
  canRetry: boolean;
}

function minutesFromNow(at: number, now: number): string {
  const minutes = Math.max(0, Math.round((at - now) / 60_000));
  if (minutes < 1) return '不到 1 分钟后';
  if (minutes < 60) return `约 ${minutes} 分钟后`;
  return `约 ${Math.round(minutes / 60)} 小时后`;
}

export function describeReportStatus(
  record: OutboxRecord,
  now: number,
  options: { endpointConfigured: boolean },
): ReportStatusText {
  switch (record.status) {
    case 'sent':
      return { label: '已发送', detail: null, canRetry: false };
    case 'sending':
      return { label: '发送中', detail: null, canRetry: false };
    case 'queued':
      return {
        label: '等待发送',
        detail:
          record.lastError && record.dueAt !== undefined
            ? `${record.lastError.message}；将在${minutesFromNow(record.dueAt, now)}自动重试（已尝试 ${record.attempts} 次）`
            : null,
        canRetry: false,
      };
    case 'failed':
      return {
        label: '发送失败',
        detail: record.lastError?.message ?? null,
        canRetry: true,
      };
    case 'local':
      return {
        label: '仅保存在本机',
        detail: options.endpointConfigured
          ? '可以点击“发送”交给管理员配置的接收地址'
          : '管理员未配置接收地址，可导出为文件后通过其他方式发送',
        canRetry: options.endpointConfigured,
      };
  }
}

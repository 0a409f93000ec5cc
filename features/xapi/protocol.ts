/** Messages of the options page about the learning record store (xAPI). */
import type { LrsAuth } from './config';
import type { XapiDeliveryRecord } from './records';

export interface XapiQueueStatus {
  pending: number;
  rejected: number;
  consecutiveFailures: number;
  retryAt: number | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: XapiDeliveryRecord['lastError'];
  dropped: number;
}

export interface XapiStatusView extends XapiQueueStatus {
  /** An LRS is configured (policy); without one nothing is sent. */
  configured: boolean;
  endpoint: string | null;
  /**
   * Why the LRS refused the `rejected` statements: one entry per distinct answer (HTTP status and
   * the LRS's message), most frequent first, at most {@link MAX_REJECTED_REASONS}.
   */
  rejectedReasons: RejectedReason[];
}

export interface RejectedReason {
  status: number | null;
  message: string;
  count: number;
}

export type ConnectionTest =
  | { ok: true; status: number; message: string }
  | { ok: false; status: number | null; message: string };

/** xAPI messages of the options page 管理员设置 → 学习记录库 (routes: features/xapi/background/service.ts). */
export interface XapiMessages {
  /** Queue and delivery state of the xAPI outbox. */
  'page:xapiStatus'(): XapiStatusView;
  /** 立即发送: deliver queued statements now, also while backing off after a failure. */
  'page:xapiFlush'(): XapiStatusView;
  /** 重新发送被拒绝的记录: requeue the statements the LRS refused and try them again now. */
  'page:xapiRequeueRejected'(): { requeued: number; status: XapiStatusView };
  /** 测试连接: ask an LRS (the form's values, not necessarily saved) whether it accepts them. */
  'page:xapiTest'(data: { endpoint: string; auth: LrsAuth }): ConnectionTest;
}

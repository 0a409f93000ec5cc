/**
 * The background's side of the report messages, framework-free: what to do when the popup or the
 * overlay submits a report, and what the popup's list shows. The background router calls these
 * and then {@link runReportOutbox} so the report goes out at once when an endpoint is configured.
 */
import {
  createReport,
  type CreateReportOptions,
  type ReportDraft,
  type ReportEnvironment,
} from '../create';
import type { OutboxRecord, OutboxStatus } from './outbox-db';
import type { ReportOutbox } from './outbox';
import type { ReportCategory } from '../schema';
import { describeScrub, type ScrubCounts } from '../scrub';
import { describeReportStatus, type ReportStatusText } from '../status-text';

/** Reply to a submitted report. */
export interface SubmitReportReply {
  id: string;
  /** `queued` when it will be sent, `local` when no endpoint is configured. */
  status: OutboxStatus;
  scrubbed: ScrubCounts;
  /** e.g. "已隐去 2 处个人信息（身份证号 1 处、手机号 1 处）"; null when nothing was hidden. */
  scrubSummary: string | null;
}

/** Scrubs, builds and stores a report. Throws a ZodError for an invalid draft. */
export async function submitReport(
  outbox: Pick<ReportOutbox, 'add'>,
  draft: ReportDraft,
  env: ReportEnvironment,
  options: CreateReportOptions = {},
): Promise<SubmitReportReply> {
  const { report, scrubbed } = createReport(draft, env, options);
  const record = await outbox.add(report, options.now);
  return { id: record.id, status: record.status, scrubbed, scrubSummary: describeScrub(scrubbed) };
}

/** One row of the popup's 我的报告 list (plain JSON, safe to send in a message). */
export interface ReportListItem {
  id: string;
  /** Epoch ms. */
  createdAt: number;
  category: ReportCategory;
  categoryLabel: string;
  /** The (scrubbed) description, cut to 80 characters. */
  preview: string;
  status: OutboxStatus;
  statusText: ReportStatusText;
  attempts: number;
  sentAt: number | null;
  exportedAt: number | null;
}

export function toReportListItem(
  record: OutboxRecord,
  now: number,
  options: { endpointConfigured: boolean },
): ReportListItem {
  const description = record.report.description;
  return {
    id: record.id,
    createdAt: record.createdAt,
    category: record.report.category,
    categoryLabel: record.report.categoryLabel,
    preview: description.length > 80 ? `${description.slice(0, 79)}…` : description,
    status: record.status,
    statusText: describeReportStatus(record, now, options),
    attempts: record.attempts,
    sentAt: record.sentAt ?? null,
    exportedAt: record.exportedAt ?? null,
  };
}

/**
 * The background's side of the report messages, framework-free: what to do when the popup or the
 * overlay submits a report, and what the popup's list shows. The background router calls these
 * and then {@link runReportOutbox} so the report goes out at once when an endpoint is configured.
 */
import type { ReportListItem, SubmitReportReply } from '../protocol';
import {
  createReport,
  type CreateReportOptions,
  type ReportDraft,
  type ReportEnvironment,
} from '../create';
import type { OutboxRecord } from '../records';
import type { ReportOutbox } from './outbox';
import { describeScrub } from '../../../lib/privacy/personal-data';
import { describeReportStatus } from '../status-text';

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

export function toReportListItem(
  record: OutboxRecord,
  now: number,
  options: { endpointConfigured: boolean },
): ReportListItem {
  const description = record.report.description;
  const refusal = record.report.packRefusal;
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
    ...(refusal
      ? {
          packRefusal: {
            packUrl: refusal.packUrl,
            packId: refusal.packId,
            version: refusal.version,
            reason: refusal.reason,
            message: refusal.message,
          },
        }
      : {}),
  };
}

/**
 * One-click problem reporting: scrub, build, store, deliver, export. See docs/report-format.md.
 */
export {
  addScrubCounts,
  describeScrub,
  scrubPersonalData,
  SCRUB_KIND_LABELS,
  SCRUB_KINDS,
  SCRUB_PLACEHOLDERS,
  type ScrubCounts,
  type ScrubKind,
  type ScrubResult,
} from './scrub';
export {
  categoryLabel,
  ProblemReportSchema,
  REPORT_CATEGORIES,
  REPORT_EXPORT_FORMAT,
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
  ReportExportSchema,
  reportJsonSchema,
  type ProblemReport,
  type ReportCategory,
  type ReportContext,
  type ReportExport,
  type ReportFailedStep,
  type ReportTour,
} from './schema';
export {
  createReport,
  describeBrowser,
  recentFailedSteps,
  redactReportUrl,
  reportTourFrom,
  type CreatedReport,
  type CreateReportOptions,
  type ReportDraft,
  type ReportEnvironment,
} from './create';
export { checkReportEndpoint, type EndpointCheck, type ReportEndpoint } from './endpoint';
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryPolicy,
} from './background/backoff';
export {
  OUTBOX_STATUSES,
  REPORT_OUTBOX_STORES,
  ReportOutboxDatabase,
  type OutboxFailure,
  type OutboxFailureKind,
  type OutboxRecord,
  type OutboxStatus,
} from './background/outbox-db';
export {
  ReportOutbox,
  type DeliveryRun,
  type FetchLike,
  type ReportExportFile,
  type ReportOutboxOptions,
} from './background/outbox';
export {
  REPORT_OUTBOX_ALARM,
  runReportOutbox,
  scheduleReportOutbox,
  type AlarmsLike,
} from './background/alarm';
export { describeReportStatus, type ReportStatusText } from './status-text';
export {
  submitReport,
  toReportListItem,
  type ReportListItem,
  type SubmitReportReply,
} from './background/service';

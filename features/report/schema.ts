/**
 * The problem report format (schemaVersion 1): what the extension stores in its outbox, POSTs to
 * the administrator's endpoint and writes into export files. Human documentation with an example:
 * docs/report-format.md; JSON Schema: docs/report-schema.json (generated from these schemas by
 * `npx tsx scripts/report-schema.ts` (npm script `report:schema`)).
 *
 * Compatibility rule: within schemaVersion 1 only new *optional* fields may be added, so receivers
 * must ignore fields they do not know. Removing, renaming or changing the meaning of a field bumps
 * schemaVersion.
 */
import { z } from 'zod';
import { SCRUB_KINDS } from '../../lib/privacy/personal-data';

export const REPORT_SCHEMA_VERSION = 1;

/** Categories in the order the report form lists them; ids are stable, labels are for people. */
export const REPORT_CATEGORIES = [
  { id: 'login-failed', label: '登录失败' },
  { id: 'attachment-upload-failed', label: '附件上传失败' },
  { id: 'review-stuck', label: '审核流程卡顿' },
  { id: 'data-sync-error', label: '数据同步异常' },
  { id: 'system-slow', label: '系统卡顿' },
  { id: 'feature-request', label: '功能缺失/建议' },
  { id: 'other', label: '其他' },
] as const;

export type ReportCategory = (typeof REPORT_CATEGORIES)[number]['id'];

const CATEGORY_IDS = REPORT_CATEGORIES.map((category) => category.id) as [
  ReportCategory,
  ...ReportCategory[],
];

export function categoryLabel(category: ReportCategory): string {
  return REPORT_CATEGORIES.find((entry) => entry.id === category)?.label ?? '其他';
}

/** Limits, also enforced by the report form. */
export const REPORT_LIMITS = {
  descriptionChars: 4000,
  /** A JPEG data URL of a 1920×1080 viewport at quality 70 is about 300–600 kB. */
  screenshotChars: 4_000_000,
  titleChars: 300,
  urlChars: 2000,
  failedSteps: 20,
} as const;

const isoDateTime = z.iso.datetime({ offset: false }).describe('UTC time, ISO 8601 (…Z)');

export const ReportRedactionsSchema = z
  .object(
    Object.fromEntries(SCRUB_KINDS.map((kind) => [kind, z.int().positive().optional()])) as Record<
      (typeof SCRUB_KINDS)[number],
      z.ZodOptional<z.ZodInt>
    >,
  )
  .describe(
    'How many spans of each kind were replaced by a placeholder in description and page title ' +
      '(kinds with none are absent).',
  );

export const ReportTourSchema = z
  .object({
    id: z.string().min(1).describe('Tour id (stable).'),
    title: z.string().nullable(),
    status: z.string().describe('Runner status, e.g. running, waiting-for-target, paused.'),
    stepIndex: z.int().nonnegative().describe('0-based index of the current step.'),
    stepId: z.string().nullable(),
    stepTitle: z.string().nullable(),
  })
  .describe('The tour shown in this tab when the report was made.');

export const ReportFailedStepSchema = z.object({
  tourId: z.string().min(1),
  stepId: z.string().nullable(),
  stepIndex: z.int().nonnegative(),
  at: isoDateTime,
  reason: z
    .string()
    .nullable()
    .describe('Why the step failed, e.g. not-found, hidden, ambiguous, timeout.'),
});

export const ReportContextSchema = z.object({
  page: z.object({
    url: z
      .string()
      .max(REPORT_LIMITS.urlChars)
      .nullable()
      .describe(
        'Page address; query and fragment values removed, id-like path segments and tokens masked.',
      ),
    title: z.string().max(REPORT_LIMITS.titleChars).nullable().describe('Scrubbed page title.'),
  }),
  frame: z
    .object({
      top: z.boolean().describe('False when the report came from inside an iframe.'),
      url: z.string().max(REPORT_LIMITS.urlChars).nullable().describe('Frame address, redacted.'),
    })
    .nullable(),
  browser: z.object({
    name: z.string().describe('e.g. Chrome, Edge, Firefox, 360, QQ浏览器, 搜狗浏览器.'),
    version: z.string().nullable(),
    userAgent: z.string(),
  }),
  extension: z.object({ version: z.string() }),
  locale: z.string().nullable().describe('UI language, e.g. zh-CN.'),
  role: z.string().nullable().describe('The learner role chosen in the extension, if any.'),
  tour: ReportTourSchema.nullable(),
  failedSteps: z
    .array(ReportFailedStepSchema)
    .max(REPORT_LIMITS.failedSteps)
    .describe('Recent tour steps that failed in this tab, newest first.'),
});

/**
 * A content pack the extension refused (signature, format, rollback, size, content…), reported
 * automatically once per distinct refusal (features/packs/refusal-report.ts). Holds no personal
 * data: the pack address (redacted like page addresses), what the file claims and why it failed.
 */
export const PackRefusalReportSchema = z.object({
  packUrl: z.string().max(REPORT_LIMITS.urlChars).describe('Pack address, redacted.'),
  packId: z.string().max(100).nullable().describe('The pack id the file names, if readable.'),
  version: z.int().nullable().describe('The version the file names, if readable.'),
  keyId: z.string().max(40).nullable().describe('The signing key id the file names, if readable.'),
  reason: z
    .enum(['size', 'json', 'format', 'signature', 'rollback', 'content', 'source'])
    .describe('Which check refused it.'),
  message: z.string().max(2000).describe('The refusal as the options page shows it (scrubbed).'),
  errors: z
    .array(z.object({ path: z.string().max(300), message: z.string().max(500) }))
    .max(20)
    .describe('Content errors with their paths inside the pack (first 20).'),
});

export const ProblemReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    id: z
      .uuid()
      .describe('Made when the report is created; also sent as the Idempotency-Key header.'),
    createdAt: isoDateTime,
    category: z.enum(CATEGORY_IDS),
    categoryLabel: z.string().describe('The category as the user saw it, e.g. 附件上传失败.'),
    description: z
      .string()
      .max(REPORT_LIMITS.descriptionChars)
      .describe('What the user wrote, scrubbed of personal data (placeholders like [手机号]).'),
    redactions: ReportRedactionsSchema,
    screenshot: z
      .object({
        mimeType: z.enum(['image/jpeg', 'image/png']),
        dataUrl: z
          .string()
          .max(REPORT_LIMITS.screenshotChars)
          .regex(/^data:image\/(jpeg|png);base64,/, {
            error: 'screenshot must be a JPEG/PNG data URL',
          }),
        maskedRegions: z
          .int()
          .nonnegative()
          .describe(
            'How many regions (passwords, sensitive fields, personal data) were covered before capture.',
          ),
      })
      .nullable()
      .optional()
      .describe(
        'Visible area of the page, with personal data covered before the capture; null when none.',
      ),
    context: ReportContextSchema,
    packRefusal: PackRefusalReportSchema.optional().describe(
      'Present only on automatic reports of a refused content pack (features/packs): no person ' +
        'wrote them, category is "other".',
    ),
  })
  .describe('Zhiyin 指引 problem report');

export type ProblemReport = z.infer<typeof ProblemReportSchema>;
export type ReportContext = z.infer<typeof ReportContextSchema>;
export type ReportTour = z.infer<typeof ReportTourSchema>;
export type ReportFailedStep = z.infer<typeof ReportFailedStepSchema>;

export const REPORT_EXPORT_FORMAT = 'zhiyin.problem-reports';

/** A file of reports exported to be sent another way (no endpoint configured). */
export const ReportExportSchema = z
  .object({
    format: z.literal(REPORT_EXPORT_FORMAT),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    exportedAt: isoDateTime,
    reports: z.array(ProblemReportSchema),
  })
  .describe('Zhiyin 指引 problem report export file');

export type ReportExport = z.infer<typeof ReportExportSchema>;

/**
 * JSON Schema (draft 2020-12) of one report, with the export file under `$defs.ReportExport`.
 * Written to docs/report-schema.json by scripts/report-schema.ts.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const report = z.toJSONSchema(ProblemReportSchema, { target: 'draft-2020-12', io: 'input' });
  const exportFile = z.toJSONSchema(ReportExportSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema: _ignored, ...exportBody } = exportFile;
  // Each exported report is a report: point at the root schema instead of repeating it.
  const exportProperties = exportBody.properties as Record<string, Record<string, unknown>>;
  exportProperties.reports = { ...exportProperties.reports, items: { $ref: '#' } };
  return {
    ...report,
    $id: 'https://zhiyin.local/schemas/problem-report-v1.json',
    title: 'Zhiyin 指引 problem report (schemaVersion 1)',
    $defs: {
      ...((report.$defs as Record<string, unknown> | undefined) ?? {}),
      ReportExport: exportBody,
    },
  };
}

/** The exact text of docs/report-schema.json before formatting. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

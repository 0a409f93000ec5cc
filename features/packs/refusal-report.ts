/**
 * The automatic report of a refused pack (issue 14: "rejected with a visible reason on the options
 * page and in a report to the administrator endpoint"). It goes through the problem-report outbox
 * (features/report: same endpoint, retries, idempotency key, export when no endpoint is set) as a
 * report of category `other` with a `packRefusal` part (features/report/schema.ts).
 *
 * No personal data: no page, no tour, no role, no locale; the pack address is redacted like a page
 * address; the refusal text and content errors are scrubbed (a content error may quote the pack's
 * text, which a trainer may have filled with a sample ID card number).
 *
 * Once per distinct refusal: {@link refusalKey} is kept on the source's record when the report is
 * stored (features/packs/background/sync.ts), and the same refusal at the next schedule tick is not
 * reported again; a pack applied in between clears it.
 */
import { scrubPersonalData } from '../../lib/privacy/personal-data';
import { createReport, redactReportUrl, type ReportEnvironment } from '../report/create';
import { ProblemReportSchema, type ProblemReport } from '../report/schema';
import type { PackRefusal } from './open';

const MAX_ERRORS = 20;

/** What makes two refusals "the same": which check, of which version, saying what. */
export function refusalKey(refusal: PackRefusal): string {
  return JSON.stringify([
    refusal.kind,
    refusal.packId ?? null,
    refusal.version ?? null,
    refusal.keyId ?? null,
    refusal.message,
  ]);
}

const scrub = (text: string, max: number) => {
  const clean = scrubPersonalData(text).text;
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
};

/** The report of a pack refused at `source` (a policy URL), ready for the outbox. */
export function createPackRefusalReport(
  source: string,
  refusal: PackRefusal,
  env: Pick<ReportEnvironment, 'userAgent' | 'brands' | 'extensionVersion'>,
  options: { now?: number; newId?: () => string } = {},
): ProblemReport {
  const packUrl = redactReportUrl(source);
  const message = scrub(refusal.message, 2000);
  const { report } = createReport(
    {
      category: 'other',
      description: scrub(
        `内容包被拒绝（${refusal.kind}）：${packUrl}\n${message}\n` +
          `A content pack was refused (${refusal.kind}); the last good content keeps running.`,
        4000,
      ),
    },
    // Nothing about the learner: the administrator needs the pack, not the person.
    {
      userAgent: env.userAgent,
      ...(env.brands ? { brands: env.brands } : {}),
      extensionVersion: env.extensionVersion,
      page: null,
      frame: null,
      locale: null,
      role: null,
      tour: null,
      failedSteps: [],
    },
    options,
  );
  return ProblemReportSchema.parse({
    ...report,
    packRefusal: {
      packUrl,
      packId: refusal.packId ?? null,
      version: refusal.version ?? null,
      keyId: refusal.keyId ?? null,
      reason: refusal.kind,
      message,
      errors: (refusal.errors ?? []).slice(0, MAX_ERRORS).map((error) => ({
        path: scrub(error.path, 300),
        message: scrub(error.message, 500),
      })),
    },
  } satisfies ProblemReport);
}

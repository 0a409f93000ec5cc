import type { ZhiyinDatabase } from '../../../app/database';
import type { ReportEnvironment } from '../create';
import type { ReportFailedStep } from '../schema';
import { reportTourFrom } from '../create';
import type { RunnerSnapshot } from '../../tour/runner';
import type { Tour } from '../../tour/schema';

/** How many failed tour steps a report carries. */
const FAILED_STEPS = 10;

export interface ReportContextSources {
  db: ZhiyinDatabase;
  extensionVersion: string;
  userAgent: string;
  brands?: readonly { brand: string; version: string }[] | undefined;
  locale: string;
  role: string | null;
  /** The tab's tour session, if any, and its tour. */
  session: { snapshot: RunnerSnapshot; tour: Tour } | null;
  page: { url: string | null; title: string | null } | null;
  frame: { top: boolean; url: string | null } | null;
  tabId: number | null;
}

/**
 * The context a problem report carries, gathered by the background so the learner types nothing
 * but the problem: page, browser, extension version, role, the active tour and step, and the
 * tour steps that failed recently in this tab. URLs and text are redacted and scrubbed by
 * features/report when the report is built.
 */
export async function reportEnvironment(sources: ReportContextSources): Promise<ReportEnvironment> {
  const { session } = sources;
  const step = session ? session.tour.steps[session.snapshot.stepIndex] : undefined;
  return {
    page: sources.page,
    frame: sources.frame,
    userAgent: sources.userAgent,
    brands: sources.brands,
    extensionVersion: sources.extensionVersion,
    locale: sources.locale,
    role: sources.role,
    tour: reportTourFrom(session?.snapshot, {
      tour: session?.tour.title ?? null,
      step: step?.title ?? null,
    }),
    failedSteps: await recentFailures(sources.db, sources.tabId),
  };
}

async function recentFailures(
  db: ZhiyinDatabase,
  tabId: number | null,
): Promise<ReportFailedStep[]> {
  const rows = await db.tourEvents.where('kind').equals('step-failed').reverse().sortBy('at');
  return rows
    .filter((row) => tabId === null || row.tabId === tabId)
    .slice(0, FAILED_STEPS)
    .map((row) => ({
      tourId: row.tourId,
      stepId: row.stepId ?? '',
      stepIndex: row.stepIndex ?? 0,
      at: new Date(row.at).toISOString(),
      reason: row.reason,
    }));
}

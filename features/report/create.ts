/**
 * Building a problem report from what the user typed and what the extension knows about the page.
 * Pure: the caller (background) passes the page, tab tour state, browser and extension facts; time
 * and the id generator are injected.
 */
import { redactUrl } from '../../lib/privacy/url';
import type { RunnerState } from '../tour/runner';
import {
  categoryLabel,
  ProblemReportSchema,
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
  type ProblemReport,
  type ReportCategory,
  type ReportFailedStep,
  type ReportTour,
} from './schema';
import {
  addScrubCounts,
  scrubPersonalData,
  type ScrubCounts,
} from '../../lib/privacy/personal-data';

/** What the report form sends (the popup, or the overlay's 上报问题 button). */
export interface ReportDraft {
  category: ReportCategory;
  description: string;
  /** A masked screenshot of the visible page (page:captureScreenshot), if the user kept it. */
  screenshot?: { dataUrl: string; masked: number } | null;
}

/** What the background knows about where the report was made. All optional: popup reports from a
 * tab the extension does not run in have no page or tour. */
export interface ReportEnvironment {
  page?: { url: string | null; title: string | null } | null;
  /** The frame the report came from; `null` when it came from the popup. */
  frame?: { top: boolean; url: string | null } | null;
  /** `navigator.userAgent`. */
  userAgent: string;
  /** `navigator.userAgentData?.brands`, where the browser has it (Chromium). */
  brands?: readonly { brand: string; version: string }[] | undefined;
  /** `browser.runtime.getManifest().version`. */
  extensionVersion: string;
  locale?: string | null;
  role?: string | null;
  tour?: ReportTour | null;
  failedSteps?: readonly ReportFailedStep[];
}

export interface CreateReportOptions {
  /** Epoch ms; default `Date.now()`. */
  now?: number;
  /** Default `crypto.randomUUID()`. */
  newId?: () => string;
}

export interface CreatedReport {
  report: ProblemReport;
  /** What was scrubbed from description and page title together (for "已隐去 N 处个人信息"). */
  scrubbed: ScrubCounts;
}

/**
 * Makes a report ready for the outbox: scrubs the description and page title, redacts URLs, adds
 * browser and tour context, validates against {@link ProblemReportSchema} (throws a ZodError when
 * the draft is invalid, e.g. an unknown category or a description over the limit).
 */
export function createReport(
  draft: ReportDraft,
  env: ReportEnvironment,
  options: CreateReportOptions = {},
): CreatedReport {
  const now = options.now ?? Date.now();
  const id = (options.newId ?? (() => crypto.randomUUID()))();
  const description = scrubPersonalData(draft.description.trim());
  const title = env.page?.title ? scrubPersonalData(env.page.title.trim()) : null;
  const scrubbed = addScrubCounts(description.counts, title?.counts ?? {});

  const report = ProblemReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id,
    createdAt: new Date(now).toISOString(),
    category: draft.category,
    categoryLabel: categoryLabel(draft.category),
    description: description.text,
    redactions: scrubbed,
    screenshot: draft.screenshot
      ? {
          mimeType: draft.screenshot.dataUrl.startsWith('data:image/png')
            ? 'image/png'
            : 'image/jpeg',
          dataUrl: draft.screenshot.dataUrl,
          maskedRegions: draft.screenshot.masked,
        }
      : null,
    context: {
      page: {
        url: env.page?.url ? redactReportUrl(env.page.url) : null,
        title: title ? truncate(title.text, REPORT_LIMITS.titleChars) : null,
      },
      frame: env.frame
        ? { top: env.frame.top, url: env.frame.url ? redactReportUrl(env.frame.url) : null }
        : null,
      browser: { ...describeBrowser(env.userAgent, env.brands), userAgent: env.userAgent },
      extension: { version: env.extensionVersion },
      locale: env.locale ?? null,
      role: env.role ?? null,
      tour: env.tour ?? null,
      failedSteps: (env.failedSteps ?? []).slice(0, REPORT_LIMITS.failedSteps),
    },
  } satisfies ProblemReport);
  return { report, scrubbed };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A page address fit for a report: {@link redactUrl}, capped at the schema's length limit. */
export function redactReportUrl(input: string): string {
  return truncate(redactUrl(input), REPORT_LIMITS.urlChars);
}

/**
 * Browser name and version from the user agent. Domestic Chromium shells are named where they say
 * so (360 does not always: it then reads as Chrome). `brands` (User-Agent Client Hints) wins for
 * Edge and Chrome because it is not frozen the way the UA string's minor versions are.
 */
export function describeBrowser(
  userAgent: string,
  brands?: readonly { brand: string; version: string }[],
): { name: string; version: string | null } {
  const ua = userAgent;
  const pick = (regex: RegExp) => regex.exec(ua)?.[1] ?? null;
  if (/QQBrowser\//.test(ua)) return { name: 'QQ浏览器', version: pick(/QQBrowser\/([\d.]+)/) };
  if (/MetaSr|SogouMobileBrowser|SE 2\.X/.test(ua)) {
    return { name: '搜狗浏览器', version: pick(/MetaSr ([\d.]+)/) };
  }
  if (/360SE|360EE|QIHU/i.test(ua)) return { name: '360', version: pick(/Chrome\/([\d.]+)/) };
  if (/Edg(?:e|A|iOS)?\//.test(ua)) {
    const brand = brands?.find((entry) => entry.brand === 'Microsoft Edge');
    return { name: 'Edge', version: brand?.version ?? pick(/Edg(?:e|A|iOS)?\/([\d.]+)/) };
  }
  if (/Firefox\//.test(ua)) return { name: 'Firefox', version: pick(/Firefox\/([\d.]+)/) };
  if (/Chrome\//.test(ua)) {
    const brand = brands?.find((entry) => entry.brand === 'Google Chrome');
    const chromium = brands?.find((entry) => entry.brand === 'Chromium');
    return {
      name: brand || !chromium ? 'Chrome' : 'Chromium',
      version: (brand ?? chromium)?.version ?? pick(/Chrome\/([\d.]+)/),
    };
  }
  if (/Safari\//.test(ua)) return { name: 'Safari', version: pick(/Version\/([\d.]+)/) };
  return { name: '未知浏览器', version: null };
}

/**
 * The tour part of a report from a tab's runner state (null when no tour is active).
 * Titles come from the tour definition, which the runner state does not carry.
 */
export function reportTourFrom(
  state: RunnerState | null | undefined,
  titles: { tour?: string | null; step?: string | null } = {},
): ReportTour | null {
  if (!state || state.status === 'idle') return null;
  return {
    id: state.tourId,
    title: titles.tour ?? null,
    status: state.status,
    stepIndex: state.stepIndex,
    stepId: state.stepId ?? null,
    stepTitle: titles.step ?? null,
  };
}

/**
 * Recent step failures from runner states (the tab's current one and, if kept, earlier ones):
 * visits whose outcome is `failed`, newest first, at most `limit` (default 10).
 */
export function recentFailedSteps(states: readonly RunnerState[], limit = 10): ReportFailedStep[] {
  const failures: ReportFailedStep[] = [];
  for (const state of states) {
    for (const visit of state.history) {
      if (visit.outcome !== 'failed') continue;
      failures.push({
        tourId: state.tourId,
        stepId: visit.stepId,
        stepIndex: visit.index,
        at: new Date(visit.endedAt ?? visit.enteredAt).toISOString(),
        // Reasons are ours, but a validator's may quote what the learner typed.
        reason: visit.reason ? scrubPersonalData(visit.reason).text : null,
      });
    }
  }
  return failures.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

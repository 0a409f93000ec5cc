/** Messages of problem reporting (报告问题) and the shapes they carry. */
import type { OutboxStatus } from './records';
import type { ReportCategory } from './schema';
import type { ScrubCounts } from '../../lib/privacy/personal-data';
import type { ReportStatusText } from './status-text';
import type { SensitivePage } from './content/sensitive-regions';
import type { ScreenshotReply } from './screenshot-text';
import type { PackRefusalSummary } from '../packs/refusal-text';

/** Reply to a submitted report. */
export interface SubmitReportReply {
  id: string;
  /** `queued` when it will be sent, `local` when no endpoint is configured. */
  status: OutboxStatus;
  scrubbed: ScrubCounts;
  /** e.g. "已隐去 2 处个人信息（身份证号 1 处、手机号 1 处）"; null when nothing was hidden. */
  scrubSummary: string | null;
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
  /**
   * Set on the automatic report of a refused content pack (no person wrote it): the list shows
   * which pack and why instead of the description (features/packs/refusal-text.ts).
   */
  packRefusal?: PackRefusalSummary;
}

/** An export file ready for `chrome.downloads` or a Blob link. */
export interface ReportExportFile {
  filename: string;
  mimeType: 'application/json';
  text: string;
  count: number;
}

/** Report messages (routes: features/report/background/routes.ts; masking: features/report/content). */
export interface ReportMessages {
  /** 报告问题 from the overlay (e.g. a step whose target is missing); context is added here. */
  'content:submitReport'(data: {
    category: ReportCategory;
    description: string;
    url: string;
    title: string;
    topFrame: boolean;
  }): SubmitReportReply;
  /** 报告问题 from the popup, about the given tab (or none). */
  'page:submitReport'(data: {
    category: ReportCategory;
    description: string;
    tabId: number | null;
    /** From page:captureScreenshot, kept only if the learner did not drop it. */
    screenshot?: { dataUrl: string; masked: number } | null;
  }): SubmitReportReply;
  /**
   * A screenshot of the tab's visible area with passwords, sensitive fields and personal data
   * covered before capture. Refused where Zhiyin does not run (nothing could be covered there).
   */
  'page:captureScreenshot'(data: { tabId: number }): ScreenshotReply;
  'page:listReports'(data: { limit: number }): ReportListItem[];
  /** Send again (failed) or send now (kept locally, once an endpoint exists). */
  'page:retryReports'(data: { ids: string[] }): ReportListItem[];
  'page:exportReports'(data: { ids?: string[] }): ReportExportFile;
  'page:deleteReports'(data: { ids: string[] }): void;
  /**
   * What a screenshot of the tab must cover (regions in the top viewport, CSS px) and where the
   * viewport was; the page also covers them on screen. Null outside the top frame.
   */
  'bg:maskSensitive'(): SensitivePage | null;
  /** The same measured again, then the page's covers removed (null if never measured). */
  'bg:unmaskSensitive'(): SensitivePage | null;
}

/** Records of this feature, stored in the extension database (app/database.ts). */

/**
 * v3: on every row that came from a progress file (features/progress/io.ts, merge import): where it
 * came from. Such a row is shown as 本机导入 and is never this machine's own verified result
 * (an exam passed elsewhere, or written by hand, is not an exam passed here).
 */
export interface ImportedMark {
  /** Epoch ms of the import on this machine. */
  at: number;
  /** Name of the imported file, when known. */
  fileName: string | null;
  /** The file's `exportedAt` (ISO 8601), as the file claims it. */
  exportedAt: string;
  /** The file's `extensionVersion`, as the file claims it; null when absent. */
  sourceExtensionVersion: string | null;
}

export type ActivityType = 'page-visited' | 'role-chosen' | 'welcome-dismissed';

/** One thing the learner did, as the background recorded it. */
export interface ActivityRecord {
  id?: number;
  type: ActivityType;
  /** Epoch milliseconds. */
  at: number;
  /** Tab it happened in, when it came from a page. */
  tabId: number | null;
  /** Page address with query and fragment values removed (see lib/privacy/url.ts). */
  url: string | null;
  title: string | null;
  /** Event details, e.g. `{ role }` for role-chosen. */
  detail: Record<string, string | number | boolean | null>;
}

/**
 * v3: a copy of all progress taken automatically before anything destructive (清空本机学习进度),
 * so it can be restored. Kept until the learner deletes it; never leaves the machine.
 */
export interface ProgressBackupRecord {
  id?: number;
  /** Epoch ms the backup was taken. */
  at: number;
  /** Why it was taken. */
  reason: 'before-clear';
  /** The progress as an export file (features/progress/format.ts), exactly as stored. */
  file: unknown;
}

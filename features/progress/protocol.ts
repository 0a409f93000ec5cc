/** Messages of the learner's own records (最近操作) and of their export, import and clearing. */
import type { ProgressFile } from './format';
import type { ClearResult, ImportPlan, ImportSummary, TableCounts } from './io';
import type { ActivityRecord } from './records';

/** An automatic backup (kept before 清空), as listed: its row counts, never its rows. */
export interface ProgressBackupListing {
  id: number;
  at: number;
  counts: TableCounts;
}

/** A file to import: parsed and checked for its format by the page (parseProgressFile). */
export interface ProgressImportRequest {
  file: ProgressFile;
  /** Name of the chosen file: every imported row is marked with it (本机导入). */
  fileName: string;
}

/** Progress messages (routes: features/progress/background/routes.ts). */
export interface ProgressMessages {
  'page:listActivity'(data: { tabId?: number; limit: number }): ActivityRecord[];
  /**
   * All progress as one file's text, ready to download: JSON (docs/progress-format.md) or the
   * Excel-ready CSV. Only the chosen format is sent (an export can be tens of MB).
   */
  'page:exportProgress'(data: { format: 'json' | 'csv' }): { fileName: string; text: string };
  /** What importing the file would add, keep and refuse (nothing is written). */
  'page:planProgressImport'(data: ProgressImportRequest): ImportPlan;
  /** Merges the file into this machine's progress (nothing is overwritten or deleted). */
  'page:importProgress'(data: ProgressImportRequest): ImportSummary;
  /** How many rows each progress table holds now (shown before 清空). */
  'page:progressCounts'(): TableCounts;
  /** 清空本机学习进度, after an automatic backup. */
  'page:clearProgress'(): ClearResult;
  /** The automatic backups, newest first. */
  'page:listProgressBackups'(): ProgressBackupListing[];
  'page:restoreProgressBackup'(data: { id: number }): ImportSummary;
}

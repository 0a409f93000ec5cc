/**
 * Export and import (restore) of all learning progress (lib/progress/format.ts). Extension pages
 * call these with the extension database; nothing here talks to the network or the xAPI queue
 * (a restore is not new learning, so it sends no statements).
 *
 * Import is all or nothing: the file is read, parsed and checked completely first; then the seven
 * progress tables are replaced in one Dexie transaction, so a failure half-way changes nothing.
 */
import { z } from 'zod';
import type { ZhiyinDatabase } from '../db/database';
import {
  PROGRESS_FORMAT,
  PROGRESS_FORMAT_VERSION,
  PROGRESS_TABLES,
  ProgressFileSchema,
  type ProgressFile,
} from './format';

/** Larger files are refused before parsing (a year of daily training is a few MB). */
export const MAX_PROGRESS_FILE_BYTES = 100 * 1024 * 1024;

export type ProgressDatabase = Pick<ZhiyinDatabase, 'transaction' | 'verno' | ProgressTableName>;
type ProgressTableName = (typeof PROGRESS_TABLES)[number];

export async function exportProgress(
  db: ProgressDatabase,
  options: { now?: number; extensionVersion?: string } = {},
): Promise<ProgressFile> {
  return db.transaction(
    'r',
    PROGRESS_TABLES.map((name) => db[name]),
    async () => {
      const [profile, tourProgress, tourEvents, assessments, quizResults, surveyAnswers, acks] =
        await Promise.all([
          db.profile.toArray(),
          db.tourProgress.toArray(),
          db.tourEvents.orderBy('id').toArray(),
          db.assessments.orderBy('id').toArray(),
          db.quizResults.orderBy('id').toArray(),
          db.surveyAnswers.orderBy('id').toArray(),
          db.tipAcknowledgements.orderBy('id').toArray(),
        ]);
      return {
        format: PROGRESS_FORMAT,
        formatVersion: PROGRESS_FORMAT_VERSION,
        exportedAt: new Date(options.now ?? Date.now()).toISOString(),
        ...(options.extensionVersion ? { extensionVersion: options.extensionVersion } : {}),
        databaseVersion: db.verno,
        tables: {
          profile,
          tourProgress,
          tourEvents,
          assessments,
          quizResults,
          surveyAnswers,
          tipAcknowledgements: acks,
        },
      } as ProgressFile;
    },
  );
}

/** Pretty JSON (a trainer may open it), UTF-8 without BOM. */
export function progressJson(file: ProgressFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedProgress = { ok: true; file: ProgressFile } | { ok: false; message: string };

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/**
 * Reads a progress file's text. Every refusal says why in Chinese: not JSON, not a Zhiyin
 * progress file, written by a newer Zhiyin, or damaged (with where, for the first problems).
 */
export function parseProgressFile(text: string): ParsedProgress {
  if (text.length > MAX_PROGRESS_FILE_BYTES)
    return { ok: false, message: '文件过大（超过 100 MB），不是指引的学习进度文件。' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message: '无法读取：文件不是有效的 JSON。请选择从“导出学习进度（JSON）”得到的文件。',
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, message: '这不是指引的学习进度文件。' };
  const marker = data as { format?: unknown; formatVersion?: unknown };
  if (marker.format !== PROGRESS_FORMAT)
    return {
      ok: false,
      message:
        '这不是指引的学习进度文件（缺少 format: "zhiyin-progress"）。请选择从“导出学习进度（JSON）”得到的文件。',
    };
  if (typeof marker.formatVersion === 'number' && marker.formatVersion > PROGRESS_FORMAT_VERSION)
    return {
      ok: false,
      message: `该文件由更新版本的指引导出（格式版本 ${marker.formatVersion}），请先升级指引再导入。`,
    };
  const parsed = ProgressFileSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const lines = issues
      .slice(0, 3)
      .map((issue) => `${describePath(issue.path) || '（文件）'}：${issue.message}`);
    const more = issues.length > 3 ? `等 ${issues.length} 处问题` : '';
    return {
      ok: false,
      message: `文件内容不完整或已损坏，未导入任何数据。${lines.join('；')}${more ? `；${more}` : ''}`,
    };
  }
  return { ok: true, file: parsed.data };
}

export interface ImportSummary {
  tourProgress: number;
  tourEvents: number;
  assessments: number;
  quizResults: number;
  surveyAnswers: number;
  tipAcknowledgements: number;
  profile: boolean;
}

/**
 * Restore: the progress tables are replaced by the file's rows, in one transaction. The profile
 * is replaced when the file holds one, else the current one is kept (role, learner id).
 */
export async function importProgress(
  db: ProgressDatabase,
  file: ProgressFile,
): Promise<ImportSummary> {
  const { tables } = file;
  await db.transaction(
    'rw',
    PROGRESS_TABLES.map((name) => db[name]),
    async () => {
      const profile = tables.profile[0];
      if (profile) {
        await db.profile.clear();
        await db.profile.put(profile as never);
      }
      for (const name of PROGRESS_TABLES) {
        if (name === 'profile') continue;
        const table = db[name] as unknown as {
          clear(): Promise<void>;
          bulkAdd(rows: readonly unknown[]): Promise<unknown>;
        };
        await table.clear();
        if (tables[name].length > 0) await table.bulkAdd(tables[name]);
      }
    },
  );
  return {
    tourProgress: tables.tourProgress.length,
    tourEvents: tables.tourEvents.length,
    assessments: tables.assessments.length,
    quizResults: tables.quizResults.length,
    surveyAnswers: tables.surveyAnswers.length,
    tipAcknowledgements: tables.tipAcknowledgements.length,
    profile: tables.profile.length > 0,
  };
}

/**
 * Export and import (restore) of all learning progress (features/progress/format.ts). Extension pages
 * call these with the extension database; nothing here talks to the network or the xAPI queue
 * (a restore is not new learning, so it sends no statements).
 *
 * Import is a merge (see importProgress): the file is read, parsed and checked completely first,
 * then the rows not yet here are added in one Dexie transaction, so a failure half-way changes
 * nothing. The only destructive action, clearProgress, keeps an automatic backup first.
 */
import { z } from 'zod';
import type { ImportedMark } from './records';
import type { ProfileRecord } from '../profile/records';
import type { ZhiyinDatabase } from '../../app/database';
import {
  PROGRESS_FORMAT,
  PROGRESS_FORMAT_VERSION,
  PROGRESS_TABLES,
  ProgressFileSchema,
  type ProgressFile,
} from './format';
import { scrubPersonalData } from '../../lib/privacy/personal-data';
import { redactUrl } from '../../lib/privacy/url';
import { checkProgressRows, type RefusedRow, type RowTable } from './integrity';

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

/** Row counts of the six progress tables. */
export type TableCounts = Record<RowTable, number>;

const ROW_TABLES: readonly RowTable[] = [
  'tourProgress',
  'tourEvents',
  'assessments',
  'quizResults',
  'surveyAnswers',
  'tipAcknowledgements',
];

const zeroCounts = (): TableCounts => ({
  tourProgress: 0,
  tourEvents: 0,
  assessments: 0,
  quizResults: 0,
  surveyAnswers: 0,
  tipAcknowledgements: 0,
});

/** What a merge import adds, keeps and refuses; the same plan is shown first, then applied. */
export interface ImportPlan {
  /** Rows the import adds, per table. */
  added: TableCounts;
  /** Rows of the file already on this machine (same stable key) or repeated in the file: kept. */
  existing: TableCounts;
  /** Rows refused by the integrity check (features/progress/integrity.ts), with a message each. */
  refused: RefusedRow[];
  /** Profile fields empty on this machine that the file fills (role, staffId, …). */
  profileFields: string[];
}

/** What an import (or a backup restore) did: the plan, as carried out. */
export type ImportSummary = ImportPlan;

/**
 * Stable key of a row, the same on every machine (auto-numbered ids are not): two rows with one
 * key are the same learning record, so importing a file twice adds nothing the second time.
 */
const ROW_KEYS: { [T in RowTable]: (row: TableRow<T>) => string } = {
  tourProgress: (row) => row.tourId,
  tourEvents: (row) => JSON.stringify([row.tourId, row.kind, row.at, row.stepId]),
  assessments: (row) => row.attemptId,
  quizResults: (row) => row.attemptId,
  surveyAnswers: (row) => JSON.stringify([row.subjectKind, row.subjectId, row.at]),
  tipAcknowledgements: (row) => JSON.stringify([row.tipId, row.at]),
};
type TableRow<T extends RowTable> = ProgressFile['tables'][T][number];

/** Where the imported rows came from: the marker every one of them carries. */
export interface ImportSource {
  /** Name of the chosen file, when there is one. */
  fileName?: string | null;
  /** This machine's clock (tests pass a fixed one). */
  now?: number;
}

const PROFILE_FIELDS = ['role', 'name', 'staffId', 'learnerId'] as const;

/**
 * Works out the merge of `file` into the rows now in `db` (call inside a transaction over the
 * progress tables). With a `mark` (a file) every row is checked (features/progress/integrity.ts) and
 * added rows carry the mark; without one (an automatic backup of this database) rows are put back
 * as they were stored, with their own `imported` marks if any.
 */
async function mergePlan(
  db: ProgressDatabase,
  file: ProgressFile,
  options: { now: number; mark: ImportedMark | null },
) {
  const refused = options.mark ? checkProgressRows(file, options.now) : [];
  const refusedRows = new Set(refused.map((row) => `${row.table}:${row.index}`));
  const added = zeroCounts();
  const existing = zeroCounts();
  const rows: { [T in RowTable]?: Record<string, unknown>[] } = {};
  for (const table of ROW_TABLES) {
    const key = ROW_KEYS[table] as (row: unknown) => string;
    const current = (await (db[table] as { toArray(): Promise<unknown[]> }).toArray()) as unknown[];
    const seen = new Set(current.map(key));
    const toAdd: Record<string, unknown>[] = [];
    (file.tables[table] as unknown as Record<string, unknown>[]).forEach((row, index) => {
      if (refusedRows.has(`${table}:${index}`)) return;
      const rowKey = key(row);
      if (seen.has(rowKey)) {
        existing[table] += 1;
        return;
      }
      seen.add(rowKey);
      // A file's ids belong to the machine that wrote it: numbered afresh here.
      const { id: _id, ...rest } = row;
      const clean = scrubImportedRow(table, rest);
      toAdd.push(options.mark ? { ...clean, imported: options.mark } : clean);
    });
    added[table] = toAdd.length;
    rows[table] = toAdd;
  }
  const mine = await db.profile.get('me');
  const theirs = file.tables.profile[0];
  const profileFields: string[] = [];
  let profile: ProfileRecord | null = null;
  if (theirs) {
    const base: ProfileRecord = mine ?? {
      key: 'me',
      role: null,
      roleChosenAt: null,
      welcomeDismissedAt: null,
    };
    const filled: ProfileRecord = { ...base };
    for (const field of PROFILE_FIELDS) {
      const value = theirs[field];
      if ((base[field] ?? null) !== null || value === undefined || value === null) continue;
      profileFields.push(field);
      Object.assign(filled, { [field]: value });
      if (field === 'role') filled.roleChosenAt = theirs.roleChosenAt ?? options.now;
    }
    if (profileFields.length > 0) profile = filled;
  }
  return { plan: { added, existing, refused, profileFields } satisfies ImportPlan, rows, profile };
}

const progressTables = (db: ProgressDatabase) => PROGRESS_TABLES.map((name) => db[name]);

/**
 * What importing `file` would do now, without changing anything: shown before the learner
 * confirms (将导入 … 条，已存在的 … 条保留不变；拒绝 … 条).
 */
export async function planImport(
  db: ProgressDatabase,
  file: ProgressFile,
  source: ImportSource = {},
): Promise<ImportPlan> {
  const now = source.now ?? Date.now();
  return db.transaction('r', progressTables(db), async () => {
    const { plan } = await mergePlan(db, file, { now, mark: markOf(file, source, now) });
    return plan;
  });
}

/**
 * Free text and addresses in a file are scrubbed like this machine's own rows are when written (a
 * file from an older version, or edited by hand, may hold a comment with an ID number in it).
 */
function scrubImportedRow(table: RowTable, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'surveyAnswers' && typeof row.comment === 'string')
    return { ...row, comment: scrubPersonalData(row.comment).text };
  if (table === 'tipAcknowledgements' && typeof row.url === 'string')
    return { ...row, url: redactUrl(row.url) };
  return row;
}

function markOf(file: ProgressFile, source: ImportSource, now: number): ImportedMark {
  return {
    at: now,
    // A file name can carry a person's ID or phone number ("张三_1381234….json"): kept scrubbed,
    // like everything else that is stored (lib/privacy/personal-data.ts).
    fileName: source.fileName ? scrubPersonalData(source.fileName).text : null,
    exportedAt: file.exportedAt,
    sourceExtensionVersion: file.extensionVersion ?? null,
  };
}

/**
 * Import is a MERGE, never a replace: rows already on this machine are kept as they are (never
 * overwritten, never deleted); the file's rows that are not here yet (by stable key, see
 * ROW_KEYS) are added, each marked `imported` (app/database.ts ImportedMark) so it is shown
 * as 本机导入 and never counts as this machine's own result; rows that fail the integrity check
 * (features/progress/integrity.ts) are refused, each with a message. The profile only gains fields
 * that are empty here. All of it is checked first and written in one transaction: if anything
 * fails, nothing is written. Sends no xAPI statements (docs/xapi.md).
 */
export async function importProgress(
  db: ProgressDatabase,
  file: ProgressFile,
  source: ImportSource = {},
): Promise<ImportSummary> {
  const now = source.now ?? Date.now();
  return writeMerge(db, file, { now, mark: markOf(file, source, now) });
}

async function writeMerge(
  db: ProgressDatabase,
  file: ProgressFile,
  options: { now: number; mark: ImportedMark | null },
): Promise<ImportPlan> {
  return db.transaction('rw', progressTables(db), async () => {
    const { plan, rows, profile } = await mergePlan(db, file, options);
    if (profile) await db.profile.put(profile);
    for (const table of ROW_TABLES) {
      const toAdd = rows[table] ?? [];
      if (toAdd.length > 0)
        await (
          db[table] as unknown as { bulkAdd(rows: readonly unknown[]): Promise<unknown> }
        ).bulkAdd(toAdd);
    }
    return plan;
  });
}

/** How many rows each progress table holds now. */
export async function progressCounts(db: ProgressDatabase): Promise<TableCounts> {
  return db.transaction('r', progressTables(db), async () => {
    const counts = zeroCounts();
    for (const table of ROW_TABLES) counts[table] = await db[table].count();
    return counts;
  });
}

export type BackupDatabase = ProgressDatabase & Pick<ZhiyinDatabase, 'progressBackups'>;

/** What {@link clearProgress} did: the exact rows deleted, and the backup kept first. */
export interface ClearResult {
  deleted: TableCounts;
  backupId: number;
}

/**
 * 清空本机学习进度 — the one destructive action. In one transaction: the whole progress is first
 * saved as an export file in `progressBackups` (restorable with {@link restoreBackup}), then the
 * six progress tables are emptied. The profile (role, staff id) stays. The caller shows
 * {@link progressCounts} and asks before calling this; the result says exactly what was deleted.
 */
export async function clearProgress(
  db: BackupDatabase,
  options: { now?: number; extensionVersion?: string } = {},
): Promise<ClearResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [...progressTables(db), db.progressBackups], async () => {
    const file = await exportProgress(db, { now, ...options });
    const backupId = (await db.progressBackups.add({ at: now, reason: 'before-clear', file }))!;
    const deleted = zeroCounts();
    for (const table of ROW_TABLES) {
      deleted[table] = file.tables[table].length;
      await db[table].clear();
    }
    return { deleted, backupId };
  });
}

/** The automatic backups, newest first, with their row counts. */
export async function listBackups(
  db: BackupDatabase,
): Promise<{ id: number; at: number; counts: TableCounts }[]> {
  const rows = await db.progressBackups.orderBy('at').reverse().toArray();
  return rows.map((row) => {
    const file = row.file as ProgressFile;
    const counts = zeroCounts();
    for (const table of ROW_TABLES) counts[table] = file.tables[table].length;
    return { id: row.id!, at: row.at, counts };
  });
}

/**
 * Puts an automatic backup back: merged like an import (nothing here is overwritten or deleted),
 * but its rows are this machine's own, exactly as they were stored — no integrity check, no new
 * `imported` mark (rows that were imported before keep their mark).
 */
export async function restoreBackup(
  db: BackupDatabase,
  backupId: number,
  options: { now?: number } = {},
): Promise<ImportSummary> {
  const backup = await db.progressBackups.get(backupId);
  if (!backup) throw new Error(`没有编号为 ${backupId} 的备份`);
  return writeMerge(db, backup.file as ProgressFile, {
    now: options.now ?? Date.now(),
    mark: null,
  });
}

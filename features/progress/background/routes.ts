import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import { progressCsv, progressFileNames } from '../csv';
import { ProgressFileSchema, type ProgressFile } from '../format';
import {
  clearProgress,
  exportProgress,
  importProgress,
  listBackups,
  planImport,
  progressCounts,
  progressJson,
  restoreBackup,
  type BackupDatabase,
} from '../io';
import type { ProgressMessages } from '../protocol';
import type { ActivityLog } from './activity-log';

export interface ProgressServices {
  activity: ActivityLog;
  /** The progress tables and their automatic backups (features/progress/io.ts). */
  db: BackupDatabase;
  /** Tour titles for the CSV export. */
  tourTitle(tourId: string): string | undefined;
  /** The extension's version, written into exports and backups. */
  extensionVersion(): string | undefined;
  now?: () => number;
}

/** The page parsed the file (parseProgressFile, with its messages); checked again here. */
function checked(file: unknown): ProgressFile {
  const parsed = ProgressFileSchema.safeParse(file);
  if (!parsed.success) throw new MessageRefused('not a valid progress file');
  return parsed.data;
}

/**
 * The learner's recent activity (popup 最近操作), and the export, import, clearing and backups of
 * all progress (备份与导出, docs/progress-format.md): the database stays in the background, the
 * pages send and receive plain JSON.
 */
export function createProgressRoutes(services: ProgressServices): RouteTable<ProgressMessages> {
  const { activity, db } = services;
  const now = services.now ?? Date.now;
  return {
    'page:listActivity': {
      from: ['extension-page'],
      handle: ({ tabId, limit }) =>
        activity.recent(tabId === undefined ? { limit } : { tabId, limit }),
    },
    'page:exportProgress': {
      from: ['extension-page'],
      handle: async ({ format }) => {
        const at = now();
        const version = services.extensionVersion();
        const file = await exportProgress(db, {
          now: at,
          ...(version ? { extensionVersion: version } : {}),
        });
        const names = progressFileNames(at);
        return format === 'csv'
          ? { fileName: names.csv, text: progressCsv(file, { titles: services.tourTitle }) }
          : { fileName: names.json, text: progressJson(file) };
      },
    },
    'page:planProgressImport': {
      from: ['extension-page'],
      handle: ({ file, fileName }) => planImport(db, checked(file), { fileName: String(fileName) }),
    },
    'page:importProgress': {
      from: ['extension-page'],
      handle: ({ file, fileName }) =>
        importProgress(db, checked(file), { fileName: String(fileName) }),
    },
    'page:progressCounts': { from: ['extension-page'], handle: () => progressCounts(db) },
    'page:clearProgress': {
      from: ['extension-page'],
      handle: () => {
        const version = services.extensionVersion();
        return clearProgress(db, version ? { extensionVersion: version } : {});
      },
    },
    'page:listProgressBackups': { from: ['extension-page'], handle: () => listBackups(db) },
    'page:restoreProgressBackup': {
      from: ['extension-page'],
      handle: ({ id }) => restoreBackup(db, Number(id)),
    },
  };
}

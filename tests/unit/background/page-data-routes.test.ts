/**
 * The routes extension pages read and write the learner's records through (issue 12: views never
 * open the database): help search misses, quiz results, the dashboard and progress export/import.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { createDashboardRoutes } from '../../../features/dashboard/background/routes';
import { createHelpRoutes } from '../../../features/help/background/routes';
import { ActivityLog } from '../../../features/progress/background/activity-log';
import { createProgressRoutes } from '../../../features/progress/background/routes';
import { dispatch, MessageRefused } from '../../../lib/messaging/router';

const PAGE = {
  ok: true,
  kind: 'extension-page',
  url: 'chrome-extension://x/options.html',
} as const;
const TAB = { ok: true, kind: 'content', tabId: 1, frameId: 0, url: 'http://127.0.0.1/' } as const;

let db: ZhiyinDatabase;
beforeEach(() => {
  db = new ZhiyinDatabase(`page-data-${Math.random()}`);
});

describe('help search misses', () => {
  it('records (scrubbed, deduplicated), lists grouped and clears; pages only', async () => {
    let now = 1_000;
    const routes = createHelpRoutes(db.searchMisses, () => now);
    const record = (query: string) =>
      dispatch(routes, 'page:recordSearchMiss', { query, pageUrl: null }, PAGE);
    expect(await record('社保 转移')).toEqual({ recorded: true });
    expect(await record('社保  转移')).toEqual({ recorded: false });
    now += 11 * 60_000;
    expect(await record('社保 转移')).toEqual({ recorded: true });
    const list = await dispatch(routes, 'page:listSearchMisses', undefined, PAGE);
    expect(list.map((row) => [row.query, row.count])).toEqual([['社保 转移', 2]]);
    await expect(
      dispatch(routes, 'page:recordSearchMiss', { query: 'x', pageUrl: null }, TAB),
    ).rejects.toThrow(MessageRefused);
    await dispatch(routes, 'page:clearSearchMisses', undefined, PAGE);
    expect(await dispatch(routes, 'page:listSearchMisses', undefined, PAGE)).toEqual([]);
  });
});

describe('dashboard', () => {
  it('sends only run ends (and only what the figures read) and the most visited pages', async () => {
    const routes = createDashboardRoutes(db);
    await db.tourEvents.bulkAdd([
      {
        tourId: 't',
        kind: 'started',
        at: 1,
        tabId: 1,
        stepId: null,
        stepIndex: null,
        ms: null,
        reason: null,
      },
      {
        tourId: 't',
        kind: 'finished',
        at: 2,
        tabId: 1,
        stepId: null,
        stepIndex: null,
        ms: 60_000,
        reason: null,
      },
    ] as never);
    const activity = new ActivityLog(db, () => 5);
    for (const url of ['http://h/a.html', 'http://h/b.html', 'http://h/a.html'])
      await activity.record({ type: 'page-visited', url, title: url.slice(-6) } as never);
    const data = await dispatch(routes, 'page:dashboardData', undefined, PAGE);
    expect(data.profile).toBeNull();
    expect(data.runEvents).toEqual([{ tourId: 't', kind: 'finished', ms: 60_000 }]);
    const tables = await dispatch(routes, 'page:dashboardActivity', { limit: 2 }, PAGE);
    expect(tables.activity).toHaveLength(2);
    expect(tables.topPages.map((page) => [page.path, page.visits])).toEqual([
      ['/a.html', 2],
      ['/b.html', 1],
    ]);
  });
});

describe('progress export and import', () => {
  const routes = () =>
    createProgressRoutes({
      activity: new ActivityLog(db),
      db,
      tourTitle: (id) => (id === 't' ? '一个教程' : undefined),
      extensionVersion: () => '9.9.9',
      now: () => Date.UTC(2026, 0, 2),
    });

  it('exports only the chosen format, as text ready to download', async () => {
    await db.tourProgress.put({
      tourId: 't',
      status: 'completed',
      stepCount: 1,
      lastStepIndex: 0,
      attempts: 1,
      completions: 1,
      firstStartedAt: 1,
      updatedAt: 2,
      completedAt: 2,
      snapshot: null,
    });
    const json = await dispatch(routes(), 'page:exportProgress', { format: 'json' }, PAGE);
    expect(json.fileName).toBe('指引学习进度-2026-01-02.json');
    const file = JSON.parse(json.text) as { extensionVersion: string; tables: object };
    expect(file.extensionVersion).toBe('9.9.9');
    const csv = await dispatch(routes(), 'page:exportProgress', { format: 'csv' }, PAGE);
    expect(csv.fileName).toBe('指引学习记录-2026-01-02.csv');
    expect(csv.text.startsWith('\ufeff时间,')).toBe(true);
    expect(csv.text).not.toContain('"tables"');
  });

  it('refuses a file that is not a progress file, even from an extension page', async () => {
    await expect(
      dispatch(
        routes(),
        'page:planProgressImport',
        { file: { tables: {} } as never, fileName: 'x.json' },
        PAGE,
      ),
    ).rejects.toThrow(MessageRefused);
  });

  it('clears after a backup, lists backups by counts only, and restores', async () => {
    await db.tourProgress.put({
      tourId: 't',
      status: 'in-progress',
      stepCount: 2,
      lastStepIndex: 0,
      attempts: 1,
      completions: 0,
      firstStartedAt: 1,
      updatedAt: 2,
      completedAt: null,
      snapshot: null,
    } as never);
    const r = routes();
    expect((await dispatch(r, 'page:progressCounts', undefined, PAGE)).tourProgress).toBe(1);
    const cleared = await dispatch(r, 'page:clearProgress', undefined, PAGE);
    expect(cleared.deleted.tourProgress).toBe(1);
    const backups = await dispatch(r, 'page:listProgressBackups', undefined, PAGE);
    expect(backups).toEqual([
      {
        id: cleared.backupId,
        at: expect.any(Number),
        counts: expect.objectContaining({ tourProgress: 1 }),
      },
    ]);
    expect(Object.keys(backups[0]!)).toEqual(['id', 'at', 'counts']);
    const restored = await dispatch(
      r,
      'page:restoreProgressBackup',
      { id: cleared.backupId },
      PAGE,
    );
    expect(restored.added.tourProgress).toBe(1);
    expect(await db.tourProgress.count()).toBe(1);
  });
});

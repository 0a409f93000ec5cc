// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../features/dashboard/views/DashboardApp';
import { PROGRESS_IMPORTED_EVENT } from '../../../features/progress/views/ExportImport';
import type { PracticalScore } from '../../../features/exam/scoring';
import { database } from '../../../app/database';
import { createDashboardRoutes } from '../../../features/dashboard/background/routes';
import { ActivityLog } from '../../../features/progress/background/activity-log';
import { createProgressRoutes } from '../../../features/progress/background/routes';
import { dispatch } from '../../../lib/messaging/router';

// The dashboard reads through messages (page:dashboardData, page:dashboardActivity, the progress
// backups): here they go straight to the background's real routes over the same fake IndexedDB.
const sendMessage = vi.fn();
vi.mock('../../../app/protocol', () => ({
  sendMessage: (...args: unknown[]) => sendMessage(...args) as unknown,
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TOURS = [
  {
    id: 'bianmin-progress-query',
    title: '用进度查询跟踪审批状态',
    module: '操作' as const,
    audience: ['基层用户' as const],
  },
  { id: 'anquan-x', title: '安全', module: '安全' as const, audience: ['基层用户' as const] },
];
const CHECKLISTS = {
  管理人员: [],
  业务操作人员: [],
  技术支持人员: [],
  基层用户: [
    { tourId: 'bianmin-progress-query', page: '/service.html#/progress' },
    { tourId: 'anquan-x', page: '/index.html' },
  ],
};

const score = (total: number, steps: number, time: number, accuracy: number) =>
  ({ stepScore: steps, timeScore: time, accuracyScore: accuracy, total }) as PracticalScore;

describe('dashboard (学习档案) over local records', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(async () => {
    // Charts are drawn when idle; the figures and tables are what this test reads.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const db = database();
    const routes = {
      ...createDashboardRoutes(db),
      ...createProgressRoutes({
        activity: new ActivityLog(db),
        db,
        tourTitle: () => undefined,
        extensionVersion: () => '0.1.0',
      }),
    };
    sendMessage.mockImplementation((type: string, data: unknown) =>
      dispatch(routes as never, type as never, data as never, {
        ok: true,
        kind: 'extension-page',
        url: 'chrome-extension://zhiyin/dashboard.html',
      }),
    );
    await Promise.all(db.tables.map((table) => table.clear()));
    await db.profile.put({
      key: 'me',
      role: '基层用户',
      roleChosenAt: 1,
      welcomeDismissedAt: null,
    });
    await db.tourProgress.put({
      tourId: 'bianmin-progress-query',
      status: 'completed',
      stepCount: 4,
      lastStepIndex: 3,
      attempts: 1,
      completions: 1,
      firstStartedAt: 1,
      updatedAt: 2,
      completedAt: 2,
      snapshot: null,
    });
    await db.tourEvents.add({
      tourId: 'bianmin-progress-query',
      kind: 'finished',
      at: 2,
      tabId: 1,
      stepId: null,
      stepIndex: null,
      ms: 120_000,
      reason: null,
    });
    await db.assessments.bulkAdd([
      {
        tourId: 'bianmin-progress-query',
        attemptId: 'a1',
        startedAt: 10,
        endedAt: 60_010,
        status: 'failed',
        score: score(70, 40, 30, 0),
        remedialStepIds: ['query'],
        remedialCompletedAt: null,
      },
      {
        tourId: 'bianmin-progress-query',
        attemptId: 'a2',
        startedAt: 100_000,
        endedAt: 160_000,
        status: 'passed',
        score: score(100, 40, 30, 30),
        remedialStepIds: [],
        remedialCompletedAt: null,
      },
    ]);
    await db.surveyAnswers.bulkAdd([
      { at: 1, subjectKind: 'tour', subjectId: 'x', rating: '非常满意', comment: '' },
      { at: 2, subjectKind: 'tour', subjectId: 'y', rating: '不满意', comment: '' },
    ]);
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
  });

  it('shows indicators against targets, progress, time, assessments and the remedial button', async () => {
    await act(async () => root.render(<DashboardApp tours={TOURS} checklists={CHECKLISTS} />));
    await vi.waitFor(() =>
      expect(container.querySelector('[data-testid="indicators"]')).not.toBeNull(),
    );
    const row = (id: string) =>
      container.querySelector(`[data-indicator="${id}"]`)?.textContent ?? '';
    // 满意度 = (非常满意 + 满意) / all = 1/2, below the plan's 90%.
    expect(row('satisfaction')).toContain('50%（1 / 2）');
    expect(row('satisfaction')).toContain('未达标');
    // First attempt failed, the later one passed: 0% first time, 100% after 补训.
    expect(row('pass-first-attempt')).toContain('0%（0 / 1）');
    expect(row('pass-eventual')).toContain('100%（1 / 1）');
    expect(container.textContent).toContain('未测量');
    // 2 min of tour + 2 × 1 min of assessments.
    expect(container.querySelector('[data-testid="time-spent"]')?.textContent).toBe('4');
    const rows = [...container.querySelectorAll('[data-testid="assessments"] tbody tr')];
    expect(rows.map((tr) => tr.getAttribute('data-assessment'))).toEqual(['failed', 'passed']);
    expect(rows[0]?.textContent).toContain('未通过');
    expect(rows[0]?.querySelector('button')?.getAttribute('aria-label')).toBe(
      '开始补训：用进度查询跟踪审批状态',
    );
    expect(rows[1]?.querySelector('button')).toBeNull();
    expect(container.querySelectorAll('[role="img"]').length).toBe(4);
    // 实操完成率 over the role's checklist: 1 of 2.
    expect(row('practical-completion')).toContain('50%（1 / 2）');
    expect(container.querySelector('[data-testid="dashboard-checklist-count"]')?.textContent).toBe(
      '已完成 1 / 2 项',
    );
  });

  it('shows a restored backup at once (备份与导出 → 确认恢复), without reloading the page', async () => {
    await act(async () => root.render(<DashboardApp tours={TOURS} checklists={CHECKLISTS} />));
    const text = (id: string) => container.querySelector(`[data-testid="${id}"]`)?.textContent;
    await vi.waitFor(() => expect(text('dashboard-checklist-count')).toBe('已完成 1 / 2 项'));
    expect(text('time-spent')).toBe('4');
    // What a restore writes: here the other checklist item done too, with its run's time.
    const db = database();
    await db.tourProgress.put({
      tourId: 'anquan-x',
      status: 'completed',
      stepCount: 2,
      lastStepIndex: 1,
      attempts: 1,
      completions: 1,
      firstStartedAt: 3,
      updatedAt: 4,
      completedAt: 4,
      snapshot: null,
    });
    await db.tourEvents.add({
      tourId: 'anquan-x',
      kind: 'finished',
      at: 4,
      tabId: 1,
      stepId: null,
      stepIndex: null,
      ms: 180_000,
      reason: null,
    });
    await act(async () => window.dispatchEvent(new CustomEvent(PROGRESS_IMPORTED_EVENT)));
    await vi.waitFor(() => expect(text('dashboard-checklist-count')).toBe('已完成 2 / 2 项'));
    expect(text('time-spent')).toBe('7');
  });

  it('shows imported records as 本机导入 and leaves them out of the pass rates', async () => {
    const db = database();
    const imported = {
      at: 500_000,
      fileName: 'forged.json',
      exportedAt: '2026-03-02T00:00:00.000Z',
      sourceExtensionVersion: null,
    };
    await db.assessments.add({
      tourId: 'anquan-x',
      attemptId: 'forged',
      startedAt: 200_000,
      endedAt: 260_000,
      status: 'passed',
      score: score(100, 40, 30, 30),
      remedialStepIds: [],
      remedialCompletedAt: null,
      imported,
    });
    await db.tipAcknowledgements.bulkAdd([
      {
        tipId: 'keep-operation-records',
        contentVersion: 1,
        response: 'acknowledge',
        role: '基层用户',
        account: null,
        at: 300_000,
        url: 'http://127.0.0.1/login.html',
        action: 'first-run',
        actionDetail: null,
      },
      {
        tipId: 'licensed-software',
        contentVersion: 1,
        response: 'acknowledge',
        role: '基层用户',
        account: null,
        at: 310_000,
        url: 'http://127.0.0.1/login.html',
        action: 'first-run',
        actionDetail: null,
        imported,
      },
    ]);
    await act(async () => root.render(<DashboardApp tours={TOURS} checklists={CHECKLISTS} />));
    await vi.waitFor(() =>
      expect(container.querySelectorAll('[data-testid="acknowledgements"] tbody tr')).toHaveLength(
        2,
      ),
    );
    const row = (id: string) =>
      container.querySelector(`[data-indicator="${id}"]`)?.textContent ?? '';
    // Still only this machine's own exam (failed, then passed): the imported pass is not counted.
    expect(row('pass-first-attempt')).toContain('0%（0 / 1）');
    expect(row('pass-eventual')).toContain('100%（1 / 1）');
    const exams = [...container.querySelectorAll('[data-testid="assessments"] tbody tr')];
    expect(exams.map((tr) => tr.getAttribute('data-imported'))).toEqual([null, null, 'true']);
    const badge = exams[2]?.querySelector('[data-testid="imported-badge"]');
    expect(badge?.textContent).toBe('本机导入');
    expect(badge?.getAttribute('title')).toContain('forged.json');
    // Newest first: the imported acknowledgement, then the one given here.
    const acks = [...container.querySelectorAll('[data-testid="acknowledgements"] tbody tr')];
    expect(
      acks.map((tr) => [tr.getAttribute('data-tip'), tr.lastElementChild?.textContent]),
    ).toEqual([
      ['licensed-software', ' 本机导入'],
      ['keep-operation-records', '本机'],
    ]);
  });
});

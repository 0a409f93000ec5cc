/**
 * Issue 10 · "Tours that never finish on a fresh browser": right after a browser starts,
 * `storage.managed.get()` (the administrator policy) can stall for seconds or never answer, and
 * on browsers without policy support it throws. Neither may stand between a learner's 完成 and
 * the saved record: the tour ends, the page says 引导已完成 and `completed` is stored.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { startTour } from './content/support';
import { readStore } from './support/db';
import { chooseRole } from './support/learner';
import { logIn } from './support/sim';

/** The worker's `chrome` global (the e2e type check has no extension types). */
interface WorkerChrome {
  storage: {
    managed: { get: () => Promise<unknown> };
    session: { get: (keys: null) => Promise<Record<string, unknown>> };
  };
}

type ManagedMode = 'stall' | 'throw';

/** Makes the worker's managed storage stall forever, or throw, from now on. */
async function breakManagedStorage(serviceWorker: Worker, mode: ManagedMode) {
  await serviceWorker.evaluate((mode) => {
    const area = (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.managed;
    area.get =
      mode === 'stall'
        ? () => new Promise(() => undefined)
        : () => Promise.reject(new Error('This browser does not support managed storage'));
  }, mode);
}

for (const mode of ['stall', 'throw'] as const) {
  test(`完成 ends the tour and stores it as completed when the managed policy ${mode === 'stall' ? 'never answers' : 'throws'}`, async ({
    context,
    serviceWorker,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    await breakManagedStorage(serviceWorker, mode);
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'index.html#/help');
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'jinjie-feedback',
      title: '反馈系统问题与优化建议',
      steps: 4,
    });
    await tour.next(0, '您的反馈很重要');
    await tour.next(1, '反馈渠道');
    await tour.next(2, '用指引“报告问题”');
    await tour.finish(3, '反馈系统问题与优化建议', '紧急问题');

    const dashboard = await openExtensionPage('dashboard.html');
    await expect
      .poll(async () =>
        (await readStore<{ tourId: string; status: string }>(dashboard, 'tourProgress')).find(
          (row) => row.tourId === 'jinjie-feedback',
        ),
      )
      .toMatchObject({ status: 'completed' });
    const kinds = (await readStore<{ tourId: string; kind: string }>(dashboard, 'tourEvents'))
      .filter((row) => row.tourId === 'jinjie-feedback')
      .map((row) => row.kind);
    expect(kinds).toEqual(expect.arrayContaining(['started', 'step-completed', 'finished']));
    // The tab's session is gone from storage.session: the tour does not come back.
    const sessions = await serviceWorker.evaluate(async () =>
      Object.keys(
        await (globalThis as unknown as { chrome: WorkerChrome }).chrome.storage.session.get(null),
      ).filter((key) => key.startsWith('tourSession:')),
    );
    expect(sessions).toEqual([]);
  });
}

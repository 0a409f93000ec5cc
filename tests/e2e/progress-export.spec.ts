/**
 * 备份与导出 on the dashboard, on the built extension: a learner's real progress (a tour completed
 * on the sim) exported as JSON and CSV, changed, then the first file imported again — import is a
 * merge, so nothing here changes; a file that is not a progress backup is refused with a reason
 * and changes nothing. A hand-made file with a forged exam: shown as 本机导入, not counted, and
 * the acknowledgements given before survive; 清空 asks with exact counts and keeps a backup.
 */
import type { Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { assessments as storedAssessments, tipAcknowledgements } from './support/db';
import {
  acknowledgeFirstRunTips,
  answerSurvey,
  chooseRole,
  startTourFromPopup,
  stepCard,
  walkMultipageTour,
  welcomeAs,
} from './support/learner';
import { sendFromExtensionPage } from './support/messages';

const IMPORT_LABEL = '从文件导入学习进度（JSON）';

interface ExportedFile {
  format: string;
  exportedAt: string;
  tables: Record<string, { [key: string]: unknown }[]>;
}

let downloads = 0;

/** Clicks an export button and returns the downloaded file's name and text. */
async function exportFile(dashboard: Page, button: string) {
  const [download] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByRole('button', { name: button }).click(),
  ]);
  // Same name every time on one day: keep each download apart.
  const path = test.info().outputPath(`${++downloads}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

async function exportJson(dashboard: Page): Promise<ExportedFile & { path: string }> {
  const file = await exportFile(dashboard, '导出学习进度（JSON）');
  expect(file.name).toMatch(/^指引学习进度-\d{4}-\d{2}-\d{2}\.json$/);
  return { ...(JSON.parse(file.text) as ExportedFile), path: file.path };
}

async function completeTour(
  page: Page,
  openExtensionPage: (p: string) => Promise<Page>,
  tabId: number,
) {
  await page.goto('/login.html');
  await startTourFromPopup(page, openExtensionPage, tabId, '引擎测试：跨页面引导');
  await walkMultipageTour(page);
  await answerSurvey(page, { rating: '非常满意', comment: '=1+1 清楚' });
}

test('export → change → importing the first file again changes nothing (merge); a foreign file changes nothing', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage, '业务操作人员');
  const page = await context.newPage();
  await page.goto('/login.html');
  await completeTour(page, openExtensionPage, await tabIdOf(page));

  const dashboard = await openExtensionPage('dashboard.html');
  const section = dashboard.getByRole('region', { name: '备份与导出' });
  await expect(section).toBeVisible();
  await expect(dashboard.getByTestId('dashboard-role')).toHaveText('业务操作人员');

  // JSON: the whole record of the tour just done.
  const exported = await exportJson(dashboard);
  await expect(dashboard.getByTestId('progress-status')).toContainText('已导出：指引学习进度-');
  expect(exported.format).toBe('zhiyin-progress');
  expect(exported.tables.profile?.[0]).toMatchObject({ role: '业务操作人员' });
  const kinds = exported.tables
    .tourEvents!.filter((e) => e.tourId === 'e2e-multipage')
    .map((e) => e.kind);
  expect(kinds[0]).toBe('started');
  expect(kinds.at(-1)).toBe('finished');
  expect(kinds.filter((kind) => kind === 'step-completed')).toHaveLength(5);
  expect(exported.tables.surveyAnswers).toEqual([
    expect.objectContaining({
      subjectId: 'e2e-multipage',
      rating: '非常满意',
      comment: '=1+1 清楚',
    }),
  ]);
  expect(exported.tables.tourProgress).toContainEqual(
    expect.objectContaining({ tourId: 'e2e-multipage', status: 'completed', completions: 1 }),
  );

  // CSV: one sheet for Excel, BOM first, Chinese headers, the tour by its title.
  const csv = await exportFile(dashboard, '导出学习记录（CSV）');
  expect(csv.name).toMatch(/^指引学习记录-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(csv.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    '时间,岗位,工号,类别,对象编号,对象名称,事件,步骤,得分,是否通过,用时（秒）,满意度,备注',
  );
  expect(
    lines.some((line) => line.includes('引擎测试：跨页面引导') && line.includes('完成引导')),
  ).toBe(true);
  // The survey comment is text in Excel, never a formula.
  expect(lines.some((line) => line.includes('满意度调查') && line.includes("'=1+1 清楚"))).toBe(
    true,
  );

  // The learner changes: another role, another tour begun.
  await sendFromExtensionPage(dashboard, 'page:setRole', { role: '基层用户' });
  const engine = await context.newPage();
  await engine.goto('/__e2e/engine.html');
  await startTourFromPopup(engine, openExtensionPage, await tabIdOf(engine), '引擎测试：逐步引导');
  await stepCard(engine, 'e2e-engine', 0).getByRole('button', { name: '下一步' }).click();
  await expect(stepCard(engine, 'e2e-engine', 1)).toBeVisible();
  const changed = await exportJson(dashboard);
  expect(changed.tables.tourEvents!.length).toBeGreaterThan(exported.tables.tourEvents!.length);

  // A file that is not a progress backup: refused with the reason, nothing changes.
  await dashboard.bringToFront();
  const foreign = test.info().outputPath('statements.json');
  await writeFile(foreign, JSON.stringify({ statements: [], more: '' }));
  await section.getByLabel(IMPORT_LABEL).setInputFiles(foreign);
  await expect(dashboard.getByTestId('progress-error')).toContainText(
    '「statements.json」这不是指引的学习进度文件',
  );
  await section.getByLabel(IMPORT_LABEL).setInputFiles(csv.path);
  await expect(dashboard.getByTestId('progress-error')).toContainText('不是有效的 JSON');
  const untouched = await exportJson(dashboard);
  expect(untouched.tables).toEqual(changed.tables);

  // The dashboard as it is now (read afresh): the changed learner.
  await dashboard.reload();
  await expect(dashboard.getByTestId('dashboard-role')).toHaveText('基层用户');

  // Import the first export: it says what the file holds and what the merge will do — every row
  // is already here, so nothing is added and nothing here changes (the newer role stays).
  await section.getByLabel(IMPORT_LABEL).setInputFiles(exported.path);
  await expect(dashboard.getByTestId('progress-import-summary')).toContainText(
    `学习事件 ${exported.tables.tourEvents!.length} 条`,
  );
  const fileRows = Object.entries(exported.tables)
    .filter(([table]) => table !== 'profile')
    .reduce((sum, [, rows]) => sum + rows.length, 0);
  await expect(dashboard.getByTestId('progress-import-plan')).toContainText(
    `将导入 0 条，已存在的 ${fileRows} 条保留不变。`,
  );
  await dashboard.screenshot({
    path: test.info().outputPath('dashboard-import.png'),
    fullPage: true,
  });
  await section.getByRole('button', { name: '确认导入' }).click();
  await expect(dashboard.getByTestId('progress-status')).toContainText(
    `已导入 0 条记录，已存在的 ${fileRows} 条保留不变，拒绝 0 条。`,
  );
  await expect(dashboard.getByTestId('dashboard-role')).toHaveText('基层用户');
  const merged = await exportJson(dashboard);
  expect(merged.tables).toEqual(changed.tables);
  const profile = await sendFromExtensionPage(dashboard, 'page:getProfile', undefined);
  expect(profile.role).toBe('基层用户');
});

/** A consistent hand-made exam result: 40 + 30 + 30 = 100, passed. */
function forgedExam(attemptId: string, stepScore = 40) {
  const at = Date.now() - 3_600_000;
  return {
    tourId: 'gongwen-new-document',
    attemptId,
    startedAt: at,
    endedAt: at + 60_000,
    status: 'passed',
    score: {
      stepScore,
      timeScore: 30,
      accuracyScore: 30,
      total: 100,
      passed: true,
      finished: true,
      elapsedMs: 60_000,
      remedialStepIds: [],
    },
    remedialStepIds: [],
    remedialCompletedAt: null,
  };
}

test('a hand-made file with a forged exam: shown as 本机导入 and not counted; the acknowledgements given before are still there; 清空 asks with exact counts and keeps a backup', async ({
  context,
  openExtensionPage,
}) => {
  // First run on the sim: three compliance tips acknowledged on this machine.
  const page = await context.newPage();
  await welcomeAs(page);
  await acknowledgeFirstRunTips(page);
  const dashboard = await openExtensionPage('dashboard.html');
  await expect.poll(async () => (await tipAcknowledgements(dashboard)).length).toBe(3);
  await dashboard.reload();
  const acks = dashboard.getByTestId('acknowledgements').locator('tbody tr');
  await expect(acks).toHaveCount(3);
  await expect(acks.filter({ hasText: '本机' })).toHaveCount(3);

  // The file: one exam passed with 100 (consistent, but nobody sat it here), one whose parts do
  // not add up to its total, and no acknowledgements at all (a replace would have wiped ours).
  const forged = test.info().outputPath('forged-exam.json');
  await writeFile(
    forged,
    JSON.stringify({
      format: 'zhiyin-progress',
      formatVersion: 2,
      exportedAt: new Date().toISOString(),
      tables: {
        profile: [],
        tourProgress: [],
        tourEvents: [],
        assessments: [forgedExam('forged-1'), forgedExam('forged-2', 10)],
        quizResults: [],
        surveyAnswers: [],
        tipAcknowledgements: [],
      },
    }),
  );
  const section = dashboard.getByRole('region', { name: '备份与导出' });
  await section.getByLabel(IMPORT_LABEL).setInputFiles(forged);
  await expect(dashboard.getByTestId('progress-import-plan')).toContainText(
    '将导入 1 条，已存在的 0 条保留不变。',
  );
  await expect(dashboard.getByTestId('progress-import-refused')).toContainText(
    '实操考核第 2 条（gongwen-new-document）：总分 100 与各项得分之和 70 不符',
  );
  await section.getByRole('button', { name: '确认导入' }).click();
  await expect(dashboard.getByTestId('progress-status')).toContainText(
    '已导入 1 条记录，已存在的 0 条保留不变，拒绝 1 条。',
  );

  // Shown, as imported; not counted in the pass rates (no attempt of this machine's own).
  const exam = dashboard.getByTestId('assessments').locator('tbody tr');
  await expect(exam).toHaveCount(1);
  await expect(exam).toHaveAttribute('data-imported', 'true');
  await expect(exam.getByTestId('imported-badge')).toHaveText('本机导入');
  await expect(
    dashboard.getByTestId('indicators').locator('[data-indicator="pass-eventual"]'),
  ).toContainText('（0 / 0）');
  // The acknowledgements given before are all still there, still this machine's own.
  await expect(acks).toHaveCount(3);
  await expect(acks.filter({ hasText: '本机导入' })).toHaveCount(0);
  const stored = await tipAcknowledgements(dashboard);
  expect(stored.map((ack) => ack.imported ?? null)).toEqual([null, null, null]);
  const [row] = await storedAssessments(dashboard);
  expect(row).toMatchObject({ attemptId: 'forged-1', imported: { fileName: 'forged-exam.json' } });

  // Importing the same file again adds nothing.
  await section.getByLabel(IMPORT_LABEL).setInputFiles(forged);
  await expect(dashboard.getByTestId('progress-import-plan')).toContainText(
    '将导入 0 条，已存在的 1 条保留不变。',
  );
  await section.getByRole('button', { name: '取消' }).click();

  // 清空: the exact counts first, then a backup that puts everything back.
  await section.getByRole('button', { name: '清空本机学习进度' }).click();
  await expect(dashboard.getByTestId('progress-clear-ask')).toContainText(
    '将删除 1 条考核记录、3 条规范确认记录。删除前会自动保存一份备份',
  );
  await section.getByRole('button', { name: '确认清空' }).click();
  await expect(dashboard.getByTestId('progress-status')).toContainText(
    '已清空：删除 1 条考核记录、3 条规范确认记录。',
  );
  await expect(dashboard.getByTestId('acknowledgements')).toHaveCount(0);
  expect(await tipAcknowledgements(dashboard)).toEqual([]);
  await dashboard
    .getByTestId('progress-backups')
    .getByRole('button', { name: /^恢复 .* 的备份$/ })
    .click();
  await expect(dashboard.getByTestId('progress-status')).toContainText(
    '已从备份恢复 4 条记录，已存在的 0 条保留不变。',
  );
  await expect(acks).toHaveCount(3);
  await expect(acks.filter({ hasText: '本机导入' })).toHaveCount(0);
  await expect(exam.getByTestId('imported-badge')).toHaveText('本机导入');
});

/**
 * Accessibility audit (issue 16): axe-core over every surface of Zhiyin on the sim — the step
 * card, a tip, a field-guard hint, the welcome card, the exam HUD and result (inside our open
 * shadow root in the test build), the popup (search, report form, my reports), options,
 * dashboard and quiz pages — in zh_CN and en, normal and large text. Prints a table per surface
 * and mode; fails on any serious or critical violation. Moderate ones are fixed or listed in
 * README "Accessibility".
 */
import type { Page } from '@playwright/test';
import { expect, OVERLAY_HOST, test } from './fixtures';
import {
  audit,
  auditRows,
  DISPLAY_MODES,
  formatAuditTable,
  modeName,
  setDisplayMode,
  type DisplayMode,
} from './support/a11y';
import { stepCard } from './support/learner';
import { logIn } from './support/sim';

// The popup lists tours in the learner's language (the tours' i18n.en).
const ENGINE_TOUR = {
  id: 'e2e-engine',
  title: '引擎测试：逐步引导',
  titleEn: 'Engine test: step by step',
};
const EXAM_TOUR = {
  id: 'bianmin-progress-query',
  title: '用进度查询跟踪审批状态',
  titleEn: 'Follow approval status with progress search',
};
const CREDIT_CODE = '91620102029332164P';
const QUERY = '请输入受理编号或统一社会信用代码';

const t = (mode: DisplayMode, zh: string, en: string) => (mode.language === 'en' ? en : zh);

test.describe.configure({ mode: 'serial' });

test.afterAll(() => {
  console.log(
    `\naxe-core audit (WCAG 2.2 A/AA + best practices)\n${formatAuditTable(auditRows)}\n`,
  );
});

for (const mode of DISPLAY_MODES) {
  test(`axe: every surface, ${modeName(mode)}`, async ({ context, openExtensionPage, tabIdOf }) => {
    // Fifteen surfaces, each audited by axe, in one walk: 2.0–2.8 min when the machine is busy
    // (a tour benchmark beside the suite), and the walk is serial, so a timeout here skipped the
    // other display modes. The budget is for that work, not a speed check.
    test.setTimeout(420_000);
    const failures: string[] = [];
    const check = async (page: Page, surface: string, include?: string) => {
      failures.push(...(await audit(page, surface, mode, include)));
    };
    await setDisplayMode(openExtensionPage, mode);
    const page = await context.newPage();

    // First run: the welcome card, then the first-run tips.
    await page.goto('/login.html');
    const welcome = page.locator('[data-zhiyin-welcome]');
    await expect(welcome).toBeVisible();
    await check(page, 'welcome card', OVERLAY_HOST);
    await welcome.locator('button.zy-role').first().click();
    await welcome.getByRole('button', { name: t(mode, '开始使用', 'Get started') }).click();
    const tip = page.locator('[data-zhiyin-tip]');
    await expect(tip).toBeVisible();
    await check(page, 'tip', OVERLAY_HOST);
    for (let i = 0; i < 3 && (await tip.count()) > 0; i += 1) {
      await tip.locator('.zy-button-primary').click();
      await page.waitForTimeout(300);
    }
    await expect(tip).toHaveCount(0);

    // A field guard's hint next to the new password.
    await logIn(page, 'zhangsan', 'index.html#/settings/password');
    const field = page.getByLabel('新密码', { exact: true });
    const hint = page.locator('[data-zhiyin-guard="password"]');
    await expect(async () => {
      await field.fill('');
      await field.pressSequentially('abc12345');
      await field.press('Tab');
      await expect(hint).toBeVisible({ timeout: 1000 });
    }).toPass();
    await check(page, 'field guard hint', OVERLAY_HOST);

    // The step card: centred (step 1) and next to its target with an action hint (step 2).
    await page.goto('/__e2e/engine.html');
    await startFromPopup(
      page,
      openExtensionPage,
      await tabIdOf(page),
      mode,
      t(mode, ENGINE_TOUR.title, ENGINE_TOUR.titleEn),
    );
    const intro = stepCard(page, ENGINE_TOUR.id, 0);
    await expect(intro).toBeVisible();
    await check(page, 'step card (centred)', OVERLAY_HOST);
    await intro.locator('.zy-button-primary').click();
    await expect(stepCard(page, ENGINE_TOUR.id, 1)).toBeVisible();
    await page.locator('#name').pressSequentially('张');
    await expect(stepCard(page, ENGINE_TOUR.id, 1).getByRole('alert')).toBeVisible();
    await check(page, 'step card (located, rejection)', OVERLAY_HOST);

    // The exam HUD and its result.
    await logIn(page, 'zhangsan', 'service.html#/progress');
    await expect(page.getByPlaceholder(QUERY)).toBeVisible();
    const tabId = await tabIdOf(page);
    const examPopup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await Promise.all([
      examPopup.waitForEvent('close'),
      examPopup
        .getByRole('button', {
          name:
            t(mode, '以考核方式开始：', 'Start as assessment: ') +
            t(mode, EXAM_TOUR.title, EXAM_TOUR.titleEn),
        })
        .click(),
    ]);
    await page.bringToFront();
    const hud = page.locator('.zy-exam-hud').first();
    await expect(hud).toBeVisible();
    await check(page, 'exam HUD', OVERLAY_HOST);
    await page.getByPlaceholder(QUERY).fill(CREDIT_CODE);
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('[data-zhiyin-exam-result]')).toBeVisible();
    await expect(page.locator('[data-zhiyin-survey]')).toBeVisible();
    await check(page, 'exam result + survey', OVERLAY_HOST);

    // The popup: search with results, the report form, my reports (one local report).
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: mode.largeText ? 460 : 380, height: 760 });
    const search = popup.getByRole('searchbox').or(popup.getByRole('textbox')).first();
    await search.fill('密码');
    await expect(popup.getByTestId('help-results').getByRole('button').first()).toBeVisible();
    await check(popup, 'popup: search');
    await popup.getByRole('tab').nth(1).click();
    await check(popup, 'popup: report form');
    await popup.locator('textarea').first().fill('查询按钮没有反应');
    await popup.getByRole('button', { name: t(mode, '提交报告', 'Submit report') }).click();
    await expect(popup.getByTestId('report-done')).toBeVisible();
    await popup.getByRole('tab').nth(2).click();
    await expect(popup.getByTestId('my-reports').locator('li')).toHaveCount(1);
    await check(popup, 'popup: my reports');
    await popup.close();

    // The extension's own pages.
    const options = await openExtensionPage('options.html');
    await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
    await check(options, 'options');
    await options.close();
    const dashboard = await openExtensionPage('dashboard.html');
    await expect(dashboard.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(dashboard.locator('#zy-assessments')).toBeVisible();
    await check(dashboard, 'dashboard');
    await dashboard.close();
    const modules = await openExtensionPage('quiz.html');
    await expect(modules.locator('[data-quiz="anquan"]')).toBeVisible();
    await check(modules, 'quiz: modules');
    await modules.close();
    const quiz = await openExtensionPage('quiz.html?quiz=anquan');
    await expect(quiz.getByRole('heading', { level: 1 })).toBeFocused();
    await quiz.getByRole('button', { name: t(mode, '提交答卷', 'Submit answers') }).click();
    await expect(quiz.getByRole('alert')).toBeVisible();
    await check(quiz, 'quiz: questions (missing answers)');
    // Every question answered (option A, a short text), handed in: the score and the review.
    for (const question of await quiz.locator('fieldset[data-question]').all()) {
      const text = question.locator('textarea');
      if ((await text.count()) > 0) await text.fill('立即上报信息部门');
      else await question.locator('input').first().check();
    }
    await quiz.getByRole('button', { name: t(mode, '提交答卷', 'Submit answers') }).click();
    await expect(quiz.locator('[data-quiz-result]')).toBeVisible();
    await check(quiz, 'quiz: result and review');
    await quiz.close();

    expect(failures, 'serious or critical axe violations').toEqual([]);
  });
}

/** Starts a tour from the popup's 开始 button (labelled in the learner's language). */
async function startFromPopup(
  page: Page,
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
  mode: DisplayMode,
  title: string,
) {
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await Promise.all([
    popup.waitForEvent('close'),
    popup
      .getByRole('button', { name: `${t(mode, '开始', 'Start')}：${title}`, exact: true })
      .click(),
  ]);
  await page.bringToFront();
}

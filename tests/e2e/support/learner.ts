import type { Page } from '@playwright/test';
import type { Role } from '../../../features/profile/roles';
import { expect } from '../fixtures';
import { sendFromExtensionPage } from './messages';
import { SIM_PASSWORD } from './sim';

type OpenExtensionPage = (path: string) => Promise<Page>;

/** A learner who already chose a role (so the first-run welcome card stays away). */
export async function chooseRole(
  openExtensionPage: OpenExtensionPage,
  role: Role = '业务操作人员',
) {
  const page = await openExtensionPage('options.html');
  const profile = await sendFromExtensionPage(page, 'page:setRole', { role });
  expect(profile.role).toBe(role);
  await page.close();
}

/** Starts a tour in `page` from the toolbar popup, as a learner would. */
export async function startTourFromPopup(
  page: Page,
  openExtensionPage: OpenExtensionPage,
  tabId: number,
  title: string,
) {
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  // The popup closes itself once the tour started: wait for that from before the click.
  await Promise.all([
    popup.waitForEvent('close'),
    // exact: the popup also offers 以考核方式开始：<title> (practical assessment).
    popup.getByRole('button', { name: `开始：${title}`, exact: true }).click(),
  ]);
  await page.bringToFront();
}

/** The step card of a tour, with its contract attributes (DESIGN.md, overlay test hooks). */
export function stepCard(page: Page, tourId: string, stepIndex?: number) {
  const step = stepIndex === undefined ? '' : `[data-zhiyin-step="${stepIndex}"]`;
  return page.locator(`[data-zhiyin-tour="${tourId}"]${step}`);
}

/** The tips every learner answers on first run (必须使用正版软件, 必须留存操作记录, 必须定期修改密码). */
export const FIRST_RUN_TIPS = ['change-password', 'keep-operation-records', 'licensed-software'];

/**
 * Answers the first-run tips one by one with 我已知晓, as they come; returns their ids in the
 * order they were shown. Ends when no tip is left on the page.
 */
export async function acknowledgeFirstRunTips(page: Page): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < FIRST_RUN_TIPS.length; i += 1) {
    const card = page.locator('[data-zhiyin-tip]');
    await expect(card).toBeVisible();
    seen.push((await card.getAttribute('data-zhiyin-tip')) ?? '');
    await card.getByRole('button', { name: '我已知晓' }).click();
  }
  await expect(page.locator('[data-zhiyin-tip]')).toHaveCount(0);
  return seen;
}

/**
 * First run on the sim as a new learner: the welcome card on the login page, a role, 开始使用.
 * `loginUrl`: the sim's login page where the profile has no base URL (a managed profile).
 */
export async function welcomeAs(
  page: Page,
  role: RegExp = /业务操作人员/,
  loginUrl = '/login.html',
): Promise<void> {
  await page.goto(loginUrl);
  const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
  await welcome.getByRole('button', { name: role }).click();
  await welcome.getByRole('button', { name: '开始使用' }).click();
}

/**
 * The fixture tour `e2e-multipage` (引擎测试：跨页面引导), started on the login page, walked as a
 * learner does: each card, then the action it asks for, across a full page load (登录) and an SPA
 * route change (#/todo); ends with 完成 on the last card, and no card is left.
 */
export async function walkMultipageTour(page: Page): Promise<void> {
  await expect(stepCard(page, 'e2e-multipage', 0)).toBeVisible();
  await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
  await expect(stepCard(page, 'e2e-multipage', 1)).toBeVisible();
  await page.getByRole('textbox', { name: '密码' }).fill(SIM_PASSWORD);
  await expect(stepCard(page, 'e2e-multipage', 2)).toBeVisible();
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/index\.html/u);
  await expect(stepCard(page, 'e2e-multipage', 3)).toBeVisible();
  await page
    .getByRole('navigation', { name: '顶部导航' })
    .getByRole('link', { name: /我的待办/u })
    .click();
  await page.waitForURL(/#\/todo/u);
  const last = stepCard(page, 'e2e-multipage', 4);
  await expect(last).toBeVisible();
  await last.getByRole('button', { name: '完成' }).click();
  await expect(stepCard(page, 'e2e-multipage')).toHaveCount(0);
}

/** The satisfaction survey at the end of a tour, answered (`rating`: the radio's name, 满意) and sent. */
export async function answerSurvey(
  page: Page,
  answer: { rating: string; comment?: string },
): Promise<void> {
  const survey = page.getByRole('region', { name: /您对本次引导满意吗/u });
  await expect(survey).toBeVisible();
  await survey.getByRole('radio', { name: answer.rating, exact: true }).check();
  if (answer.comment !== undefined) {
    await survey.getByRole('textbox', { name: '意见或建议（选填）' }).fill(answer.comment);
  }
  await survey.getByRole('button', { name: '提交' }).click();
  await expect(survey).toHaveCount(0);
}

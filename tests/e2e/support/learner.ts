import type { Page } from '@playwright/test';
import type { Role } from '../../../features/profile/roles';
import { expect } from '../fixtures';
import { sendFromExtensionPage } from './messages';

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

/** First run on the sim as a new learner: the welcome card on the login page, a role, 开始使用. */
export async function welcomeAs(page: Page, role: RegExp = /业务操作人员/): Promise<void> {
  await page.goto('/login.html');
  const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
  await welcome.getByRole('button', { name: role }).click();
  await welcome.getByRole('button', { name: '开始使用' }).click();
}

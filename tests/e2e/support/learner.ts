import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

type OpenExtensionPage = (path: string) => Promise<Page>;

/** A learner who already chose a role (so the first-run welcome card stays away). */
export async function chooseRole(openExtensionPage: OpenExtensionPage, role = '业务操作人员') {
  const options = await openExtensionPage('options.html');
  await options.getByRole('combobox').first().selectOption(role);
  await expect(options.getByRole('status')).toHaveText('已保存');
  await options.close();
}

/** Starts a tour in `page` from the toolbar popup, as a learner would. */
export async function startTourFromPopup(
  page: Page,
  openExtensionPage: OpenExtensionPage,
  tabId: number,
  title: string,
) {
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: `开始：${title}` }).click();
  await popup.waitForEvent('close').catch(() => undefined);
  await page.bringToFront();
}

/** The step card of a tour, with its contract attributes (DESIGN.md, overlay test hooks). */
export function stepCard(page: Page, tourId: string, stepIndex?: number) {
  const step = stepIndex === undefined ? '' : `[data-zhiyin-step="${stepIndex}"]`;
  return page.locator(`[data-zhiyin-tour="${tourId}"]${step}`);
}

import type { Page } from '@playwright/test';
import type { Role } from '../../../lib/profile/roles';
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

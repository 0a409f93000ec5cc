/**
 * Helpers for the content specs: a learner logs in to the sim, starts a bundled tour from the
 * toolbar popup and walks it with real clicks and typing. Every step asserts the card the learner
 * should see at that moment (tour id + step index, DESIGN.md overlay test hooks).
 */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { stepCard } from '../support/learner';

export { SIM_PASSWORD as PASSWORD } from '../support/sim';

type OpenExtensionPage = (path: string) => Promise<Page>;
type TabIdOf = (page: Page) => Promise<number>;

export { logIn } from '../support/sim';

/** A tour being walked in one page: asserts each card and drives it as the learner would. */
export class TourWalk {
  constructor(
    readonly page: Page,
    readonly tourId: string,
    readonly stepCount: number,
  ) {}

  card(index: number) {
    return stepCard(this.page, this.tourId, index);
  }

  /** The card of step `index` is shown, with its progress "n / total". */
  async expectStep(index: number, heading?: string | RegExp) {
    const card = this.card(index);
    await expect(card).toBeVisible();
    await expect(card).toContainText(`${index + 1} / ${this.stepCount}`);
    if (heading !== undefined) await expect(card.getByRole('heading')).toHaveText(heading);
    return card;
  }

  /** An explanation step: read it, press 下一步. */
  async next(index: number, heading?: string | RegExp) {
    const card = await this.expectStep(index, heading);
    await card.getByRole('button', { name: '下一步' }).click();
  }

  /** The tour ended by the learner's own action on its last step: the page confirms it. */
  async expectFinished(title: string) {
    await expect(
      this.page.getByRole('status').filter({ hasText: `引导已完成：${title}` }),
    ).toBeVisible();
    await expect(stepCard(this.page, this.tourId)).toHaveCount(0);
  }

  /** The last step: press 完成 and see the page confirm the tour is finished. */
  async finish(index: number, title: string, heading?: string | RegExp) {
    const card = await this.expectStep(index, heading);
    await card.getByRole('button', { name: '完成' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `引导已完成：${title}` }),
    ).toBeVisible();
    await expect(stepCard(this.page, this.tourId)).toHaveCount(0);
  }
}

/** Starts a tour from the popup on the page it applies to and waits for its first card. */
export async function startTour(
  page: Page,
  openExtensionPage: OpenExtensionPage,
  tabIdOf: TabIdOf,
  tour: { id: string; title: string; steps: number },
): Promise<TourWalk> {
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  const closed = popup.waitForEvent('close', { timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  // From the list of tours for this page (the role's onboarding checklist may offer it too).
  await popup
    .getByTestId('tours-here')
    .getByRole('button', { name: `开始：${tour.title}`, exact: true })
    .click();
  if (!(await closed)) {
    // The popup stays open only when it could not start the tour: show what it told the learner.
    const told = await popup.getByRole('alert').allTextContents();
    throw new Error(`the popup did not start ${tour.id}: ${told.join(' ') || '(no message)'}`);
  }
  await page.bringToFront();
  const walk = new TourWalk(page, tour.id, tour.steps);
  await walk.expectStep(0);
  return walk;
}

/** The popup lists the tour as 已完成 (only tours that apply to the tab's current URL are listed). */
export async function expectListedAsCompleted(
  page: Page,
  openExtensionPage: OpenExtensionPage,
  tabIdOf: TabIdOf,
  title: string,
): Promise<void> {
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await expect(popup.getByTestId('tours-here').locator('li', { hasText: title })).toContainText(
    '已完成',
  );
  await popup.close();
  await page.bringToFront();
}

/**
 * Picks an option of an antd Select found by its form label with the keyboard, as a person can:
 * open it, arrow down to the option, Enter. (A click on the option could land on the step card
 * when the dropdown opens upwards next to it.)
 */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await field(page, label).click();
  // antd renders the options in a portal and marks the keyboard-highlighted one as active.
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  await expect(active).toHaveCount(1);
  for (let moves = 0; moves < 20; moves++) {
    if ((await active.getAttribute('title')) === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(active).toHaveAttribute('title', option);
  await page.keyboard.press('Enter');
}

/**
 * The form control labelled `label`. The step card is a dialog named by its heading, which often
 * repeats the field's label, so a bare getByLabel would also match the card.
 */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).and(page.locator('input, textarea'));
}

/**
 * A button of the sim page (antd), not the step card's button of the same name (下一步). An antd
 * icon adds its glyph name to the button's accessible name ("file-pdf 生成上报结果"), hence the
 * pattern: the visible label, optionally after one icon name.
 */
export function pageButton(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByRole('button', { name: new RegExp(`^(\\S+ )?${escaped}$`) })
    .and(page.locator('.ant-btn'));
}

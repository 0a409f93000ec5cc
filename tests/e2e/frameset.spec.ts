/**
 * A jQuery-era <frameset> system (sim/frameset.html; issue 13): the top document has no <body>,
 * only <frame>s of the same origin. The overlay mounts in the top document's <html> (drawn over
 * the frames) and the card sits beside targets inside the frames; a menu link loads a page into
 * the main frame mid-tour and the next steps find their targets in the new document.
 */
import type { Frame, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';

const TOUR = 'e2e-frameset';

function frame(page: Page, name: string): Frame {
  const found = page.frame({ name });
  if (!found) throw new Error(`no frame ${name}`);
  return found;
}

/**
 * The card sits beside its target: close to it and not over it. Playwright reports the boxes of
 * elements inside frames in the top viewport, where the card is drawn.
 */
async function expectBeside(card: Locator, target: Locator) {
  const [a, b] = [await card.boundingBox(), await target.boundingBox()];
  if (!a || !b) throw new Error('card or target has no box');
  const gapX = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), 0);
  const gapY = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height), 0);
  expect(gapX + gapY, 'card next to its target').toBeLessThan(40);
  const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  expect(overlapX > 1 && overlapY > 1, 'card does not cover its target').toBe(false);
}

test('frameset: a menu frame link loads the main frame mid-tour, then a form in the main frame', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await page.goto('/frameset.html');
  await expect(page.frameLocator('frame[name="main"]').getByText('欢迎使用')).toBeVisible();
  await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：框架集页面');

  // The overlay host is drawn: in <html>, after the <frameset> (inside it nothing would render).
  const host = await page.evaluate(() => {
    const element = [...document.documentElement.children].find((child) =>
      child.localName.includes('zhiyin'),
    );
    return element ? element.parentElement?.localName : null;
  });
  expect(host).toBe('html');

  // 1. A link in the menu frame.
  const menu = stepCard(page, TOUR, 0);
  await expect(menu).toHaveClass(/zy-card-located/);
  const link = frame(page, 'menu').getByRole('link', { name: '调档申请' });
  await expectBeside(menu, link);
  await link.click();

  // 2. The main frame navigated to 调档申请: the step's target is in the new document.
  const name = stepCard(page, TOUR, 1);
  await expect(name).toHaveClass(/zy-card-located/);
  const main = frame(page, 'main');
  await expect(main.getByRole('heading', { name: '调档申请' })).toBeVisible();
  const nameInput = main.getByLabel('被调档人姓名');
  await expectBeside(name, nameInput);
  await nameInput.click();
  await page.keyboard.type('王五');

  // 3. A native select in the frame, changed with the keyboard.
  const reason = stepCard(page, TOUR, 2);
  await expect(reason).toHaveClass(/zy-card-located/);
  const select = main.getByLabel('调档事由');
  await expectBeside(reason, select);
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('promotion');

  // 4. The submit button; jQuery answers in the frame.
  const submit = stepCard(page, TOUR, 3);
  await expect(submit).toHaveClass(/zy-card-located/);
  await main.getByRole('button', { name: '提交申请' }).click();
  await expect(main.locator('#fs-result')).toHaveText('已提交：王五，干部考察。');
  await expect(stepCard(page, TOUR, 4)).toBeVisible();
});

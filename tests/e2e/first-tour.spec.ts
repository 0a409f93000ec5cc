/**
 * First tour on a new system (issue 13): the learner opens a page for the first time, the welcome
 * card is up, and they press 开始 in the popup. The tour starts at once; the welcome card and its
 * first-run tips wait behind it and come back when the tour ends.
 */
import { expect, test } from './fixtures';
import { startTourFromPopup, stepCard } from './support/learner';

const TOUR_TITLE = '引擎测试：跨页面引导';

test('a tour started from the popup while the welcome card is up starts; the welcome waits behind it', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  const page = await context.newPage();
  await page.goto('/login.html');
  const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
  await expect(welcome).toBeVisible();

  await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TOUR_TITLE);
  const first = stepCard(page, 'e2e-multipage', 0);
  await expect(first).toBeVisible();
  await expect(welcome).toBeHidden();
  // The step is usable: the learner types the account and the tour moves on.
  await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
  await expect(stepCard(page, 'e2e-multipage', 1)).toBeVisible();

  // Leaving the tour brings the welcome card back, unanswered; answering it brings the tips.
  await stepCard(page, 'e2e-multipage').getByRole('button', { name: '退出引导' }).click();
  await expect(stepCard(page, 'e2e-multipage')).toHaveCount(0);
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: /业务操作人员/ }).click();
  await welcome.getByRole('button', { name: '开始使用' }).click();
  await expect(page.locator('[data-zhiyin-tip]')).toBeVisible();
});

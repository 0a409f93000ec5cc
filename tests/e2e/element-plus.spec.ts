/**
 * Tours on a page built with the real Element Plus (sim/element.html; issue 13): the widgets a
 * reviewer's Element Plus office system tripped over.
 */
import { expect, test } from './fixtures';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';

const TOUR = 'e2e-element';

test('Element Plus: a nested same-name upload button, a multiple cascader, a page-size select by its text', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await page.goto('/element.html');
  await expect(page.getByRole('heading', { name: '便民服务登记' })).toBeVisible();
  await startTourFromPopup(
    page,
    openExtensionPage,
    await tabIdOf(page),
    '引擎测试：Element Plus 组件',
  );

  // 1. el-upload: a div[role=button] wrapping a <button>, both named 选择文件. One target, shown
  // beside it — never "not found".
  const upload = stepCard(page, TOUR, 0);
  await expect(upload).toBeVisible();
  await expect(upload).toHaveClass(/zy-card-located/);
  await expect(upload).not.toContainText('找不到');
  // The target leaves the layout while shown (as a closed dropdown does): the card waits where it
  // was and says so, instead of jumping to the window's corner; it comes back when the target does.
  const before = await upload.boundingBox();
  const hideUpload = (display: string) =>
    page.evaluate((value) => {
      (document.querySelector('.el-upload') as HTMLElement).style.display = value;
    }, display);
  await hideUpload('none');
  await expect(upload).toHaveAttribute('data-target-away', '');
  await expect(upload).toContainText('暂时不见了');
  const waiting = await upload.boundingBox();
  expect(Math.round(waiting?.x ?? -1)).toBe(Math.round(before?.x ?? 0));
  expect(Math.round(waiting?.y ?? -1)).toBe(Math.round(before?.y ?? 0));
  await hideUpload('');
  await expect(upload).not.toHaveAttribute('data-target-away');
  await upload.getByRole('button', { name: '下一步' }).click();

  // 2. A multiple cascader: the chosen regions live only in tags. Ticking one advances.
  const areas = stepCard(page, TOUR, 1);
  await expect(areas).toHaveClass(/zy-card-located/);
  // The learner clicks the box (in a multiple cascader the tag area lies over its input).
  await page.locator('.el-form-item', { hasText: '服务区域' }).locator('.el-cascader').click();
  await page.getByRole('menuitem', { name: '北山乡' }).click();
  await page
    .locator('.el-cascader-panel .el-cascader-node')
    .filter({ hasText: '东村' })
    .locator('.el-checkbox')
    .click();
  await expect(page.locator('.el-cascader__tags')).toContainText('北山乡 / 东村');
  const pageSize = stepCard(page, TOUR, 2);
  await expect(pageSize).toBeVisible();
  await page.keyboard.press('Escape');

  // 3. { text: 10条/页 } is the whole select: clicking its box (not the inner text) advances.
  await expect(pageSize).toHaveClass(/zy-card-located/);
  const sizes = page.locator('.el-pagination__sizes .el-select__wrapper');
  const box = await sizes.boundingBox();
  if (!box) throw new Error('no page-size select');
  // Near the right edge, by the arrow: outside the text "10条/页".
  await page.mouse.click(box.x + box.width - 8, box.y + box.height / 2);

  // 4. An option in the dropdown that click opened (teleported popper, still in its enter
  // transition when the step begins; on a starved machine it can outlast the step's wait, and the
  // card then moves to the option when it shows instead of staying 找不到该元素).
  const option = stepCard(page, TOUR, 3);
  await expect(option).toBeVisible();
  await expect(option).toHaveClass(/zy-card-located/);
  await page.getByRole('option', { name: '20条/页' }).click();

  // 5–6. A confirm dialog: the card for 确定 goes beside the dialog, level with the button, not
  // over the summary the step asks the learner to check.
  const submit = stepCard(page, TOUR, 4);
  await expect(submit).toHaveClass(/zy-card-located/);
  await page.getByRole('button', { name: '提交' }).click();
  const confirm = stepCard(page, TOUR, 5);
  await expect(confirm).toHaveClass(/zy-card-located/);
  const dialog = page.locator('.el-dialog');
  await expect(dialog).toContainText('服务区域 1 个');
  const ok = page.getByRole('button', { name: '确定' });
  await expect(async () => {
    const [cardBox, dialogBox, okBox] = await Promise.all([
      confirm.boundingBox(),
      dialog.boundingBox(),
      ok.boundingBox(),
    ]);
    if (!cardBox || !dialogBox || !okBox) throw new Error('no boxes');
    const overlaps =
      cardBox.x < dialogBox.x + dialogBox.width &&
      dialogBox.x < cardBox.x + cardBox.width &&
      cardBox.y < dialogBox.y + dialogBox.height &&
      dialogBox.y < cardBox.y + cardBox.height;
    expect(overlaps).toBe(false);
    // Level with the button it is about: the button's middle is within the card's height.
    const middle = okBox.y + okBox.height / 2;
    expect(middle).toBeGreaterThanOrEqual(cardBox.y);
    expect(middle).toBeLessThanOrEqual(cardBox.y + cardBox.height);
  }).toPass({ timeout: 5000 });
  await ok.click();
  await expect(stepCard(page, TOUR, 6)).toBeVisible();
});

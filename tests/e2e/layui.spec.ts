/**
 * Tours on a page built with the real layui 2.13 (sim/layui.html; issue 13): form items whose
 * label is a sibling <label>, selects / switches / checkboxes drawn as divs over hidden native
 * inputs, a layer confirm dialog whose buttons are <a> without href, classic tabs, and a table
 * pager's page-size select. The learner advances only by doing each step.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';

const TOUR = 'e2e-layui';

/** The card sits beside its target: their boxes are close and do not overlap. */
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

/**
 * A target inside a dialog: the card goes beside the dialog (not over its content), level with
 * the target (lib/overlay/dialogs.ts).
 */
async function expectBesideDialog(card: Locator, dialog: Locator, target: Locator) {
  await expect(async () => {
    const [a, d, t] = [
      await card.boundingBox(),
      await dialog.boundingBox(),
      await target.boundingBox(),
    ];
    if (!a || !d || !t) throw new Error('card, dialog or target has no box');
    const overlapX = Math.min(a.x + a.width, d.x + d.width) - Math.max(a.x, d.x);
    const overlapY = Math.min(a.y + a.height, d.y + d.height) - Math.max(a.y, d.y);
    expect(overlapX > 1 && overlapY > 1, 'card does not cover the dialog').toBe(false);
    const middle = t.y + t.height / 2;
    expect(middle, 'card level with its target').toBeGreaterThanOrEqual(a.y);
    expect(middle, 'card level with its target').toBeLessThanOrEqual(a.y + a.height);
  }).toPass({ timeout: 5000 });
}

test('layui: label → skinned select, switch and checkbox, a layer confirm, tabs, table paging', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await page.goto('/layui.html');
  await expect(page.locator('.layui-form-select')).toBeVisible();
  await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：layui 组件');

  // 1. A layui form item: <label.layui-form-label> beside <div.layui-input-block><input lay-verify>.
  const applicant = stepCard(page, TOUR, 0);
  await expect(applicant).toHaveClass(/zy-card-located/);
  const input = page.getByPlaceholder('请输入申请人姓名');
  await expectBeside(applicant, input);
  await input.click();
  await page.keyboard.type('张三');

  // 2. { label: 事项类型 } is the skinned .layui-form-select (the native <select> is hidden);
  // picking an option in layui's own dropdown is the change that advances.
  const type = stepCard(page, TOUR, 1);
  await expect(type).toHaveClass(/zy-card-located/);
  const select = page.locator('.layui-form-select');
  await expectBeside(type, select);
  await select.locator('.layui-select-title').click();
  await expect(type, 'opening the dropdown is not a change').toBeVisible();
  await page.locator('.layui-form-select dd', { hasText: '医保报销' }).click();
  await expect(page.locator('select[name="type"]')).toHaveValue('medical');

  // 3. { label: 办理渠道 } is the block of radio skins; picking 网上办理 is the change (value).
  const channel = stepCard(page, TOUR, 2);
  await expect(channel).toHaveClass(/zy-card-located/);
  await page.locator('.layui-form-radio', { hasText: '网上办理' }).click();
  await expect(page.locator('input[value="online"]')).toBeChecked();

  // 4. laydate: the learner opens the calendar and picks a day; laydate writes the input's value.
  const date = stepCard(page, TOUR, 3);
  await expect(date).toHaveClass(/zy-card-located/);
  const dateInput = page.getByPlaceholder('请选择预约日期');
  await expectBeside(date, dateInput);
  await dateInput.click();
  const calendar = page.locator('.layui-laydate');
  await expect(calendar).toBeVisible();
  await calendar
    .locator('td:not(.laydate-disabled, .laydate-day-prev, .laydate-day-next)')
    .last()
    .click();
  if (await calendar.isVisible()) await calendar.getByText('确定').click();
  await expect(dateInput).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

  // 5. { label: 短信通知 } is the switch skin; toggling it (no native event at all) advances.
  const notify = stepCard(page, TOUR, 4);
  await expect(notify).toHaveClass(/zy-card-located/);
  const toggle = page.locator('.layui-form-switch');
  await expectBeside(notify, toggle);
  await toggle.click();
  await expect(page.locator('input[name="notify"]')).toBeChecked();

  // 6. The upload button (layui puts a hidden file input after it): clicking it is the step.
  const uploadCard = stepCard(page, TOUR, 5);
  await expect(uploadCard).toHaveClass(/zy-card-located/);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '上传材料' }).click(),
  ]);
  await chooser.setFiles({
    name: '身份证复印件.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4'),
  });
  await expect(page.locator('#lay-upload-name')).toHaveText('身份证复印件.pdf');

  // 7. A text locator on a widget: the checkbox skin holding 已阅读并同意办理须知.
  const agree = stepCard(page, TOUR, 6);
  await expect(agree).toHaveClass(/zy-card-located/);
  const checkbox = page.locator('.layui-form-checkbox[lay-skin="primary"]');
  await expectBeside(agree, checkbox);
  await checkbox.click();
  await expect(page.locator('input[name="agree"]')).toBeChecked();

  // 8. The submit button opens layer.confirm (lay-verify passes: the learner filled the form).
  const submit = stepCard(page, TOUR, 7);
  await expect(submit).toHaveClass(/zy-card-located/);
  await page.getByRole('button', { name: '提交申请' }).click();

  // 9. The dialog's 确定 is an <a> without href: found by its text inside the layer dialog.
  const confirm = stepCard(page, TOUR, 8);
  await expect(confirm).toHaveClass(/zy-card-located/);
  const dialog = page.locator('.layui-layer-dialog');
  await expect(dialog).toContainText('申请人：张三，事项：医保报销');
  const ok = dialog.locator('.layui-layer-btn0');
  await expectBesideDialog(confirm, dialog, ok);
  await ok.click();
  await expect(dialog).toHaveCount(0);

  // 10. A classic layui tab (an <li> without role) by its text.
  const records = stepCard(page, TOUR, 9);
  await expect(records).toHaveClass(/zy-card-located/);
  await page.locator('.layui-tab-title li', { hasText: '受理记录' }).click();

  // 11. The table pager's page-size <select>, by the text of its chosen option; the learner picks
  // 20 条/页 with the keyboard (a native select's popup is the browser's, not the page's).
  const pageSize = stepCard(page, TOUR, 10);
  await expect(pageSize).toHaveClass(/zy-card-located/);
  const limits = page.locator('.layui-laypage-limits select');
  await expectBeside(pageSize, limits);
  await limits.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.layui-table-body tr')).toHaveCount(20);
  await expect(stepCard(page, TOUR, 11)).toBeVisible();
});

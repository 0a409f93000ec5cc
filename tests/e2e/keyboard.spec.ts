/**
 * Keyboard only (issue 16): a whole tour started from the popup, every step, a field guard and
 * 完成 — and the report form with a screenshot — with keyboard.press/type only, no clicks. Focus
 * is visible, never lost when the card moves, goes back to the page's own control when the card
 * closes, and is never taken from a field the learner is typing in. The card is announced once
 * per step (its live region and accessible name are checked in the accessibility tree).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { focusInfo, tabTo } from './support/keyboard';
import { chooseRole, stepCard } from './support/learner';
import { logIn, SIM_PASSWORD } from './support/sim';

const TOUR = { id: 'anquan-password-change', title: '设置合规密码并定期更换' };

/** Focus is on something of ours or the page's, drawn, never on nothing. */
async function expectVisibleFocus(page: Page, name: string | RegExp, inOverlay: boolean) {
  await expect
    .poll(async () => {
      const info = await focusInfo(page);
      return { ...info, name: typeof name === 'string' ? info.name : name.test(info.name) };
    })
    .toMatchObject({
      name: typeof name === 'string' ? name : true,
      inOverlay,
      visible: true,
    });
}

test('keyboard only: a whole tour from the popup, a field guard, 完成; focus kept, shown and returned', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(120_000);
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await logIn(page, 'zhangsan', 'index.html#/settings/password');
  await expect(page.getByLabel('新密码', { exact: true })).toBeVisible();

  // The popup: Tab to 开始 for this page's tour, Enter.
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await expect(
    popup.getByRole('button', { name: `开始：${TOUR.title}`, exact: true }),
  ).toBeVisible();
  await tabTo(popup, `开始：${TOUR.title}`);
  await pressToClose(popup, 'Enter');
  await page.bringToFront();

  // Step 1 of 6: nothing had focus in the page, so 下一步 has it, drawn. The card is a dialog
  // named by its title and position and described by its body; the live region stays quiet
  // (the reader says the dialog when focus enters it: not twice).
  const first = stepCard(page, TOUR.id, 0);
  await expect(first).toBeVisible();
  await expectVisibleFocus(page, '下一步', true);
  await expect(page.getByRole('dialog', { name: '上次修改时间 第 1 步，共 6 步' })).toBeVisible();
  await expect(first).toHaveAccessibleDescription(/每3个月更换一次/);
  const live = page.locator('zhiyin-overlay .zy-sr-only[aria-live="polite"]');
  await expect(live).toHaveText('');

  // Enter: step 2 waits for the old password, so focus goes to that field.
  await page.keyboard.press('Enter');
  await expect(stepCard(page, TOUR.id, 1)).toBeVisible();
  await expectVisibleFocus(page, '原密码', false);
  await expect(live).toHaveText(
    `${TOUR.title}，第 2 步，共 6 步：输入原密码 请在高亮的输入框中填写，符合要求后将自动进入下一步。`,
  );
  // Said once: only that live region carries the step (the card itself is not live).
  const liveRegions = page.locator(
    'zhiyin-overlay :is([aria-live], [role="status"], [role="alert"], [role="log"])',
  );
  await expect(liveRegions.filter({ hasText: '输入原密码' })).toHaveCount(1);
  await expect(page.locator('zhiyin-overlay [data-zhiyin-tour][aria-live]')).toHaveCount(0);
  // Typing: the step moves on at the first character, and the rest still goes into the field.
  await page.keyboard.type(SIM_PASSWORD, { delay: 30 });
  await expect(stepCard(page, TOUR.id, 2)).toBeVisible();
  await expect(page.getByLabel('原密码')).toHaveValue(SIM_PASSWORD);
  await expectVisibleFocus(page, '原密码', false);
  await expect(live).toContainText('第 3 步，共 6 步：设置新密码');

  // A password without a symbol: the step waits, and leaving the field brings the guard's hint
  // (an alert, next to the field) without taking focus from the next field.
  await tabTo(page, '新密码');
  await page.keyboard.type('abc12345', { delay: 30 });
  await expect(stepCard(page, TOUR.id, 2).getByRole('alert')).toBeVisible();
  await tabTo(page, '确认新密码');
  const hint = page.locator('[data-zhiyin-guard="password"]');
  await expect(hint).toHaveAttribute('data-level', 'warning');
  await expect(hint).toHaveRole('alert');
  await expect(hint).toContainText('符号');
  await expectVisibleFocus(page, '确认新密码', false);
  await expect(stepCard(page, TOUR.id, 2)).toBeVisible();

  // Back, select all, type a good one: the step moves on while the learner types.
  await tabTo(page, '新密码', { back: true });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Abc@12345', { delay: 30 });
  await expect(stepCard(page, TOUR.id, 3)).toBeVisible();
  await expect(page.getByLabel('新密码', { exact: true })).toHaveValue('Abc@12345');
  await expectVisibleFocus(page, '新密码', false);

  await tabTo(page, '确认新密码');
  await page.keyboard.type('Abc@12345', { delay: 30 });
  await expect(stepCard(page, TOUR.id, 4)).toBeVisible();
  await expectVisibleFocus(page, '确认新密码', false);

  // 确认修改 with Enter: the last step needs 完成, so focus goes into the card.
  await tabTo(page, /确认修改|确 认 修 改/);
  await page.keyboard.press('Enter');
  const last = stepCard(page, TOUR.id, 5);
  await expect(last).toBeVisible();
  await expectVisibleFocus(page, '完成', true);

  // 完成 with Enter: the card closes and focus is back on the page's own control.
  await page.keyboard.press('Enter');
  await expect(stepCard(page, TOUR.id)).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `引导已完成：${TOUR.title}` }),
  ).toBeVisible();
  await expect.poll(async () => (await focusInfo(page)).tag).not.toBe('body');
  const back = await focusInfo(page);
  expect(back.inOverlay).toBe(false);
  expect(back.name).toMatch(/确认修改|确 认 修 改/);
});

test('keyboard only: Alt+Shift+G between page and card; Esc leaves and focus goes back to the field', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await page.goto('/__e2e/engine.html');
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await tabTo(popup, '开始：引擎测试：逐步引导');
  await pressToClose(popup, 'Enter');
  await page.bringToFront();
  await expectVisibleFocus(page, '下一步', true);
  await page.keyboard.press('Enter');
  // Step 2 waits for the name: focus is in the field; typing a wrong value keeps it there.
  await expect(stepCard(page, 'e2e-engine', 1)).toBeVisible();
  await expectVisibleFocus(page, '姓名', false);
  await page.keyboard.type('张');
  await expect(stepCard(page, 'e2e-engine', 1).getByRole('alert')).toBeVisible();
  await expectVisibleFocus(page, '姓名', false);
  // Alt+Shift+G goes into the card (下一步 is disabled here: the card itself), and back.
  await page.keyboard.press('Alt+Shift+G');
  await expect.poll(async () => (await focusInfo(page)).inOverlay).toBe(true);
  await page.keyboard.press('Alt+Shift+G');
  await expectVisibleFocus(page, '姓名', false);
  await page.keyboard.press('Alt+Shift+G');
  // In the card: Tab to 跳过 is there; Esc leaves the tour.
  await tabTo(page, '跳过', { max: 6 });
  await page.keyboard.press('Escape');
  await expect(stepCard(page, 'e2e-engine')).toHaveCount(0);
  await expectVisibleFocus(page, '姓名', false);
});

test('keyboard only: a problem report with a screenshot from the popup', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await page.goto('/login.html');
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  // The tabs: Tab into the list, → to 报告问题 (roving focus, selection follows).
  await tabTo(popup, '帮助');
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: '报告问题' })).toBeFocused();
  await expect(popup.getByRole('tab', { name: '报告问题' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await tabTo(popup, '问题描述');
  await popup.keyboard.type('登录按钮没有反应');
  await tabTo(popup, /附带本页截图/);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('img', { name: '将随报告发送的页面截图' })).toBeVisible();
  await tabTo(popup, '提交报告');
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('report-done')).toContainText('报告已');
  // Focus stayed on 提交报告 while it was sent (not dropped on the page).
  const done = await focusInfo(popup);
  expect(done).toMatchObject({ name: '提交报告', visible: true });
});

/** Presses a key that closes the popup (a tour starts): the press itself may see it close. */
async function pressToClose(popup: Page, key: string) {
  const closed = popup.waitForEvent('close');
  await popup.keyboard.press(key).catch((error: unknown) => {
    if (!popup.isClosed()) throw error;
  });
  await closed;
}

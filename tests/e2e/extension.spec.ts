import { expect, OVERLAY_HOST, test, UNRELATED_HOST } from './fixtures';
import { acknowledgeFirstRunTips } from './support/learner';

test.describe('extension on the simulated system', () => {
  test('the content script mounts its overlay on the sim, and the popup shows what it recorded', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/login.html');

    // First run: the welcome card appears inside Zhiyin's open shadow root.
    const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
    await expect(welcome).toBeVisible();
    await expect(page.locator(OVERLAY_HOST)).toHaveCount(1);
    // The host page's DOM gets exactly one element from us, and nothing in its own tree.
    expect(
      await page.evaluate((tag) => document.querySelectorAll(`body > ${tag}`).length, OVERLAY_HOST),
    ).toBe(1);

    await welcome.getByRole('button', { name: /业务操作人员/ }).click();
    await expect(welcome.getByRole('status')).toContainText('已设置为「业务操作人员」');
    await welcome.getByRole('button', { name: '开始使用' }).click();
    await expect(welcome).toBeHidden();
    // First run then brings the compliance reminders (正版软件, 操作留痕, 定期改密) one by one;
    // once they are answered, nothing is shown and our element leaves the page.
    await acknowledgeFirstRunTips(page);
    await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);

    const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
    await expect(popup.getByTestId('tab-status')).toContainText('指引已在本页运行');
    await expect(popup.getByTestId('current-role')).toHaveText('业务操作人员');
    const recent = popup.getByTestId('recent-activity');
    await expect(recent).toContainText('选择岗位：业务操作人员');
    await expect(recent).toContainText('访问页面');
  });

  test('the welcome card does not come back after a role is chosen', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
    await welcome.getByRole('button', { name: /基层用户/ }).click();
    await welcome.getByRole('button', { name: '开始使用' }).click();
    await page.reload();
    await page.waitForLoadState('networkidle');
    // Wait for the content script to have reported in, then check nothing was shown.
    await expect.poll(() => page.evaluate(() => document.title)).not.toBe('');
    await page.waitForTimeout(500);
    await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);
  });

  test('Esc closes the welcome card like 稍后再说, and it stays closed', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
    await expect(welcome).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(welcome).toBeHidden();
    await page.reload();
    await page.waitForTimeout(500);
    await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);
  });

  test('does not run on a host the administrator did not configure', async ({
    context,
    openExtensionPage,
    tabIdOf,
    baseURL,
  }) => {
    const port = new URL(baseURL ?? 'http://127.0.0.1:4173').port;
    const page = await context.newPage();
    await page.goto(`http://${UNRELATED_HOST}:${port}/login.html`);
    await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.locator(OVERLAY_HOST)).toHaveCount(0);

    const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
    await expect(popup.getByTestId('tab-status')).toContainText('指引未在本页运行');
  });
});

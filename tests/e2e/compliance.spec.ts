import type { Page } from '@playwright/test';
import { expect, OVERLAY_HOST, test } from './fixtures';
import { tipAcknowledgements } from './support/db';
import { acknowledgeFirstRunTips, chooseRole, FIRST_RUN_TIPS, welcomeAs } from './support/learner';
import { logIn as login } from './support/sim';

const tip = (page: Page, id: string) => page.locator(`[data-zhiyin-tip="${id}"]`);

test.describe('compliance tips (三不准 / 四必须) and field guards on the sim', () => {
  test('first run: 正版软件, 操作留痕 and the password reminder, each acknowledged and recorded', async ({
    context,
    openExtensionPage,
  }) => {
    const page = await context.newPage();
    await welcomeAs(page);

    const seen = (await acknowledgeFirstRunTips(page)).sort();
    expect(seen).toEqual(FIRST_RUN_TIPS);

    // Records are written by the background after each click: wait until all three are there.
    const extensionPage = await openExtensionPage('options.html');
    await expect
      .poll(async () => (await tipAcknowledgements(extensionPage)).map((r) => r.tipId).sort())
      .toEqual(seen);
    const records = await tipAcknowledgements(extensionPage);
    expect(
      records.every(
        (record) => record.response === 'acknowledge' && record.role === '业务操作人员',
      ),
    ).toBe(true);
    expect(records[0]?.url).toContain('/login.html');

    // Once-only tips do not come back on the next page.
    await page.goto('/login.html');
    await page.waitForTimeout(1500);
    await expect(tip(page, 'licensed-software')).toHaveCount(0);
  });

  test('不准修改系统配置 on 系统管理 for an ordinary user, not on the workbench', async ({
    context,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await login(page, 'zhangsan', 'index.html#/');
    await page.waitForTimeout(1500);
    await expect(tip(page, 'no-config-change')).toHaveCount(0);

    await page.goto('/admin.html#/system/flows');
    const card = tip(page, 'no-config-change');
    await expect(card).toBeVisible();
    await expect(card).toContainText('不准修改系统配置');
    await card.getByRole('button', { name: '我已知晓' }).click();
    await expect(card).toHaveCount(0);
  });

  test('the password guard warns next to the field when the learner leaves it, and clears as they fix it', async ({
    context,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await login(page, 'zhangsan', 'index.html#/settings/password');
    const field = page.getByLabel('新密码', { exact: true });
    const hint = page.locator('[data-zhiyin-guard="password"]');
    // The rules start once the page is idle; a half-typed value is not an error, so the warning
    // comes when the learner leaves the field. Each try types another value without a symbol:
    // the browser sends no change event for the value the field had when it got focus.
    let attempt = 0;
    await expect(async () => {
      await field.fill('');
      await field.pressSequentially(`abc1234${attempt++ % 10}`);
      await field.press('Tab');
      await expect(hint).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(hint).toHaveAttribute('data-level', 'warning');
    await expect(hint).toContainText('符号');
    await field.fill('Abc@12345');
    await expect(hint).not.toHaveAttribute('data-level', 'warning');
    // Nothing of ours sits in the page's own DOM besides the overlay host.
    expect(
      await page.evaluate(
        (tag) => document.querySelectorAll(`${tag} [data-zhiyin-guard]`).length,
        OVERLAY_HOST,
      ),
    ).toBe(0);
  });
});

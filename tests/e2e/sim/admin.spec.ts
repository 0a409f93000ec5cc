import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { logIn as login } from '../support/sim';

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

test('权限申请: 提交申请表 → 部门审核 → 系统配置; the level changes only after 系统配置', async ({
  page,
}) => {
  await login(page, 'zhangsan', 'admin.html#/account');
  const mine = page.getByTestId('my-permission');
  await expect(mine).toContainText('普通用户');
  await chooseOption(page, '申请权限级别', '部门管理员');
  await page.getByLabel('申请事由').fill('负责综合受理科营业执照办理的复核工作，需要部门审核权限');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText(/权限申请已提交（QX\d+），等待部门审核/)).toBeVisible();
  await expect(page.getByText('待部门审核').first()).toBeVisible();

  await login(page, 'lisi', 'admin.html#/approvals');
  await page
    .getByRole('row', { name: /张三/ })
    .first()
    .getByRole('button', { name: '审核通过' })
    .click();
  await expect(page.getByText('部门审核通过，已转超级管理员系统配置')).toBeVisible();

  await login(page, 'zhangsan', 'admin.html#/account');
  await expect(page.getByTestId('my-permission')).toContainText('普通用户');
  await expect(page.getByText('待系统配置').first()).toBeVisible();

  await login(page, 'admin', 'admin.html#/approvals');
  await page
    .getByRole('row', { name: /张三/ })
    .first()
    .getByRole('button', { name: '配置生效' })
    .click();
  await expect(page.getByText('已完成系统配置：张三的权限已调整为「部门管理员」')).toBeVisible();
  await page.goto('admin.html#/system/audit');
  await expect(page.getByRole('row', { name: /权限变更/ }).first()).toContainText(
    '普通用户 → 部门管理员',
  );

  await login(page, 'zhangsan', 'admin.html#/account');
  await expect(page.getByTestId('my-permission')).toContainText('部门管理员');
  await expect(page.getByText('已生效')).toBeVisible();
});

test('系统管理 is closed to a 普通用户 with 无权限访问', async ({ page }) => {
  await login(page, 'xiangzhen', 'admin.html#/system/users');
  await expect(page.getByText('无权限访问')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('admin.html#/system/flows');
  await expect(page.getByText('无权限访问')).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑流程' })).toHaveCount(0);
});

test('超级管理员 assigns a level and edits a flow, both confirmed and logged', async ({ page }) => {
  await login(page, 'admin', 'admin.html#/system/users');
  await chooseOption(page, '刘芳的权限级别', '部门管理员');
  await page.getByRole('button', { name: '确认调整' }).click();
  await expect(page.getByText('已将 刘芳 的权限级别调整为「部门管理员」')).toBeVisible();

  await page.goto('admin.html#/system/flows');
  const flow = page.getByTestId('flow-document-review');
  await expect(flow).toContainText('部门负责人审核');
  await flow.getByRole('button', { name: '编辑流程' }).click();
  await page.getByLabel('第2个节点时限（工作日）').fill('3');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('「公文审核」流程配置已保存')).toBeVisible();
  await expect(flow).toContainText('办公室 · 3个工作日');
  await expect(flow).toContainText('合计时限6个工作日');

  await page.goto('admin.html#/system/audit');
  await expect(page.getByRole('row', { name: /流程配置/ }).first()).toContainText(
    '办公室审核（办公室，3个工作日）',
  );
  await expect(page.getByRole('row', { name: /权限变更.*刘芳/ })).toContainText(
    '普通用户 → 部门管理员',
  );
});

test('系统维护: the version-update checklist is ticked in order by the 超级管理员, read-only for others', async ({
  page,
}) => {
  await login(page, 'lisi', 'admin.html#/system/maintenance');
  await expect(page.getByText('当前为只读视图')).toBeVisible();
  const checklist = page.getByTestId('maint-checklist');
  await expect(checklist.getByRole('checkbox', { name: '数据备份' })).toBeDisabled();

  await login(page, 'admin', 'admin.html#/system/maintenance');
  await expect(page.getByText('当前为只读视图')).toHaveCount(0);
  await expect(page.getByTestId('maint-version')).toContainText('V3.2.1');
  await expect(page.getByTestId('maint-release-notes')).toContainText('V3.3.0 版本说明');
  const labels = [
    '数据备份',
    '发布维护公告',
    '进入维护窗口',
    '执行更新',
    '功能验证',
    '确认回退预案',
  ];
  // Nothing can be skipped: each item waits for the one before it.
  await expect(checklist.getByRole('checkbox', { name: '执行更新' })).toBeDisabled();
  for (const label of labels) {
    await checklist.getByText(label, { exact: true }).click();
    await expect(checklist.getByRole('checkbox', { name: label })).toBeChecked();
  }
  await expect(checklist).toContainText('已完成 6 / 6');
  await expect(checklist.getByText(/检查清单已全部完成/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sim-maintenance.png'), fullPage: true });
  // Unticking the backup unticks everything after it.
  await checklist.getByText('数据备份', { exact: true }).click();
  await expect(checklist).toContainText('已完成 0 / 6');
  await expect(checklist.getByRole('checkbox', { name: '发布维护公告' })).toBeDisabled();
});

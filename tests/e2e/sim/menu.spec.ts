import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { logIn as login } from '../support/sim';

function sideMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: '功能菜单' });
}

/** The submenu title (antd renders it as a menuitem with aria-expanded). */
function submenu(page: Page, label: string): Locator {
  return sideMenu(page).locator('.ant-menu-submenu-title').filter({ hasText: label });
}

/** The menu entry (li) holding the link with this text. */
function entry(page: Page, label: string): Locator {
  return sideMenu(page)
    .locator('li.ant-menu-item')
    .filter({ has: page.getByRole('link', { name: label, exact: true }) });
}

async function expectCurrent(page: Page, module: string, item: string): Promise<void> {
  await expect(submenu(page, module)).toHaveAttribute('aria-expanded', 'true');
  await expect(sideMenu(page).getByRole('link', { name: item, exact: true })).toBeVisible();
  await expect(entry(page, item)).toHaveClass(/ant-menu-item-selected/);
  await expect(sideMenu(page).locator('li.ant-menu-item-selected')).toHaveCount(1);
}

test('普通用户: 账号与权限 is in the menu and takes an application; 系统管理 is not', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  await expect(sideMenu(page).getByText('系统管理')).toHaveCount(0);
  await sideMenu(page).getByRole('link', { name: '账号与权限' }).click();

  await expect(page).toHaveURL(/admin\.html/);
  await expectCurrent(page, '账号与权限', '我的权限与申请');
  // Approving is for 部门管理员 and up: not offered to a 普通用户.
  await expect(sideMenu(page).getByRole('link', { name: '权限审批' })).toHaveCount(0);
  await expect(sideMenu(page).getByText('系统管理')).toHaveCount(0);

  await expect(page.getByTestId('my-permission')).toContainText('普通用户');
  await page.getByLabel('申请权限级别').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '部门管理员' })
    .click();
  await page.getByLabel('申请事由').fill('负责综合受理科营业执照办理的复核工作，需要部门审核权限');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText(/权限申请已提交（QX\d+），等待部门审核/)).toBeVisible();

  // The menu hides 系统管理; the page itself still refuses a direct link.
  await page.goto('admin.html#/system/users');
  await expect(page.getByText('无权限访问')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('部门管理员: 系统管理 is in the menu and opens read-only', async ({ page }) => {
  await login(page, 'lisi');
  await sideMenu(page).getByRole('link', { name: '系统管理' }).click();

  await expect(page).toHaveURL(/admin\.html#\/system/);
  await expectCurrent(page, '系统管理', '权限分配');
  await expect(page.getByText(/当前为只读视图：权限分配由超级管理员操作/)).toBeVisible();
  await expect(page.getByRole('row', { name: /张三/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认调整' })).toHaveCount(0);
  await expect(page.getByLabel('张三的权限级别')).toHaveCount(0);

  await sideMenu(page).getByRole('link', { name: '流程配置' }).click();
  await expectCurrent(page, '系统管理', '流程配置');
  await expect(page.getByText(/当前为只读视图：审批流程由超级管理员配置/)).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑流程' })).toHaveCount(0);
});

test('a module page opens its submenu on the current entry and follows hash changes', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  await page.goto('service.html#/import');
  await expectCurrent(page, '便民服务', '模板导入');

  // Same document: a menu link only changes the hash.
  await page.evaluate(() => {
    (window as unknown as { simMenuMarker?: boolean }).simMenuMarker = true;
  });
  await sideMenu(page).getByRole('link', { name: '进度查询', exact: true }).click();
  await expect(page).toHaveURL(/service\.html#\/progress/);
  await expectCurrent(page, '便民服务', '进度查询');
  expect(
    await page.evaluate(() => (window as unknown as { simMenuMarker?: boolean }).simMenuMarker),
  ).toBe(true);

  await page.goto('report.html#/history');
  await expectCurrent(page, '数据上报', '上报记录');
  await page.evaluate(() => {
    window.location.hash = '#/review';
  });
  await expectCurrent(page, '数据上报', '上报审核');

  // The module's own link lands on its first entry.
  await page.goto('analytics.html');
  await expectCurrent(page, '报表与分析', '数据dashboard');
});

import { expect, test } from '@playwright/test';
import { logIn as login } from '../support/sim';

test('the legacy module requires a session', async ({ page }) => {
  await page.goto('oa.html');
  await expect(page).toHaveURL(/login\.html\?redirect=oa\.html/);
});

test('档案借阅登记 in the iframe validates and stores a record', async ({ page }) => {
  await login(page, 'zhangsan');
  await page.goto('oa.html');
  await page.getByRole('menuitem', { name: '档案借阅登记' }).click();
  await expect(page.getByRole('tab', { name: /档案借阅登记/ })).toBeVisible();
  const frame = page.frameLocator('iframe[title="档案借阅登记"]');

  await frame.getByRole('button', { name: '提交登记' }).click();
  await expect(frame.getByRole('alert')).toContainText('登记失败');
  await expect(frame.getByText('请填写借阅人')).toBeVisible();

  await frame.getByLabel('借阅人').fill('张三');
  await frame.getByLabel('所在部门').selectOption('综合受理科');
  await frame.getByLabel('档案编号').fill('DA-2026-12');
  await frame.getByLabel('档案名称').fill('2026年窗口业务台账');
  await frame.getByLabel('借阅日期').fill('2026-11-20');
  await frame.getByLabel('预计归还日期').fill('2026-12-30');
  await frame.getByRole('button', { name: '提交登记' }).click();
  await expect(frame.getByText('档案编号格式不正确')).toBeVisible();
  await expect(frame.getByText('借阅期限不能超过30天')).toBeVisible();

  await frame.getByLabel('档案编号').fill('DA-2026-0012');
  await frame.getByLabel('预计归还日期').fill('2026-12-10');
  await frame.getByRole('button', { name: '提交登记' }).click();
  await expect(frame.getByRole('alert')).toContainText('登记成功，登记号：JY');
  await expect(frame.locator('#recordTable')).toContainText('2026年窗口业务台账');

  const stored = await page.evaluate(() => localStorage.getItem('zhiyin-sim:legacy:borrows'));
  expect(stored).toContain('DA-2026-0012');

  // Closing the tab and reopening it shows the stored record again.
  await page
    .getByRole('button', { name: '关闭档案借阅登记' })
    .or(page.getByLabel('关闭档案借阅登记'))
    .click();
  await expect(page.getByRole('tab', { name: /档案借阅登记/ })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '档案借阅登记' }).click();
  await expect(
    page.frameLocator('iframe[title="档案借阅登记"]').locator('#recordTable'),
  ).toContainText('2026年窗口业务台账');
});

test('通知公告 search form filters the list', async ({ page }) => {
  await login(page, 'zhangsan');
  await page.goto('oa.html');
  await page.getByRole('menuitem', { name: '通知公告' }).click();
  const frame = page.frameLocator('iframe[title="通知公告"]');
  await expect(frame.getByText('共 6 条记录')).toBeVisible();
  await frame.getByLabel('公告标题').fill('归档');
  await frame.getByRole('button', { name: '查询' }).click();
  await expect(frame.getByText('共 1 条记录')).toBeVisible();
  await expect(frame.locator('#noticeTable')).toContainText('关于做好年度文件材料归档工作的通知');
  await frame.getByRole('button', { name: '重置' }).click();
  await frame.getByLabel('发布部门').selectOption('信息中心');
  await frame.getByRole('button', { name: '查询' }).click();
  await expect(frame.getByText('共 1 条记录')).toBeVisible();
});

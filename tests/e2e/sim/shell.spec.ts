import { expect, test } from '@playwright/test';
import { logIn as login } from '../support/sim';

test('重置演示数据 removes the trainee’s work and restores the seed, keeping the login', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  await page.goto('index.html#/docs/new');
  await page.getByLabel('标题').fill('关于练习数据的通知');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('doc-detail')).toContainText('草稿');
  await page.goto('index.html#/docs');
  await expect(page.getByRole('link', { name: '关于练习数据的通知' })).toBeVisible();

  await page.getByRole('button', { name: '重置演示数据' }).click();
  await page.getByRole('button', { name: '确认重置' }).click();
  await expect(
    page.getByRole('link', { name: '关于本月便民服务事项办理情况的报告' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: '关于练习数据的通知' })).toHaveCount(0);
  await expect(page.locator('.sim-header')).toContainText('张三');
});

test('the header shows the platform, the test-data badge and the todo count', async ({ page }) => {
  await login(page, 'lisi');
  const header = page.locator('.sim-header');
  await expect(header).toContainText('XX市数字政府统一协同平台');
  await expect(header).toContainText('模拟环境 · 测试数据');
  // The seed has one 请示 waiting for 部门负责人.
  const todoLink = page.getByRole('navigation', { name: '顶部导航' }).getByRole('link', {
    name: /我的待办/,
  });
  await expect(todoLink).toContainText('1');
  await todoLink.click();
  await expect(
    page.getByRole('link', { name: '关于申请购置综合受理窗口叫号设备的请示' }),
  ).toBeVisible();
});

test('the top navigation stays on one line with both badges, also on a narrow screen', async ({
  page,
}) => {
  await login(page, 'lisi');
  const nav = page.getByRole('navigation', { name: '顶部导航' });
  const links = nav.getByRole('link');
  await expect(links).toHaveText([/^首页$/, /^我的待办\s*\d+$/, /^消息中心\s*\d+$/]);
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 720 });
    const boxes = await links.evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        // Lines the label's text occupies (a squeezed nav broke it into one character per line).
        const text = [...element.childNodes].find(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
        );
        const range = document.createRange();
        if (text) range.selectNodeContents(text);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        return { top: Math.round(box.top), height: box.height, textLines: lines.size };
      }),
    );
    const header = await page.locator('.sim-header').boundingBox();
    // The user menu keeps its name on screen, inside the header.
    const user = page.getByRole('button', { name: '用户菜单' });
    await expect(user).toContainText('李四');
    const userBox = await user.boundingBox();
    expect((userBox?.x ?? 0) + (userBox?.width ?? 0)).toBeLessThanOrEqual(width);
    for (const box of boxes) {
      expect(box.top, `width ${width}`).toBe(boxes[0]?.top);
      expect(box.height, `width ${width}`).toBeLessThanOrEqual(header?.height ?? 0);
      expect(box.textLines, `width ${width}`).toBe(1);
    }
    await page.locator('.sim-header').screenshot({
      path: test.info().outputPath(`sim-header-${width}.png`),
    });
  }
});

test('系统管理 is not in a 普通用户’s menu; after switching to the 超级管理员 it is', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  const menu = page.getByRole('navigation', { name: '功能菜单' });
  await expect(
    menu.getByRole('link', { name: '公文管理' }).or(menu.getByText('公文管理')),
  ).toBeVisible();
  await expect(menu.getByText('系统管理')).toHaveCount(0);
  await page.getByLabel('演示身份切换', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('系统管理员（系统管理员）').click();
  await expect(page.locator('.sim-header')).toContainText('系统管理员');
  await expect(
    page.getByRole('navigation', { name: '功能菜单' }).getByText('系统管理'),
  ).toBeVisible();
});

test('global search finds documents and help articles', async ({ page }) => {
  await login(page, 'zhangsan');
  await page.getByLabel('全局搜索').fill('叫号');
  await page.getByLabel('全局搜索').press('Enter');
  await expect(
    page.getByRole('link', { name: '关于申请购置综合受理窗口叫号设备的请示' }),
  ).toBeVisible();
  await page.getByLabel('全局搜索').fill('附件上传');
  await page.getByLabel('全局搜索').press('Enter');
  await expect(page.getByRole('link', { name: '附件上传失败怎么办？' })).toBeVisible();
});

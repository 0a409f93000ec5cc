import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'Zhiyin@2024';

async function attempt(page: Page, account: string, password: string) {
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('5 consecutive failures lock the account for 30 simulated minutes', async ({ page }) => {
  await page.goto('login.html');
  for (let i = 1; i <= 4; i += 1) {
    await attempt(page, 'zhangsan', 'wrong-pass');
    await expect(page.getByTestId('login-error')).toContainText(`还可尝试 ${5 - i} 次`);
  }
  // The lock runs 30 simulated minutes from the 5th failure. Read the clock on both sides of that
  // attempt: when a minute turns over in between, either minute is the right answer.
  const clockLabel = () =>
    page.evaluate(() => {
      const d = new Date(window.simClock.now() + 30 * 60 * 1000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
  const before = await clockLabel();
  await attempt(page, 'zhangsan', 'wrong-pass');
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');
  const after = await clockLabel();
  const message = (await page.getByTestId('login-error').textContent()) ?? '';
  expect([before, after].some((label) => message.includes(`${label} 后再试`))).toBe(true);

  // The right password is refused while locked, and other accounts are unaffected.
  await attempt(page, 'zhangsan', PASSWORD);
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');
  await expect(page).toHaveURL(/login\.html/);

  // 29 minutes later it is still locked.
  await page.evaluate(() => window.simClock.advance(29 * 60 * 1000));
  await attempt(page, 'zhangsan', PASSWORD);
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');

  await page.evaluate(() => window.simClock.advance(60 * 1000 + 1000));
  await attempt(page, 'zhangsan', PASSWORD);
  await expect(page).toHaveURL(/index\.html/);
  await expect(page.getByText('您好，张三')).toBeVisible();
});

test('a successful login resets the failure counter', async ({ page }) => {
  await page.goto('login.html');
  await attempt(page, 'lisi', 'bad');
  await attempt(page, 'lisi', 'bad');
  await expect(page.getByTestId('login-error')).toContainText('还可尝试 3 次');
  await attempt(page, 'lisi', PASSWORD);
  await expect(page).toHaveURL(/index\.html/);
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/login\.html/);
  await attempt(page, 'lisi', 'bad');
  await expect(page.getByTestId('login-error')).toContainText('还可尝试 4 次');
});

test('logged-out visitors are sent to login and come back where they were', async ({ page }) => {
  await page.goto('index.html#/docs/new');
  await expect(page).toHaveURL(/login\.html\?redirect=/);
  await attempt(page, 'zhangsan', PASSWORD);
  await expect(page).toHaveURL(/index\.html#\/docs\/new/);
  await expect(page.getByLabel('标题')).toBeVisible();
});

test('修改密码 enforces the policy, rejects reuse and takes effect', async ({ page }) => {
  await page.goto('login.html');
  await attempt(page, 'zhangsan', PASSWORD);
  await page.goto('index.html#/settings/password');
  const before = await page.getByTestId('password-changed-at').textContent();

  await page.getByLabel('原密码').fill(PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill('abc12345');
  await page.getByLabel('确认新密码').fill('abc12345');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码须包含符号')).toBeVisible();

  await page.getByLabel('新密码', { exact: true }).fill('Ab#1');
  await expect(page.getByText('密码至少 8 位')).toBeVisible();

  await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认新密码').fill(PASSWORD);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('新密码不能与原密码相同')).toBeVisible();

  await page.getByLabel('新密码', { exact: true }).fill('Gov#2026abc');
  await page.getByLabel('确认新密码').fill('Gov#2026abd');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();

  await page.evaluate(() => window.simClock.advance(5 * 60 * 1000));
  await page.getByLabel('确认新密码').fill('Gov#2026abc');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码修改成功')).toBeVisible();
  await expect(page.getByTestId('password-changed-at')).not.toHaveText(before ?? '');

  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByText('退出登录').click();
  await attempt(page, 'zhangsan', PASSWORD);
  await expect(page.getByTestId('login-error')).toContainText('密码错误');
  await attempt(page, 'zhangsan', 'Gov#2026abc');
  await expect(page).toHaveURL(/index\.html/);
});

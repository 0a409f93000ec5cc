/** 安全防护模块: login and lockout rule, a compliant password change, data security rules. */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import {
  PASSWORD,
  TourWalk,
  expectListedAsCompleted,
  field,
  pageButton,
  startTour,
} from './support';

test('a learner logs in with the lockout rule in mind, changes the password, reads the data rules', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(90_000);
  await chooseRole(openExtensionPage, '基层用户');
  const page = await context.newPage();
  await page.goto('/login.html');
  const login = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'anquan-login-lockout',
    title: '安全登录与账号锁定规则',
    steps: 5,
  });
  await login.expectStep(0, '输入账号');
  await field(page, '账号').pressSequentially('xiangzhen');
  await login.expectStep(1, '输入密码');
  await field(page, '密码').pressSequentially(PASSWORD);
  const lockout = await login.expectStep(2, '账号锁定规则');
  await expect(lockout).toContainText('连续5次登录失败，账号锁定30分钟');
  await lockout.getByRole('button', { name: '下一步' }).click();
  await login.expectStep(3, '登录');
  await pageButton(page, '登录').click();
  await page.waitForURL(/index\.html/);
  await login.finish(4, '安全登录与账号锁定规则', '登录成功');

  await page.goto('/index.html#/settings/password');
  await expect(page.getByTestId('password-changed-at')).toBeVisible();
  const password = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'anquan-password-change',
    title: '设置合规密码并定期更换',
    steps: 6,
  });
  await password.next(0, '上次修改时间');
  await password.expectStep(1, '输入原密码');
  await field(page, '原密码').pressSequentially(PASSWORD);
  const rule = await password.expectStep(2, '设置新密码');
  // Letters and digits but no symbol: the password validator keeps the step open.
  await field(page, '新密码').pressSequentially('Xz2026abc');
  await expect(rule.getByRole('alert')).toBeVisible();
  await expect(rule.getByRole('button', { name: '下一步' })).toBeDisabled();
  await field(page, '新密码').pressSequentially('#');
  await password.expectStep(3, '再次输入新密码');
  await field(page, '确认新密码').pressSequentially('Xz2026abc#');
  await password.expectStep(4, '确认修改');
  await pageButton(page, '确认修改').click();
  await expect(page.getByText('密码修改成功，下次登录请使用新密码')).toBeVisible();
  await password.finish(5, '设置合规密码并定期更换', '修改成功');

  await page.goto('/index.html#/help');
  const data = new TourWalk(page, 'anquan-data-security', 5);
  await startTour(page, openExtensionPage, tabIdOf, {
    id: data.tourId,
    title: '数据安全：涉密文件、备份与泄露应对',
    steps: 5,
  });
  await data.next(0, '数据安全');
  const secret = await data.expectStep(1, '涉密文件处理');
  await expect(secret).toContainText('加密通道');
  await secret.getByRole('button', { name: '下一步' }).click();
  await data.next(2, '数据备份');
  const leak = await data.expectStep(3, '数据泄露应对');
  await expect(leak).toContainText('立即上报信息部门，停止操作');
  await leak.getByRole('button', { name: '下一步' }).click();
  await data.finish(4, '数据安全：涉密文件、备份与泄露应对', '系统异常上报');
  await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '数据安全');
});

/**
 * 三、培训对象 · 基层用户: the high-frequency tasks (社保查询, 疫情登记) and offline use, driven as a
 * township user on the sim's 基层服务 page.
 */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import { expectListedAsCompleted, field, logIn, pageButton, startTour } from './support';

test.describe('基层用户 tours on the sim', () => {
  test('社保查询: the ID guard warns on a wrong check character, then the record of the person', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    await logIn(page, 'xiangzhen', 'grassroots.html#/social-security');
    await expect(page.getByRole('heading', { name: '社保查询' })).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'jiceng-social-security-query',
      title: '为群众查询社保参保信息',
      steps: 5,
    });
    await tour.next(0, '先核对证件');
    await tour.expectStep(1, '输入身份证号');
    const idNumber = field(page, '身份证号');
    // A mistyped last character: the guard says so beside the field, the tour waits.
    await idNumber.pressSequentially('110105194912310021');
    // Half a number is no error: the warning comes when the learner leaves the field.
    await idNumber.press('Tab');
    const hint = page.locator('[data-zhiyin-guard="social-id-card"]');
    await expect(hint).toHaveAttribute('data-level', 'warning');
    await expect(hint).toContainText('校验位应为 X');
    await page.screenshot({ path: test.info().outputPath('social-id-guard.png') });
    await tour.expectStep(1);
    await idNumber.fill('');
    await idNumber.pressSequentially('11010519491231002X');
    await expect(hint).not.toHaveAttribute('data-level', 'warning');
    await tour.expectStep(2, '输入姓名');
    await field(page, '姓名').pressSequentially('王秀英');
    await tour.expectStep(3, '查询');
    await pageButton(page, '查询').click();
    const result = page.getByTestId('social-result');
    await expect(result).toContainText('城乡居民基本养老保险');
    await expect(result).toContainText('110105********002X');
    await tour.finish(4, '为群众查询社保参保信息', '参保信息');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '为群众查询社保参保信息');
  });

  test('疫情防控信息登记: typed field by field with the ID and mobile guards, then listed', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    await logIn(page, 'xiangzhen', 'grassroots.html#/epidemic');
    await expect(page.getByRole('heading', { name: '疫情防控信息登记' })).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'jiceng-epidemic-registration',
      title: '录入疫情防控登记信息',
      steps: 7,
    });
    await tour.expectStep(0, '姓名');
    await field(page, '姓名').pressSequentially('孙立新');
    await tour.expectStep(1, '身份证号');
    await field(page, '身份证号').pressSequentially('510107197806157894');
    await expect(page.locator('[data-zhiyin-guard="epidemic-id-card"]')).not.toHaveAttribute(
      'data-level',
      'warning',
    );
    await tour.expectStep(2, '手机号码');
    const phone = field(page, '手机号码');
    // 12345678901 is 11 digits (the sim accepts it) but no mobile number: the guard warns.
    await phone.pressSequentially('12345678901');
    await phone.press('Tab');
    await expect(page.locator('[data-zhiyin-guard="epidemic-mobile"]')).toHaveAttribute(
      'data-level',
      'warning',
    );
    await tour.expectStep(2);
    await phone.fill('');
    await phone.pressSequentially('13800138000');
    await tour.expectStep(3, '现住址');
    await field(page, '现住址').pressSequentially('河西社区 5 栋 302');
    await tour.next(4, '健康状况');
    await tour.expectStep(5, '提交');
    await pageButton(page, '提交登记').click();
    await expect(page.getByText('登记成功')).toBeVisible();
    // The form is cleared for the next person: no hint about the last one's numbers stays.
    await expect(page.locator('[data-zhiyin-guard]')).toHaveCount(0);
    await tour.finish(6, '录入疫情防控登记信息', '登记记录');
    await expect(page.getByRole('row', { name: /孙立新/ })).toContainText('510107197806157894');
  });

  test('离线登记: offline the entry waits on this computer, back online it syncs as 离线补录', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    await logIn(page, 'xiangzhen', 'grassroots.html#/epidemic');
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'jiceng-offline-registration',
      title: '网络中断时离线登记',
      steps: 3,
    });
    await context.setOffline(true);
    const state = page.getByTestId('network-state');
    await expect(state).toContainText('离线模式');
    await tour.next(0, '网络状态');
    await tour.expectStep(1, '照常登记');
    await field(page, '姓名').fill('周晓');
    await field(page, '身份证号').fill('330102199509203210');
    await field(page, '手机号码').fill('13700137000');
    await field(page, '现住址').fill('城关镇 2 组');
    await pageButton(page, '提交登记').click();
    await expect(page.getByText('当前离线：登记已暂存在本机，联网后自动同步')).toBeVisible();
    await expect(state).toContainText('离线暂存 1 条');
    await page.screenshot({ path: test.info().outputPath('epidemic-offline.png'), fullPage: true });
    await expect(page.getByRole('row', { name: /周晓/ })).toHaveCount(0);
    await tour.next(1);

    await context.setOffline(false);
    await expect(page.getByText('网络已恢复，已同步 1 条离线登记')).toBeVisible();
    await expect(page.getByRole('row', { name: /周晓/ })).toContainText('离线补录');
    await tour.finish(2, '网络中断时离线登记', '自动同步');
  });
});

/** 基础认知模块: the workbench interface tour (first visit), the platform overview, accounts. */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import {
  TourWalk,
  choose,
  expectListedAsCompleted,
  field,
  logIn,
  pageButton,
  startTour,
} from './support';

test.describe('认知 tours on the sim', () => {
  test('a new learner meets the workbench tour on 首页 by itself, then the platform overview', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    await logIn(page, 'xiangzhen');

    // First visit: nobody started it, it starts on 首页.
    const tour = new TourWalk(page, 'renzhi-interface-tour', 11);
    await tour.next(0, '欢迎使用数字政府统一协同平台');
    await tour.next(1, '首页');
    await tour.expectStep(2, '我的待办');
    await page
      .getByRole('navigation', { name: '顶部导航' })
      .getByRole('link', { name: /我的待办/ })
      .click();
    await page.waitForURL(/#\/todo/);
    await tour.next(3, '待办列表');
    await tour.expectStep(4, '消息中心');
    await page
      .getByRole('navigation', { name: '顶部导航' })
      .getByRole('link', { name: /消息中心/ })
      .click();
    await tour.next(5, '查看消息');
    await tour.expectStep(6, '搜索框');
    const search = page.getByPlaceholder('搜索公文、办件、帮助');
    await search.click();
    await search.pressSequentially('营业执照');
    await tour.expectStep(7, '开始搜索');
    await search.press('Enter');
    await page.waitForURL(/#\/search/);
    await tour.next(8, '搜索结果');
    await tour.expectStep(9, '帮助中心');
    await page.getByRole('banner').getByRole('link', { name: '帮助中心' }).click();
    await page.waitForURL(/#\/help/);
    await tour.finish(10, '认识工作台：首页、我的待办、消息中心、搜索与帮助', '技术支持');

    // Back on 首页 the finished first-visit tour stays away; the overview is started by hand.
    await page
      .getByRole('navigation', { name: '顶部导航' })
      .getByRole('link', { name: '首页' })
      .click();
    await page.waitForURL(/index\.html#\/$/);
    await expectListedAsCompleted(
      page,
      openExtensionPage,
      tabIdOf,
      '认识工作台：首页、我的待办、消息中心、搜索与帮助',
    );
    const overview = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'renzhi-platform-overview',
      title: '系统定位与价值：数字政府统一协同平台',
      steps: 7,
    });
    await overview.next(0, '系统定位');
    await overview.next(1, '核心价值');
    await overview.next(2, '整体架构');
    await overview.next(3, '基础支撑层');
    await overview.next(4, '业务应用层');
    await overview.next(5, '用户访问层');
    await overview.finish(6, '系统定位与价值：数字政府统一协同平台', '核心模块入口');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '系统定位与价值');
  });

  test('accounts and permissions: applying for a higher level', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '业务操作人员');
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'admin.html#/account');
    await expect(page.getByText('权限分级说明')).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'renzhi-account-permission',
      title: '账号与权限：权限分级和权限申请',
      steps: 7,
    });
    await tour.next(0, '我的账号');
    await tour.next(1, '权限分级');
    await tour.next(2, '权限申请流程');
    await tour.expectStep(3, '选择申请级别');
    await choose(page, '申请权限级别', '部门管理员');
    const reason = await tour.expectStep(4, '填写申请事由');
    await expect(reason.getByRole('button', { name: '下一步' })).toBeDisabled();
    await field(page, '申请事由').pressSequentially('负责本科室公文审核，需要部门管理员权限');
    await tour.expectStep(5, '提交申请表');
    await page.getByRole('button', { name: '提交申请' }).click();
    await tour.finish(6, '账号与权限：权限分级和权限申请', '跟踪申请进度');
    await expect(page.getByText('正在办理')).toBeVisible();
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '账号与权限');

    // The same application, decided by the department head (部门审核) then the super admin (系统配置).
    const approvals: [string, string, string][] = [
      ['李四（部门负责人）', 'lisi', '审核通过'],
      ['系统管理员（系统管理员）', 'admin', '配置生效'],
    ];
    for (const [identity, account, decision] of approvals) {
      await page.goto('/admin.html#/approvals');
      await choose(page, '演示身份切换', identity);
      await expect(
        page.getByText(account === 'admin' ? '待系统配置（1）' : '待部门审核（1）'),
      ).toBeVisible();
      const approval = await startTour(page, openExtensionPage, tabIdOf, {
        id: 'renzhi-permission-approval',
        title: '审批权限申请：部门审核与系统配置',
        steps: 4,
      });
      await approval.next(0, '谁来审批');
      await approval.next(1, '核对申请事由');
      await approval.expectStep(2, '审核通过');
      await pageButton(page, decision).click();
      await approval.finish(3, '审批权限申请：部门审核与系统配置', '全部权限申请');
    }
    await expect(page.getByRole('table').last()).toContainText('已生效');
  });
});

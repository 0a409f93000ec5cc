/** 流程规范模块: 企业开办 chain on 流程配置, 三不准/四必须, document naming and archiving rules. */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import { expectListedAsCompleted, logIn, startTour } from './support';

test.describe('规范 tours on the sim', () => {
  test('a department head reads the 企业开办 nodes, departments and time limits', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '管理人员');
    const page = await context.newPage();
    await logIn(page, 'lisi', 'admin.html#/system/flows');
    await expect(page.getByTestId('flow-business-startup')).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'guifan-business-startup-flow',
      title: '企业开办标准流程：节点、责任部门与时限',
      steps: 7,
    });
    await tour.next(0, '企业开办流程');
    const nodes = ['一、名称预先核准', '二、材料提交', '三、现场核查', '四、领取执照'];
    for (const [i, heading] of nodes.entries()) await tour.next(i + 1, heading);
    await tour.next(5, '合计时限');
    await expect(page.getByTestId('flow-business-startup')).toContainText('5个工作日');
    await tour.finish(6, '企业开办标准流程：节点、责任部门与时限', '不得擅自修改流程配置');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '企业开办标准流程');
  });

  test('technical staff walk the version-update checklist on 系统维护, ticking each item in order', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '技术支持人员');
    const page = await context.newPage();
    await logIn(page, 'admin', 'admin.html#/system/maintenance');
    await expect(page.getByTestId('maint-version')).toContainText('V3.2.1');
    const checklist = page.getByTestId('maint-checklist');
    // Items are ticked in order: 公告 waits for the backup.
    await expect(checklist.getByRole('checkbox', { name: '发布维护公告' })).toBeDisabled();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'guifan-version-update',
      title: '维护规范：版本更新前后的检查清单',
      steps: 9,
    });
    await tour.next(0, '当前版本与可用更新');
    await tour.next(1, '先读版本说明');
    const items = [
      ['一、数据备份', '数据备份'],
      ['二、发布维护公告', '发布维护公告'],
      ['三、维护窗口', '进入维护窗口'],
      ['四、执行更新', '执行更新'],
      ['五、功能验证', '功能验证'],
      ['六、回退预案', '确认回退预案'],
    ] as const;
    for (const [i, [heading, label]] of items.entries()) {
      await tour.expectStep(i + 2, heading);
      await checklist.getByText(label, { exact: true }).click();
      await expect(checklist.getByRole('checkbox', { name: label })).toBeChecked();
    }
    await expect(checklist).toContainText('已完成 6 / 6');
    await tour.finish(8, '维护规范：版本更新前后的检查清单', '检查清单已完成');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '维护规范');
  });

  test('a clerk reads the 三不准/四必须 in the help centre and the naming rules in 公文库', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '业务操作人员');
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'index.html#/help');
    await expect(page.getByText('“三不准”')).toBeVisible();
    const rules = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'guifan-three-nots-four-musts',
      title: '操作规范：“三不准”与“四必须”',
      steps: 6,
    });
    const headings = [
      '“三不准”',
      '不准泄露用户信息',
      '不准越权操作',
      '不准修改系统配置',
      '“四必须”',
    ];
    for (const [i, heading] of headings.entries()) await rules.next(i, heading);
    await rules.finish(5, '操作规范：“三不准”与“四必须”', '四必须的具体要求');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '操作规范');

    await page.goto('/index.html#/docs/library');
    await expect(page.getByRole('complementary', { name: '归档目录' })).toBeVisible();
    const naming = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'guifan-document-management',
      title: '文档管理规范：命名、存储路径与归档时限',
      steps: 4,
    });
    await naming.next(0, '命名规则');
    const example = await naming.expectStep(1, '命名示例');
    await expect(page.getByRole('table').getByRole('link').first()).toHaveText(
      /^\d{4}-综合受理科-关于/,
    );
    await example.getByRole('button', { name: '下一步' }).click();
    await naming.next(2, '存储路径');
    const deadline = await naming.expectStep(3, '归档时限');
    await expect(deadline).toContainText('年度结束后3个月内完成归档');
    await naming.finish(3, '文档管理规范：命名、存储路径与归档时限', '归档时限');
  });
});

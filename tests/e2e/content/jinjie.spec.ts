/** 进阶应用模块: 报表设计器, 数据dashboard drill-down and export, feedback channels. */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import { expectListedAsCompleted, field, logIn, pageButton, startTour } from './support';

test('a manager designs a report, drills into the dashboard and learns where to send feedback', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(90_000);
  await chooseRole(openExtensionPage, '管理人员');
  const page = await context.newPage();
  await logIn(page, 'lisi', 'analytics.html#/designer');
  await expect(page.getByTestId('designer-chart')).toBeVisible();
  const designer = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'jinjie-report-designer',
    title: '用报表设计器创建自定义报表',
    steps: 6,
  });
  await designer.next(0, '选择数据来源');
  await designer.next(1, '设置统计维度');
  await designer.expectStep(2, '选择图表类型');
  // antd radio buttons hide the native input: click the visible button face.
  await page.locator('.ant-radio-button-wrapper', { hasText: '折线图' }).click();
  await designer.next(3, '预览');
  await designer.expectStep(4, '报表名称');
  await field(page, '报表名称').pressSequentially('各月便民服务办理量趋势');
  await designer.expectStep(5, '保存报表');
  await pageButton(page, '保存报表').click();
  await expect(page.getByText('报表「各月便民服务办理量趋势」已保存')).toBeVisible();
  await designer.expectFinished('用报表设计器创建自定义报表');

  await page.goto('/analytics.html#/dashboard');
  await expect(page.getByRole('heading', { name: '数据dashboard' })).toBeVisible();
  const dashboard = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'jinjie-dashboard',
    title: '数据dashboard：看指标、钻取明细、导出分析报告',
    steps: 6,
  });
  await dashboard.next(0, '公文处理时效');
  await dashboard.next(1, '群众满意度');
  await dashboard.next(2, '各地区社保查询量');
  await dashboard.expectStep(3, '钻取明细');
  await page.getByRole('link', { name: '查看明细' }).first().click();
  await dashboard.next(4, '明细与原因');
  await expect(page.getByTestId('region-detail')).toContainText('原因分析');
  await dashboard.finish(5, '数据dashboard：看指标、钻取明细、导出分析报告', '导出分析报告');
  await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '数据dashboard');

  await page.goto('/index.html#/help');
  const feedback = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'jinjie-feedback',
    title: '反馈系统问题与优化建议',
    steps: 4,
  });
  await feedback.next(0, '您的反馈很重要');
  const channels = await feedback.expectStep(1, '反馈渠道');
  await expect(channels).toContainText('没有“意见箱”页面');
  await channels.getByRole('button', { name: '下一步' }).click();
  await feedback.next(2, '用指引“报告问题”');
  await feedback.finish(3, '反馈系统问题与优化建议', '紧急问题');
});

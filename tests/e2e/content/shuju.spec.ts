/** 核心功能模块 · 数据上报: fill the monthly report, automatic checks, submit, export the PDF. */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import { choose, expectListedAsCompleted, field, logIn, pageButton, startTour } from './support';

test('a reporter fills the monthly economic report, passes the checks, submits it and exports the PDF', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(90_000);
  await chooseRole(openExtensionPage, '业务操作人员');
  const page = await context.newPage();
  await logIn(page, 'zhangsan', 'report.html#/fill');
  await expect(page.getByTestId('report-deadline')).toBeVisible();
  const tour = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'shuju-report-fill',
    title: '填报并上报月度数据',
    steps: 11,
  });
  await tour.next(0, '数据真实准确');
  await tour.expectStep(1, '选择报表类型');
  await choose(page, '报表类型', '季度社保经办数据');
  await choose(page, '报表类型', '月度经济运行数据');
  const deadline = await tour.expectStep(2, '上报截止时间');
  await expect(deadline).toContainText('自动关闭');
  await deadline.getByRole('button', { name: '下一步' }).click();
  await tour.next(3, 'Excel 模板');
  await tour.expectStep(4, '填写数据');
  await field(page, '地区生产总值（亿元）').pressSequentially('90.5');
  await tour.expectStep(5, '系统自动校验');
  // 逻辑关系: 其中：网上零售额 above 社会消费品零售总额 is refused by the automatic check.
  const values: [string, string][] = [
    ['规模以上工业增加值（亿元）', '30.2'],
    ['规模以上工业增加值同比增长（%）', '5.1'],
    ['固定资产投资（本年累计，亿元）', '9000'],
    ['社会消费品零售总额（亿元）', '40'],
    ['其中：网上零售额（亿元）', '55'],
    ['社会消费品零售总额同比增长（%）', '4.5'],
  ];
  for (const [label, value] of values) await field(page, label).fill(value);
  await tour.card(5).getByRole('button', { name: '下一步' }).click();
  await tour.expectStep(6, '数据校验');
  await pageButton(page, '数据校验').click();
  await tour.expectStep(7, '校验结果');
  await expect(page.getByTestId('report-issues')).toContainText('逻辑关系');
  await field(page, '其中：网上零售额（亿元）').fill('12');
  await pageButton(page, '数据校验').click();
  await expect(page.getByText('数据校验通过，可以提交审核')).toBeVisible();
  await tour.card(7).getByRole('button', { name: '下一步' }).click();
  await tour.expectStep(8, '提交审核');
  await pageButton(page, '提交审核').click();
  await tour.next(9, '等待审核');
  await tour.expectStep(10, '导出 PDF 上报结果');
  const download = page.waitForEvent('download');
  await pageButton(page, '生成上报结果').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await tour.expectFinished('填报并上报月度数据');
  await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '填报并上报月度数据');
});

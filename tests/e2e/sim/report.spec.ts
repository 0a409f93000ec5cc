import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { logIn as login } from '../support/sim';

/**
 * 2026-12-05: the open monthly period is 2026年11月 (due 2026-12-10 18:00), January–October are
 * seeded as approved. Set before the first report page so the seed uses the same clock.
 */
async function openReportAt(page: Page, iso: string): Promise<void> {
  await page.evaluate((t) => window.simClock.set(t), iso);
  await page.goto('report.html#/fill');
  await expect(page.getByText('上报截止时间：2026年12月10日 18:00')).toBeVisible();
}

const GOOD: Record<string, string> = {
  '地区生产总值（亿元）': '90.5',
  '规模以上工业增加值（亿元）': '27.3',
  '规模以上工业增加值同比增长（%）': '6.5',
  '固定资产投资（本年累计，亿元）': '430',
  '社会消费品零售总额（亿元）': '42.8',
  '其中：网上零售额（亿元）': '9.6',
  '社会消费品零售总额同比增长（%）': '4.9',
};

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label).fill(value);
}

test('a value outside the range blocks submission; after fixing it the report is submitted, approved and exported as PDF', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  await openReportAt(page, '2026-12-05T10:00:00+08:00');
  await fill(page, { ...GOOD, '规模以上工业增加值同比增长（%）': '120' });
  await page.getByRole('button', { name: '提交审核' }).click();
  const issues = page.getByTestId('report-issues');
  await expect(issues).toContainText('数据校验未通过（1项）');
  await expect(issues).toContainText(
    '【数值范围】「规模以上工业增加值同比增长（%）」应在 -50 至 100 之间，当前为 120',
  );
  await expect(page.getByText('待审核', { exact: true })).toHaveCount(0);

  await page.getByLabel('规模以上工业增加值同比增长（%）').fill('6.5');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('2026年11月经济运行数据已提交审核')).toBeVisible();
  await expect(page.getByText('待审核', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '提交审核' })).toBeDisabled();

  await login(page, 'lisi');
  await page.goto('report.html#/review');
  await page
    .getByRole('row', { name: /2026年11月经济运行数据/ })
    .getByRole('button', { name: '审核通过' })
    .click();
  await expect(page.getByText('暂无待审核的报表')).toBeVisible();

  await login(page, 'zhangsan');
  await page.goto('report.html#/fill?type=monthly-economy&period=2026-11');
  await expect(page.getByText('审核通过', { exact: true }).first()).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成上报结果' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('2026年11月经济运行数据上报结果.pdf');
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // The Chinese table is an embedded image, not a blank page.
  expect(pdf.toString('latin1')).toContain('/Subtype /Image');
});

test('logical relations: 其中项 above its total and a 本年累计 below last month are listed', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  await openReportAt(page, '2026-12-05T10:00:00+08:00');
  await fill(page, {
    ...GOOD,
    '其中：网上零售额（亿元）': '50',
    '固定资产投资（本年累计，亿元）': '100',
  });
  await page.getByRole('button', { name: '数据校验' }).click();
  const issues = page.getByTestId('report-issues');
  await expect(issues).toContainText('数据校验未通过（2项）');
  await expect(issues).toContainText(
    '【逻辑关系】「其中：网上零售额（亿元）」(50) 不得大于「社会消费品零售总额（亿元）」(42.8)',
  );
  await expect(issues).toContainText(
    /【逻辑关系】「固定资产投资（本年累计，亿元）」为本年累计数，本期 \(100\) 不得小于2026年10月已上报的累计数/,
  );
  await fill(page, GOOD);
  await page.getByRole('button', { name: '数据校验' }).click();
  await expect(page.getByText('数据校验通过，可以提交审核')).toBeVisible();
});

test('submission closes when the simulated clock passes the deadline', async ({ page }) => {
  await login(page, 'zhangsan');
  await openReportAt(page, '2026-12-10T17:58:00+08:00');
  await expect(page.getByTestId('report-deadline')).toContainText('距截止还有');
  await fill(page, GOOD);
  await page.evaluate(() => window.simClock.set('2026-12-10T18:00:30+08:00'));
  await expect(page.getByText('上报通道已关闭')).toBeVisible();
  await expect(
    page.getByText(
      /已超过本期上报截止时间（2026年12月10日 18:00），系统已自动关闭2026年11月的上报通道/,
    ),
  ).toBeVisible();
  await expect(page.getByTestId('report-deadline')).toContainText('已截止');
  await expect(page.getByRole('button', { name: '提交审核' })).toBeDisabled();
});

test('the downloaded Excel template, filled in, imports into the form', async ({
  page,
  request,
}) => {
  const template = await request.get('templates/monthly-economy.xlsx');
  expect(template.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  const body = await template.body();
  await wb.xlsx.load(
    body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  );
  const ws = wb.worksheets[0]!;
  const values = [90.5, 27.3, 6.5, 430, 42.8, 9.6, 4.9];
  values.forEach((v, i) => {
    ws.getCell(`C${i + 2}`).value = v;
  });
  expect(ws.getCell('A7').value).toBe('其中：网上零售额（亿元）');

  await login(page, 'zhangsan');
  await openReportAt(page, '2026-12-05T10:00:00+08:00');
  await page.locator('input[type=file]').setInputFiles({
    name: '11月经济数据.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await expect(page.getByText('已从 11月经济数据.xlsx 导入 7 项指标，请核对后提交')).toBeVisible();
  await expect(page.getByLabel('其中：网上零售额（亿元）')).toHaveValue('9.60');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('待审核', { exact: true })).toBeVisible();
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { logIn as login } from '../support/sim';

/** Counts non-white pixels of the chart canvas: an empty chart would have none. */
async function paintedPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) > 0 && ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200))
          painted++;
      }
      return painted;
    });
}

test('报表设计器: choose source, dimension, measure and chart type, save the report and reopen it', async ({
  page,
}) => {
  await login(page, 'lisi', 'analytics.html#/designer');
  await page.getByLabel('数据来源').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '公文管理' })
    .click();
  await page.getByText('地区', { exact: true }).click();
  await page.getByText('平均办理时长', { exact: true }).click();
  await page.getByText('表格', { exact: true }).click();
  const table = page.getByTestId('designer-table');
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row').nth(5)).toContainText('北山乡');
  await page.getByText('折线图', { exact: true }).click();
  const chart = page.getByTestId('designer-chart');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect.poll(() => paintedPixels(chart)).toBeGreaterThan(500);

  await page.getByLabel('报表名称').fill('各地区公文处理时效');
  await page.getByRole('button', { name: '保存报表' }).click();
  await expect(page.getByText('报表「各地区公文处理时效」已保存')).toBeVisible();
  await page.getByRole('button', { name: '保存报表' }).click();
  await expect(page.getByText('已存在名为「各地区公文处理时效」的报表')).toBeVisible();

  await page.goto('analytics.html#/reports');
  const row = page.getByRole('row', { name: /各地区公文处理时效/ });
  await expect(row).toContainText('公文管理 · 按地区统计平均办理时长 · 折线图');
  await row.getByRole('link', { name: '各地区公文处理时效' }).click();
  await expect(page.getByText('已打开报表「各地区公文处理时效」')).toBeVisible();
  await expect.poll(() => paintedPixels(page.getByTestId('designer-chart'))).toBeGreaterThan(500);
});

test('数据dashboard: clicking the 北山乡 bar drills down to monthly detail with the cause; the analysis exports as CSV', async ({
  page,
}) => {
  await login(page, 'lisi', 'analytics.html#/dashboard');
  await expect(page.getByText('公文处理时效（平均办理时长，小时）')).toBeVisible();
  const chart = page.getByTestId('region-chart');
  await expect.poll(() => paintedPixels(chart)).toBeGreaterThan(500);
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('region chart not laid out');
  // The chart's grid is fixed (left 64, right 24, bottom 48): 北山乡 is the 5th of 6 categories.
  const plotWidth = box.width - 64 - 24;
  await page.mouse.click(box.x + 64 + (plotWidth / 6) * 4.5, box.y + box.height - 48 - 8);
  await expect(page).toHaveURL(/region=%E5%8C%97%E5%B1%B1%E4%B9%A1/);
  const detail = page.getByTestId('region-detail');
  await expect(detail).toContainText('北山乡社保查询量明细');
  await expect(detail).toContainText('降幅主要来自「自助终端查询」');
  await expect(detail).toContainText('自助查询终端因硬件故障停机待修');
  await expect(detail.getByRole('row')).toHaveCount(13);

  await page.getByRole('button', { name: '导出分析报告' }).hover();
  const downloadPromise = page.waitForEvent('download');
  await page.getByText('导出 CSV').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('数据分析报告-北山乡.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('北山乡社保查询量月度明细');
  expect(csv).toContain('群众满意度（%）');

  await page.getByRole('button', { name: '返回总览' }).click();
  await expect(page.getByTestId('region-detail')).toHaveCount(0);
});

import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect } from '../fixtures';

/**
 * Clicks the organisation page's Excel export and reads the file back as a manager's spreadsheet
 * program would: the file name is checked (培训效果评估报告-<date>.xlsx), and the 按部门 sheet's rows
 * come keyed by their first cell (the department). Columns: department, learners, then (rate,
 * count, met) per indicator. The workbook is returned for the other sheets.
 */
export async function exportOrgWorkbook(
  org: Page,
): Promise<{ workbook: ExcelJS.Workbook; byDepartment: Map<string, unknown[]> }> {
  const [download] = await Promise.all([
    org.waitForEvent('download'),
    org.getByTestId('org-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^培训效果评估报告-\d{4}-\d{2}-\d{2}\.xlsx$/u);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('按部门');
  expect(sheet).toBeDefined();
  const byDepartment = new Map<string, unknown[]>();
  sheet!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    byDepartment.set(String(values[0]), values);
  });
  return { workbook, byDepartment };
}

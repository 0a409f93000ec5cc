import ExcelJS from 'exceljs';
import type { ReportType, ReportValues } from './types';

/** Template: one row per indicator (指标名称 | 计量单位 | 数值), the layout statisticians use. */
export function buildReportTemplate(type: ReportType): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(type.name);
  ws.addRow(['指标名称', '计量单位', '数值']);
  for (const ind of type.indicators) ws.addRow([ind.label, ind.unit, null]);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 16;
  return wb;
}

export interface ReportImport {
  values: ReportValues;
  /** Indicators that were in the file; others keep what the form had. */
  found: string[];
  errors: string[];
}

function numberOf(value: ExcelJS.CellValue): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'result' in value && typeof value.result === 'number')
    return value.result;
  const n = Number(String(value).trim().replace(/,/g, ''));
  return Number.isFinite(n) ? n : 'invalid';
}

export async function parseReportXlsx(type: ReportType, data: ArrayBuffer): Promise<ReportImport> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    return { values: {}, found: [], errors: ['无法读取该 Excel 文件，请确认文件为 .xlsx 格式'] };
  }
  const ws = wb.worksheets[0];
  const values: ReportValues = {};
  const found: string[] = [];
  const errors: string[] = [];
  ws?.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const label = String(row.getCell(1).value ?? '').trim();
    const ind = type.indicators.find((i) => i.label === label);
    if (!ind) {
      if (label) errors.push(`第${rowNumber}行：「${label}」不是${type.name}的指标`);
      return;
    }
    const n = numberOf(row.getCell(3).value);
    if (n === 'invalid') {
      errors.push(`第${rowNumber}行：「${label}」的数值不是数字`);
      return;
    }
    values[ind.key] = n;
    found.push(ind.key);
  });
  if (found.length === 0 && errors.length === 0) {
    errors.push(`文件中没有${type.name}的指标，请使用本报表的导入模板`);
  }
  return { values, found, errors };
}

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { FIELD_LABELS, FIELD_ORDER } from './types';
import type { LicenceFields, Region } from './types';
import { validateLicenceFields } from './validate';
import type { FieldErrors } from './validate';

export interface ImportRow {
  /** Row number as the clerk sees it in Excel (header is row 1). */
  rowNumber: number;
  fields: LicenceFields;
  errors: FieldErrors;
  /** Row-level problems that are not about one field (e.g. a duplicate in the file). */
  rowErrors: string[];
}

export interface ImportPreview {
  rows: ImportRow[];
  /** Problems with the file itself (missing columns, empty file). */
  fileErrors: string[];
}

export const TEMPLATE_HEADERS = FIELD_ORDER.map((key) => FIELD_LABELS[key]);

/** One filled example row so the clerk sees the expected formats. */
export const TEMPLATE_EXAMPLE: string[] = [
  '城关恒信商贸有限公司',
  '王建国',
  '91350100M000100Y43',
  '11010519491231002X',
  '13812345678',
  '日用百货零售',
  '城关镇',
];

export function templateCsv(): string {
  // The BOM lets Excel open the UTF-8 file with Chinese headers intact.
  return '\uFEFF' + Papa.unparse([TEMPLATE_HEADERS, TEMPLATE_EXAMPLE]) + '\r\n';
}

export function buildTemplateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('营业执照申请');
  ws.addRow(TEMPLATE_HEADERS);
  ws.addRow(TEMPLATE_EXAMPLE);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = i === 5 ? 36 : 22;
    // Codes and phone numbers are text: Excel would otherwise turn them into numbers.
    col.numFmt = '@';
  });
  return wb;
}

function previewFromTable(table: string[][]): ImportPreview {
  const nonEmpty = table.filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) return { rows: [], fileErrors: ['文件为空，请使用导入模板填写后上传'] };
  const columns = header.map((h) => h.trim());
  const missing = TEMPLATE_HEADERS.filter((h) => !columns.includes(h));
  if (missing.length > 0) {
    return { rows: [], fileErrors: [`文件缺少列：${missing.join('、')}，请使用最新导入模板`] };
  }
  if (body.length === 0) return { rows: [], fileErrors: ['文件中没有数据行'] };
  const seen = new Map<string, number>();
  const rows = body.map((cells, index): ImportRow => {
    const cell = (key: keyof LicenceFields) =>
      (cells[columns.indexOf(FIELD_LABELS[key])] ?? '').trim();
    const fields: LicenceFields = {
      companyName: cell('companyName'),
      legalPerson: cell('legalPerson'),
      creditCode: cell('creditCode').toUpperCase(),
      idNumber: cell('idNumber').toUpperCase(),
      phone: cell('phone'),
      scope: cell('scope'),
      region: cell('region') as Region,
    };
    const rowNumber = index + 2;
    const rowErrors: string[] = [];
    const first = seen.get(fields.creditCode);
    if (fields.creditCode && first !== undefined) {
      rowErrors.push(`统一社会信用代码与第${first}行重复`);
    } else if (fields.creditCode) {
      seen.set(fields.creditCode, rowNumber);
    }
    return { rowNumber, fields, errors: validateLicenceFields(fields), rowErrors };
  });
  return { rows, fileErrors: [] };
}

export function isRowValid(row: ImportRow): boolean {
  return Object.keys(row.errors).length === 0 && row.rowErrors.length === 0;
}

export function parseImportCsv(text: string): ImportPreview {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return previewFromTable(parsed.data.map((r) => r.map((c) => String(c))));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export async function parseImportXlsx(data: ArrayBuffer): Promise<ImportPreview> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    return { rows: [], fileErrors: ['无法读取该 Excel 文件，请确认文件为 .xlsx 格式'] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], fileErrors: ['文件为空，请使用导入模板填写后上传'] };
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, TEMPLATE_HEADERS.length); c++) {
      cells.push(cellText(row.getCell(c).value));
    }
    table.push(cells);
  });
  return previewFromTable(table);
}

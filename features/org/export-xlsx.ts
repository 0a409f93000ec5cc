/**
 * 培训效果评估报告 as an Excel workbook (.xlsx), with ExcelJS — the library the project already
 * uses for the simulated system's report import/export (sim/src/modules/report/excel.ts) and its
 * tests: well kept, reads and writes xlsx, runs in the browser, and no second spreadsheet library
 * enters the code base. Rates are numeric cells formatted as percentages (so a manager can sort
 * and chart them), with the counts and the verdict beside them.
 */
import ExcelJS from 'exceljs';
import { INDICATOR_IDS, INDICATOR_LABELS, type Evaluation, type GroupFigures } from './evaluate';
import { TEXT, cstTime, metText, statusText, targetText, type Lang, type TextKey } from './report';

/** Sheet names (zh), fixed: other tools and the e2e test find the sheets by them. */
export const SHEETS = {
  overall: '总体指标',
  byDepartment: '按部门',
  byRole: '按培训对象',
  byModule: '按培训模块',
  remedial: '补训名单',
  weekly: '每周趋势',
} as const;

const PERCENT = '0.0%';
const lang: Lang = 'zh';

function header(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount }];
  values.forEach((value, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, Math.min(40, value.length * 2 + 4));
  });
}

function groupSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  first: TextKey,
  groups: GroupFigures[],
) {
  const sheet = workbook.addWorksheet(name);
  header(sheet, [
    TEXT[first][lang],
    TEXT.learners[lang],
    ...INDICATOR_IDS.flatMap((id) => [
      INDICATOR_LABELS[id][lang],
      `${INDICATOR_LABELS[id][lang]} ${TEXT.counts[lang]}`,
      `${INDICATOR_LABELS[id][lang]} ${TEXT.met[lang]}`,
    ]),
    TEXT.remedialNeeded[lang],
    TEXT.remedialPending[lang],
  ]);
  for (const group of groups) {
    const row = sheet.addRow([
      group.key,
      group.learners,
      ...INDICATOR_IDS.flatMap((id) => {
        const indicator = group.indicators[id];
        return [
          indicator.rate,
          `${indicator.numerator}/${indicator.denominator}`,
          metText(indicator, lang),
        ];
      }),
      group.remedial.needed,
      group.remedial.pending,
    ]);
    INDICATOR_IDS.forEach((_, i) => (row.getCell(3 + i * 3).numFmt = PERCENT));
  }
}

export function buildWorkbook(
  evaluation: Evaluation,
  meta: { generatedAt: number; source: string },
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhiyin 指引';
  workbook.created = new Date(meta.generatedAt);

  const overall = workbook.addWorksheet(SHEETS.overall);
  overall.addRow([TEXT.title[lang]]).font = { bold: true, size: 14 };
  overall.addRow([`生成时间 ${cstTime(meta.generatedAt)}（北京时间） · 数据来源 ${meta.source}`]);
  overall.addRow([
    `学员 ${evaluation.learners} 人 · 语句 ${evaluation.statements.used} 条` +
      (evaluation.range
        ? ` · ${cstTime(evaluation.range.from)} — ${cstTime(evaluation.range.to)}`
        : ''),
  ]);
  overall.addRow([]);
  header(overall, [
    TEXT.indicator[lang],
    TEXT.value[lang],
    TEXT.counts[lang],
    TEXT.target[lang],
    TEXT.met[lang],
  ]);
  for (const id of INDICATOR_IDS) {
    const indicator = evaluation.overall.indicators[id];
    const row = overall.addRow([
      INDICATOR_LABELS[id][lang],
      indicator.rate,
      `${indicator.numerator}/${indicator.denominator}`,
      targetText(indicator, lang),
      metText(indicator, lang),
    ]);
    row.getCell(2).numFmt = PERCENT;
  }
  overall.addRow([]);
  overall.addRow([TEXT.notMeasured[lang]]);
  overall.getColumn(1).width = 28;

  groupSheet(workbook, SHEETS.byDepartment, 'department', evaluation.byDepartment);
  groupSheet(workbook, SHEETS.byRole, 'role', evaluation.byRole);
  groupSheet(workbook, SHEETS.byModule, 'module', evaluation.byModule);

  const remedial = workbook.addWorksheet(SHEETS.remedial);
  header(remedial, [
    TEXT.department[lang],
    TEXT.role[lang],
    TEXT.account[lang],
    TEXT.name[lang],
    TEXT.kind[lang],
    TEXT.subject[lang],
    TEXT.module[lang],
    TEXT.failedAt[lang],
    TEXT.score[lang],
    TEXT.attempts[lang],
    TEXT.status[lang],
  ]);
  for (const entry of evaluation.remedial)
    remedial.addRow([
      entry.department,
      entry.role,
      entry.learner,
      entry.name ?? '',
      entry.kind === 'written' ? TEXT.written[lang] : TEXT.practical[lang],
      entry.title,
      entry.module,
      cstTime(entry.failedAt),
      entry.score,
      entry.attempts,
      statusText(entry, lang),
    ]);

  const weekly = workbook.addWorksheet(SHEETS.weekly);
  header(weekly, [
    TEXT.week[lang],
    TEXT.active[lang],
    TEXT.weekChecklist[lang],
    TEXT.weekFirstPass[lang],
    TEXT.weekSatisfaction[lang],
  ]);
  for (const week of evaluation.weekly) {
    const row = weekly.addRow([
      week.week,
      week.activeLearners,
      week.checklistCompletion,
      week.firstAttemptPass,
      week.satisfaction,
    ]);
    for (const cell of [3, 4, 5]) row.getCell(cell).numFmt = PERCENT;
  }
  return workbook;
}

/** The workbook's bytes (.xlsx). */
export async function workbookBytes(
  evaluation: Evaluation,
  meta: { generatedAt: number; source: string },
): Promise<ArrayBuffer> {
  const buffer = await buildWorkbook(evaluation, meta).xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

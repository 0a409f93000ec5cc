import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate, type Catalog } from '../../../features/org/evaluate';
import { SHEETS, workbookBytes } from '../../../features/org/export-xlsx';
import { createStatementFactory } from '../../../features/xapi/statements';

const catalog: Catalog = {
  activityBase: 'https://zhiyin.example/xapi/',
  tours: [{ id: 'a', title: '甲', module: '认知' }],
  quizzes: [{ id: 'q', title: '测验', module: '安全' }],
  checklists: { 基层用户: ['a'] },
};

describe('Excel export', () => {
  it('writes the figures the page shows, and reads back as a workbook', async () => {
    const f = createStatementFactory({
      homePage: 'https://oa.example',
      accountName: 'u1',
      department: '城关镇',
      role: '基层用户',
    });
    const at = Date.parse('2026-11-03T10:00:00+08:00');
    const evaluation = evaluate(
      [
        f.tourCompleted({ tourId: 'a', tourTitle: '甲', durationMs: 1, at }),
        f.writtenTestAssessed({
          quizId: 'q',
          quizTitle: '测验',
          score: {
            choiceScore: 40,
            shortAnswerScore: 20,
            pending: false,
            total: 60,
            passed: false,
            questions: [],
          },
          at,
        }),
      ],
      catalog,
    );
    const bytes = await workbookBytes(evaluation, { generatedAt: at, source: 'https://lrs' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(SHEETS));
    const row = (workbook.getWorksheet(SHEETS.byDepartment)!.getRow(2).values as unknown[]).slice(
      1,
    );
    expect(row.slice(0, 8)).toEqual(['城关镇', 1, 1, '1/1', '达标', 0, '0/1', '—']);
    expect(workbook.getWorksheet(SHEETS.byDepartment)!.getRow(2).getCell(3).numFmt).toBe('0.0%');
    const remedial = (workbook.getWorksheet(SHEETS.remedial)!.getRow(2).values as unknown[]).slice(
      1,
    );
    expect(remedial).toEqual([
      '城关镇',
      '基层用户',
      'u1',
      '',
      '笔试',
      '测验',
      '安全',
      '2026-11-03 10:00',
      60,
      1,
      '尚未补训',
    ]);
  });
});

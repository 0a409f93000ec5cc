import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../service/kv';
import { buildReportTemplate, parseReportXlsx } from './excel';
import { currentPeriod, formatCountdown, isClosed, monthPeriod, quarterPeriod } from './periods';
import { createReportStore, ReportError } from './store';
import { reportType } from './types';
import type { ReportValues } from './types';

const economy = reportType('monthly-economy');
const zhangsan = { account: 'zhangsan', name: '张三' };
const lisi = { account: 'lisi', name: '李四' };
const good: ReportValues = {
  gdp: 90,
  industry: 27,
  industryGrowth: 5.5,
  fai: 500,
  retail: 42,
  online: 9,
  retailGrowth: 4.2,
};

describe('periods and deadlines', () => {
  it('is due on the 10th of the next month at 18:00 (quarters: 15th of the month after)', () => {
    expect(monthPeriod(2026, 11).deadline).toBe(new Date(2026, 11, 10, 18).getTime());
    expect(monthPeriod(2026, 12).deadline).toBe(new Date(2027, 0, 10, 18).getTime());
    expect(quarterPeriod(2026, 3).deadline).toBe(new Date(2026, 9, 15, 18).getTime());
  });
  it('reports the previous month until its deadline, then the current one', () => {
    expect(currentPeriod('month', new Date(2026, 11, 10, 17, 59).getTime()).id).toBe('2026-11');
    expect(currentPeriod('month', new Date(2026, 11, 10, 18, 1).getTime()).id).toBe('2026-12');
    expect(currentPeriod('quarter', new Date(2026, 3, 2).getTime()).id).toBe('2026-Q1');
    expect(isClosed(monthPeriod(2026, 11), new Date(2026, 11, 10, 18, 0, 1).getTime())).toBe(true);
  });
  it('formats the countdown', () => {
    expect(formatCountdown(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toBe('2天3小时4分5秒');
    expect(formatCountdown(-1)).toBe('已截止');
  });
});

describe('report checks and submission', () => {
  const now = new Date(2026, 10, 20, 9).getTime(); // reporting 2026-11, October already approved
  it('seeds approved earlier months of the year', () => {
    const store = createReportStore(createMemoryStore(), () => now);
    expect(store.get('monthly-economy', '2026-10')?.status).toBe('approved');
    expect(store.get('monthly-economy', '2026-11')).toBeUndefined();
    expect(store.get('quarterly-social-security', '2026-Q3')?.status).toBe('approved');
  });
  it('blocks a 同比增长 outside -50..100 and names field and rule', () => {
    const store = createReportStore(createMemoryStore(), () => now);
    const issues = store.check('monthly-economy', '2026-11', { ...good, industryGrowth: 120 });
    expect(issues).toEqual([
      {
        field: 'industryGrowth',
        label: '规模以上工业增加值同比增长（%）',
        rule: '数值范围',
        message: '「规模以上工业增加值同比增长（%）」应在 -50 至 100 之间，当前为 120',
      },
    ]);
    expect(() =>
      store.submit('monthly-economy', '2026-11', { ...good, industryGrowth: 120 }, zhangsan),
    ).toThrow(ReportError);
    expect(store.submit('monthly-economy', '2026-11', good, zhangsan).status).toBe('submitted');
  });
  it('checks 其中项 ≤ 总项 and 本年累计 ≥ 上月累计', () => {
    const store = createReportStore(createMemoryStore(), () => now);
    const october = store.get('monthly-economy', '2026-10')!.values.fai!;
    const issues = store.check('monthly-economy', '2026-11', {
      ...good,
      online: 50,
      fai: october - 1,
      gdp: -1,
    });
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'gdp:数值范围',
      'industry:逻辑关系',
      'fai:逻辑关系',
      'online:逻辑关系',
    ]);
    expect(issues.find((i) => i.field === 'fai')?.message).toContain('2026年10月已上报的累计数');
    expect(store.check('monthly-economy', '2026-11', { ...good, retail: null })[0]?.rule).toBe(
      '必填',
    );
  });
  it('closes submission after the deadline', () => {
    let t = now;
    const store = createReportStore(createMemoryStore(), () => t);
    t = new Date(2026, 11, 10, 18, 0, 1).getTime();
    expect(() => store.submit('monthly-economy', '2026-11', good, zhangsan)).toThrow(
      /已超过本期上报截止时间/,
    );
  });
  it('lets the reviewer return a report, which can then be resubmitted', () => {
    const store = createReportStore(createMemoryStore(), () => now);
    store.submit('monthly-economy', '2026-11', good, zhangsan);
    expect(() => store.submit('monthly-economy', '2026-11', good, zhangsan)).toThrow(
      /不能重复提交/,
    );
    expect(store.pendingFor('lisi')).toHaveLength(1);
    store.returnForRevision('monthly-economy', '2026-11', lisi, '固定资产投资与统计局口径不一致');
    const again = store.submit('monthly-economy', '2026-11', { ...good, fai: 510 }, zhangsan);
    expect(again.history.map((h) => h.action)).toEqual(['提交审核', '退回修改', '修改后重新提交']);
    expect(store.approve('monthly-economy', '2026-11', lisi).status).toBe('approved');
  });
});

describe('Excel template', () => {
  it('reads values back from the template by indicator label', async () => {
    const wb = buildReportTemplate(economy);
    const ws = wb.worksheets[0]!;
    ws.getCell('C2').value = 91.5;
    ws.getCell('C7').value = '12.3';
    const parsed = await parseReportXlsx(economy, (await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(parsed.errors).toEqual([]);
    expect(parsed.values.gdp).toBe(91.5);
    expect(parsed.values.online).toBe(12.3);
    expect(parsed.values.industry).toBeNull();
  });
});

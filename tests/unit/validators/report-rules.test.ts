import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkReport } from '../../../lib/validators/report-rules';
import { parseReportRules } from '../../../lib/validators/report-rules-schema';

// A 月度经济运行数据 form, as a trainer would declare its checks in YAML.
const RULES_YAML = `
- id: output-nonnegative
  field: industrialOutput
  min: 0
- field: growthRate
  min: -100
  max: 1000
- field: employees
  required: true
- left: exportValue
  op: '<='
  right: salesValue
- id: quarters-sum
  left: annualTotal
  op: '=='
  right: [q1, q2, q3, q4]
- left: energyUse
  op: '>'
  right: 0
`;
const LABELS = {
  industrialOutput: '工业总产值（万元）',
  growthRate: '同比增长率（%）',
  employees: '从业人员（人）',
  exportValue: '其中：出口交货值',
  salesValue: '销售产值',
  annualTotal: '全年合计',
  q1: '一季度',
  q2: '二季度',
  q3: '三季度',
  q4: '四季度',
  energyUse: '综合能源消费量',
};
const rules = parseReportRules(parseYaml(RULES_YAML));

const GOOD = {
  industrialOutput: 1200,
  growthRate: 5.2,
  employees: 86,
  exportValue: 300,
  salesValue: 1150,
  annualTotal: 1.0,
  q1: 0.1,
  q2: 0.2,
  q3: 0.3,
  q4: 0.4,
  energyUse: 12,
};

describe('parseReportRules', () => {
  it('accepts the YAML a trainer writes', () => {
    expect(rules).toHaveLength(6);
  });

  it('rejects malformed rules with the path of the problem', () => {
    expect(() => parseReportRules([{ field: 'a' }])).toThrow(/至少需要 min、max 或 required/);
    expect(() => parseReportRules([{ field: 'a', min: 5, max: 1 }])).toThrow(/min 不能大于 max/);
    expect(() => parseReportRules([{ left: 'a', op: '=>', right: 'b' }])).toThrow();
    expect(() => parseReportRules([{ left: 'a', op: '<=', right: 'b', extra: 1 }])).toThrow();
    expect(() => parseReportRules([{ field: '', min: 0 }])).toThrow(/字段 id 不能为空/);
  });
});

describe('checkReport', () => {
  it('passes a consistent form, with a decimal sum that is only equal within float tolerance', () => {
    expect(checkReport(GOOD, rules, { labels: LABELS })).toEqual([]);
  });

  it('reports a value below its minimum with the field label', () => {
    expect(checkReport({ ...GOOD, industrialOutput: -5 }, rules, { labels: LABELS })).toEqual([
      {
        ruleIndex: 0,
        ruleId: 'output-nonnegative',
        kind: 'range',
        fields: ['industrialOutput'],
        message: '“工业总产值（万元）”应不小于 0，当前为 -5',
      },
    ]);
  });

  it('reports a value outside a two-sided range', () => {
    const [violation] = checkReport({ ...GOOD, growthRate: 1200 }, rules, { labels: LABELS });
    expect(violation?.message).toBe('“同比增长率（%）”应在 -100 至 1000 之间，当前为 1200');
  });

  it('reports a missing required field but ignores other empty fields', () => {
    const values = { ...GOOD, employees: undefined, exportValue: undefined };
    expect(checkReport(values, rules, { labels: LABELS })).toEqual([
      expect.objectContaining({ kind: 'required', message: '“从业人员（人）”为必填项' }),
    ]);
  });

  it('reports a broken logical relation naming both fields', () => {
    const [violation] = checkReport({ ...GOOD, exportValue: 1300 }, rules, { labels: LABELS });
    expect(violation).toEqual({
      ruleIndex: 3,
      kind: 'relation',
      fields: ['exportValue', 'salesValue'],
      message: '“其中：出口交货值”应小于或等于“销售产值”（当前分别为 1300 和 1150）',
    });
  });

  it('reports a total that does not match the sum of its parts', () => {
    const [violation] = checkReport({ ...GOOD, q4: 0.5 }, rules, { labels: LABELS });
    expect(violation?.fields).toEqual(['annualTotal', 'q1', 'q2', 'q3', 'q4']);
    expect(violation?.message).toBe(
      '“全年合计”应等于“一季度”+“二季度”+“三季度”+“四季度”之和（当前分别为 1 和 1.1）',
    );
  });

  it('compares against a constant and uses field ids when no label is given', () => {
    const [violation] = checkReport({ ...GOOD, energyUse: 0 }, rules);
    expect(violation?.message).toBe('“energyUse”应大于 0（当前为 0）');
  });

  it('reports a value that is not a number once, however many rules use it', () => {
    const violations = checkReport({ ...GOOD, salesValue: Number.NaN }, rules, { labels: LABELS });
    expect(violations).toEqual([
      expect.objectContaining({
        kind: 'not-a-number',
        fields: ['salesValue'],
        message: '“销售产值”不是有效数字',
      }),
    ]);
  });

  it('uses a trainer-written message when the rule has one', () => {
    const custom = parseReportRules([{ field: 'x', max: 10, message: '超出上限，请核实后填报' }]);
    expect(checkReport({ x: 11 }, custom)[0]?.message).toBe('超出上限，请核实后填报');
  });
});

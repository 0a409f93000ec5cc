export type IndicatorKind = 'amount' | 'percent' | 'count';

export interface Indicator {
  key: string;
  /** The label the form and the Excel template show; also what error messages name. */
  label: string;
  unit: string;
  kind: IndicatorKind;
  /** 其中项 / 分项: must not exceed the indicator with this key. */
  atMost?: string;
  /** 本年累计: must not be below the previous period's value of the same year. */
  cumulative?: boolean;
}

export type PeriodKind = 'month' | 'quarter';

export interface ReportType {
  id: string;
  name: string;
  periodKind: PeriodKind;
  /** Shown next to the deadline countdown, e.g. 每月10日 18:00 前上报上月数据. */
  deadlineRule: string;
  indicators: Indicator[];
}

/** Value ranges that apply to every report (数值范围). */
export const PERCENT_RANGE = { min: -50, max: 100 } as const;

export const REPORT_TYPES: ReportType[] = [
  {
    id: 'monthly-economy',
    name: '月度经济运行数据',
    periodKind: 'month',
    deadlineRule: '次月10日 18:00 前上报',
    indicators: [
      { key: 'gdp', label: '地区生产总值（亿元）', unit: '亿元', kind: 'amount' },
      {
        key: 'industry',
        label: '规模以上工业增加值（亿元）',
        unit: '亿元',
        kind: 'amount',
        atMost: 'gdp',
      },
      {
        key: 'industryGrowth',
        label: '规模以上工业增加值同比增长（%）',
        unit: '%',
        kind: 'percent',
      },
      {
        key: 'fai',
        label: '固定资产投资（本年累计，亿元）',
        unit: '亿元',
        kind: 'amount',
        cumulative: true,
      },
      { key: 'retail', label: '社会消费品零售总额（亿元）', unit: '亿元', kind: 'amount' },
      {
        key: 'online',
        label: '其中：网上零售额（亿元）',
        unit: '亿元',
        kind: 'amount',
        atMost: 'retail',
      },
      { key: 'retailGrowth', label: '社会消费品零售总额同比增长（%）', unit: '%', kind: 'percent' },
    ],
  },
  {
    id: 'quarterly-social-security',
    name: '季度社保经办数据',
    periodKind: 'quarter',
    deadlineRule: '季后次月15日 18:00 前上报',
    indicators: [
      { key: 'insured', label: '参保人数（人）', unit: '人', kind: 'count' },
      {
        key: 'newInsured',
        label: '其中：本季度新增参保人数（人）',
        unit: '人',
        kind: 'count',
        atMost: 'insured',
      },
      { key: 'insuredGrowth', label: '参保人数同比增长（%）', unit: '%', kind: 'percent' },
      {
        key: 'fundIncome',
        label: '基金收入（本年累计，万元）',
        unit: '万元',
        kind: 'amount',
        cumulative: true,
      },
      {
        key: 'fundExpense',
        label: '基金支出（本年累计，万元）',
        unit: '万元',
        kind: 'amount',
        cumulative: true,
      },
      { key: 'queries', label: '社保查询量（次）', unit: '次', kind: 'count' },
    ],
  },
];

export function reportType(id: string): ReportType {
  const type = REPORT_TYPES.find((t) => t.id === id);
  if (!type) throw new Error(`Unknown report type ${id}`);
  return type;
}

/**
 * 「2026年11月经济运行数据」, 「2026年第四季度社保经办数据」: the period already says 月/季度, so
 * the 月度/季度 of the type name is dropped instead of reading 「11月月度」.
 */
export function reportTitle(periodLabel: string, type: ReportType): string {
  return `${periodLabel}${type.name.replace(/^(月度|季度)/, '')}`;
}

export type ReportValues = Record<string, number | null>;

export type SubmissionStatus = 'submitted' | 'approved' | 'returned';

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  submitted: '待审核',
  approved: '审核通过',
  returned: '已退回',
};

export interface SubmissionEvent {
  at: number;
  action: string;
  actor: string;
  note?: string;
}

export interface Submission {
  typeId: string;
  period: string;
  values: ReportValues;
  status: SubmissionStatus;
  submittedAt: number;
  submittedBy: string;
  submittedByName: string;
  reviewer: string;
  reviewedAt?: number;
  returnReason?: string;
  history: SubmissionEvent[];
}

export interface ValidationIssue {
  field: string;
  label: string;
  /** The rule as the error list names it: 必填, 数值范围, 非负, 整数, 逻辑关系. */
  rule: string;
  message: string;
}

/**
 * Declarative checks for 数据上报 forms.
 *
 * The training plan's data-report flow ends with "系统自动校验（如“数值范围”“逻辑关系”）". Trainers
 * write those checks in YAML tour content, so rules are plain data validated by
 * `reportRulesSchema` (./report-rules-schema.ts, at build time):
 *
 * ```yaml
 * rules:
 *   - field: industrialOutput        # range: min and/or max, both inclusive
 *     min: 0
 *   - left: exportValue              # relation: left op right
 *     op: '<='
 *     right: salesValue
 *   - left: total                    # right may be a sum of fields
 *     op: '=='
 *     right: [q1, q2, q3, q4]
 * ```
 *
 * Evaluation ({@link checkReport}) is pure. An empty field (`undefined`) is not checked by a range
 * rule unless `required: true`, and a relation is skipped while any field it names is empty: a
 * half-filled form should not shout about sums it cannot know yet. A value that is not a finite
 * number (NaN from a failed parse) is always reported. `==` compares with a small tolerance so that
 * sums of decimals (0.1 + 0.2) equal their total.
 */
/** A field id, or a list of field ids meaning their sum. */
export type ReportOperand = string | string[];

export const relationOperators = ['<=', '>=', '==', '<', '>'] as const;
export type RelationOperator = (typeof relationOperators)[number];

/**
 * `{ field, min?, max?, required?, message? }` — value must lie in [min, max]. The shapes are
 * written out here without zod (this module runs in host pages, in the rules bundle); the schemas
 * in ./report-rules-schema.ts validate them at build time and are checked to infer these types.
 */
export interface RangeRule {
  id?: string | undefined;
  field: string;
  min?: number | undefined;
  max?: number | undefined;
  required?: boolean | undefined;
  /** Replaces the generated message. */
  message?: string | undefined;
}

/** `{ left, op, right, message? }` — left and right are a field or a sum of fields; right may be a constant. */
export interface RelationRule {
  id?: string | undefined;
  left: ReportOperand;
  op: RelationOperator;
  right: ReportOperand | number;
  message?: string | undefined;
}

export type ReportRule = RangeRule | RelationRule;

export type ReportValues = Record<string, number | undefined>;

export interface ReportViolation {
  /** Index of the rule in the list, and its `id` when it has one. */
  ruleIndex: number;
  ruleId?: string;
  kind: 'range' | 'relation' | 'required' | 'not-a-number';
  /** Every field the rule involves, left side first, so a form can mark all of them. */
  fields: string[];
  /** Simplified Chinese, naming fields by label. */
  message: string;
}

export interface CheckReportOptions {
  /** Display labels by field id; a field without one is shown by its id. */
  labels?: Record<string, string>;
  /** Tolerance for `==` (and the strict comparisons) — default 1e-6 relative to the magnitude. */
  epsilon?: number;
}

const OP_TEXT: Record<RelationOperator, string> = {
  '<=': '小于或等于',
  '>=': '大于或等于',
  '==': '等于',
  '<': '小于',
  '>': '大于',
};

function formatNumber(n: number): string {
  // Strip float noise such as 0.30000000000000004 without rounding real decimals away.
  return String(Number(n.toPrecision(12)));
}

function compare(a: number, op: RelationOperator, b: number, epsilon: number): boolean {
  const tolerance = epsilon * Math.max(1, Math.abs(a), Math.abs(b));
  const equal = Math.abs(a - b) <= tolerance;
  switch (op) {
    case '==':
      return equal;
    case '<=':
      return a < b || equal;
    case '>=':
      return a > b || equal;
    case '<':
      return a < b && !equal;
    case '>':
      return a > b && !equal;
  }
}

function isRangeRule(rule: ReportRule): rule is RangeRule {
  return 'field' in rule;
}

/**
 * Evaluates rules over form values and returns every violation (empty when all pass).
 * Rules are assumed valid (see `parseReportRules` in ./report-rules-schema.ts).
 */
export function checkReport(
  values: ReportValues,
  rules: readonly ReportRule[],
  options: CheckReportOptions = {},
): ReportViolation[] {
  const labels = options.labels ?? {};
  const epsilon = options.epsilon ?? 1e-6;
  const label = (field: string) => `“${labels[field] ?? field}”`;
  const violations: ReportViolation[] = [];
  const reportedNaN = new Set<string>();

  const nonFinite = (fields: string[], ruleIndex: number, ruleId?: string): boolean => {
    const bad = fields.filter((f) => {
      const v = values[f];
      return v !== undefined && !Number.isFinite(v);
    });
    for (const f of bad) {
      if (reportedNaN.has(f)) continue;
      reportedNaN.add(f);
      violations.push({
        ruleIndex,
        ...(ruleId ? { ruleId } : {}),
        kind: 'not-a-number',
        fields: [f],
        message: `${label(f)}不是有效数字`,
      });
    }
    return bad.length > 0;
  };

  rules.forEach((rule, ruleIndex) => {
    const ruleId = rule.id;
    const base = { ruleIndex, ...(ruleId ? { ruleId } : {}) };
    if (isRangeRule(rule)) {
      const value = values[rule.field];
      if (value === undefined) {
        if (rule.required) {
          violations.push({
            ...base,
            kind: 'required',
            fields: [rule.field],
            message: rule.message ?? `${label(rule.field)}为必填项`,
          });
        }
        return;
      }
      if (nonFinite([rule.field], ruleIndex, ruleId)) return;
      const tooLow = rule.min !== undefined && value < rule.min;
      const tooHigh = rule.max !== undefined && value > rule.max;
      if (!tooLow && !tooHigh) return;
      let expectation: string;
      if (rule.min !== undefined && rule.max !== undefined) {
        expectation = `应在 ${formatNumber(rule.min)} 至 ${formatNumber(rule.max)} 之间`;
      } else if (rule.min !== undefined) {
        expectation = `应不小于 ${formatNumber(rule.min)}`;
      } else {
        expectation = `应不大于 ${formatNumber(rule.max ?? 0)}`;
      }
      violations.push({
        ...base,
        kind: 'range',
        fields: [rule.field],
        message:
          rule.message ?? `${label(rule.field)}${expectation}，当前为 ${formatNumber(value)}`,
      });
      return;
    }

    const leftFields = typeof rule.left === 'string' ? [rule.left] : rule.left;
    const rightFields =
      typeof rule.right === 'number'
        ? []
        : typeof rule.right === 'string'
          ? [rule.right]
          : rule.right;
    const fields = [...leftFields, ...rightFields];
    if (fields.some((f) => values[f] === undefined)) return;
    if (nonFinite(fields, ruleIndex, ruleId)) return;
    const sum = (fs: string[]) => fs.reduce((acc, f) => acc + (values[f] ?? 0), 0);
    const leftValue = sum(leftFields);
    const rightValue = typeof rule.right === 'number' ? rule.right : sum(rightFields);
    if (compare(leftValue, rule.op, rightValue, epsilon)) return;

    const side = (fs: string[]) =>
      fs.length === 1 ? label(fs[0] ?? '') : `${fs.map(label).join('+')}之和`;
    const leftText = side(leftFields);
    const message =
      typeof rule.right === 'number'
        ? `${leftText}应${OP_TEXT[rule.op]} ${formatNumber(rule.right)}（当前为 ${formatNumber(leftValue)}）`
        : `${leftText}应${OP_TEXT[rule.op]}${side(rightFields)}（当前分别为 ${formatNumber(leftValue)} 和 ${formatNumber(rightValue)}）`;
    violations.push({ ...base, kind: 'relation', fields, message: rule.message ?? message });
  });
  return violations;
}

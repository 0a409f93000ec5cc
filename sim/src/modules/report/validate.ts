import { PERCENT_RANGE } from './types';
import type { ReportType, ReportValues, ValidationIssue } from './types';

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * 系统自动校验 before submit: 必填, 数值范围 (percentages), 非负 (amounts and counts), 整数 (counts),
 * 逻辑关系 (其中项 ≤ 总项; 本年累计 ≥ 上期累计). Every issue names the field and the rule.
 */
export function validateReport(
  type: ReportType,
  values: ReportValues,
  previous?: { label: string; values: ReportValues },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const labelOf = (key: string) => type.indicators.find((i) => i.key === key)?.label ?? key;
  for (const ind of type.indicators) {
    const v = values[ind.key];
    const base = { field: ind.key, label: ind.label };
    if (v === null || v === undefined || Number.isNaN(v)) {
      issues.push({ ...base, rule: '必填', message: `「${ind.label}」为必填项` });
      continue;
    }
    if (ind.kind === 'percent') {
      if (v < PERCENT_RANGE.min || v > PERCENT_RANGE.max) {
        issues.push({
          ...base,
          rule: '数值范围',
          message: `「${ind.label}」应在 ${PERCENT_RANGE.min} 至 ${PERCENT_RANGE.max} 之间，当前为 ${fmt(v)}`,
        });
      }
    } else if (v < 0) {
      issues.push({
        ...base,
        rule: '数值范围',
        message: `「${ind.label}」不得为负数，当前为 ${fmt(v)}`,
      });
    } else if (ind.kind === 'count' && !Number.isInteger(v)) {
      issues.push({
        ...base,
        rule: '数值范围',
        message: `「${ind.label}」应为整数，当前为 ${fmt(v)}`,
      });
    }
    const totalKey = ind.atMost;
    const total = totalKey ? values[totalKey] : undefined;
    if (totalKey && typeof total === 'number' && v > total) {
      issues.push({
        ...base,
        rule: '逻辑关系',
        message: `「${ind.label}」(${fmt(v)}) 不得大于「${labelOf(totalKey)}」(${fmt(total)})`,
      });
    }
    const before = previous?.values[ind.key];
    if (ind.cumulative && previous && typeof before === 'number' && v < before) {
      issues.push({
        ...base,
        rule: '逻辑关系',
        message: `「${ind.label}」为本年累计数，本期 (${fmt(v)}) 不得小于${previous.label}已上报的累计数 (${fmt(before)})`,
      });
    }
  }
  return issues;
}

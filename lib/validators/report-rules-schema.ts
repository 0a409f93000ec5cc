/**
 * The zod schemas of the 数据上报 checks (./report-rules.ts), for build-time validation of rules
 * and guards (features/rules/schema.ts) and for trainer tooling. Kept apart so that the checks, which
 * run in host pages, do not pull zod in. The inferred types must equal the ones written out in
 * ./report-rules.ts (compile-time checks below).
 */
import { z } from 'zod';
import {
  relationOperators,
  type RangeRule,
  type RelationRule,
  type ReportRule,
} from './report-rules';

const fieldId = z.string().min(1, '字段 id 不能为空');

/** `{ field, min?, max?, required?, message? }` — value must lie in [min, max]. */
export const rangeRuleSchema = z
  .object({
    id: z.string().optional(),
    field: fieldId,
    min: z.number().optional(),
    max: z.number().optional(),
    required: z.boolean().optional(),
    /** Replaces the generated message. */
    message: z.string().optional(),
  })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined || r.required === true, {
    message: '范围规则至少需要 min、max 或 required 之一',
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: 'min 不能大于 max',
  });

/** A field id, or a list of field ids meaning their sum. */
const operandSchema = z.union([fieldId, z.array(fieldId).min(1)]);

/** `{ left, op, right, message? }` — left and right are a field or a sum of fields; right may be a constant. */
export const relationRuleSchema = z
  .object({
    id: z.string().optional(),
    left: operandSchema,
    op: z.enum(relationOperators),
    right: z.union([operandSchema, z.number()]),
    message: z.string().optional(),
  })
  .strict();

export const reportRuleSchema = z.union([rangeRuleSchema, relationRuleSchema]);
export const reportRulesSchema = z.array(reportRuleSchema);

/** Parses trainer-written rules (e.g. from YAML), throwing a ZodError that names the bad path. */
export function parseReportRules(input: unknown): ReportRule[] {
  return reportRulesSchema.parse(input);
}

// The written-out types and the schemas' must stay equal: each line fails to compile otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameRange: Same<z.infer<typeof rangeRuleSchema>, RangeRule> = true;
const sameRelation: Same<z.infer<typeof relationRuleSchema>, RelationRule> = true;
void sameRange;
void sameRelation;

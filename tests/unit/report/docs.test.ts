import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ProblemReportSchema,
  REPORT_CATEGORIES,
  reportJsonSchema,
} from '../../../features/report/schema';
import { SCRUB_KINDS, SCRUB_PLACEHOLDERS } from '../../../lib/privacy/personal-data';

const root = join(import.meta.dirname, '../../..');
const formatDoc = readFileSync(join(root, 'docs/report-format.md'), 'utf8');

describe('report format documentation', () => {
  it('docs/report-schema.json is generated from the zod schema (npx tsx scripts/report-schema.ts)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(root, 'docs/report-schema.json'), 'utf8'),
    );
    expect(committed).toEqual(reportJsonSchema());
  });

  it('the example report in docs/report-format.md is valid', () => {
    const example = /## Example\s+```json\n([\s\S]*?)```/.exec(formatDoc)?.[1];
    expect(example).toBeDefined();
    const report = ProblemReportSchema.parse(JSON.parse(example ?? ''));
    expect(report.description).toContain('[身份证号]');
  });

  it('documents every category and every placeholder', () => {
    for (const category of REPORT_CATEGORIES) {
      expect(formatDoc).toContain(`\`${category.id}\` ${category.label}`);
    }
    for (const kind of SCRUB_KINDS) {
      expect(formatDoc).toContain(`\`${kind}\``);
      expect(formatDoc).toContain(`\`${SCRUB_PLACEHOLDERS[kind]}\``);
    }
  });
});

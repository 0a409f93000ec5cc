import { z } from 'zod';
import { RulesFileSchema } from './schema';

/**
 * The rules file format as JSON Schema (draft 2020-12), describing what authors write (`io:
 * 'input'`: fields with defaults are optional), for editors: start a rules file with
 * `# yaml-language-server: $schema=./rules.schema.json`. Cross-references (marker and guard ids,
 * duplicate ids, report fields) are checked by the build only.
 */
export function rulesJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RulesFileSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://zhiyin.local/schemas/rules.json',
    title: 'Zhiyin 指引 compliance rules file',
  };
}

/** The file name next to the rules (skipped by the rules loader). */
export const RULES_SCHEMA_FILE = 'rules.schema.json';

/** The exact text of tours/rules/rules.schema.json before formatting. */
export function rulesJsonSchemaText(): string {
  return `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`;
}

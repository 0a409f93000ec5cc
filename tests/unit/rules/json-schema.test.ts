import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  RULES_SCHEMA_FILE,
  rulesJsonSchema,
  rulesJsonSchemaText,
} from '../../../features/rules/json-schema';

const file = join(import.meta.dirname, '../../../tours/rules', RULES_SCHEMA_FILE);

describe('rules JSON Schema for editors', () => {
  it('tours/rules/rules.schema.json is up to date with features/rules/schema.ts', async () => {
    const expected = await format(rulesJsonSchemaText(), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    // On failure regenerate: write rulesJsonSchemaText(), formatted with prettier, to that file.
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('describes what authors write: defaults are optional, enums are listed', () => {
    const text = JSON.stringify(rulesJsonSchema());
    expect(text).toContain('"enum":["info","warning","critical"]');
    expect(text).toContain('"enum":["once","session","day","version"]');
    const defs = (rulesJsonSchema().$defs ?? {}) as Record<string, { required?: string[] }>;
    expect(defs.RulesFile?.required ?? []).toEqual([]);
  });
});

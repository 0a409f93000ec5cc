import { z } from 'zod';
import { TourSchema } from './schema';

/**
 * The tour file format as JSON Schema (draft 2020-12), describing what authors write (`io:
 * 'input'`: fields with defaults are optional). Cross-field rules (unique step ids, one locator
 * kind, validator ids, renames) are checked by the build only.
 */
export function tourJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TourSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://zhiyin.local/schemas/tour.json',
    title: 'Zhiyin 指引 tour file',
  };
}

/** The exact text of tours/schema.json. */
export function tourJsonSchemaText(): string {
  return `${JSON.stringify(tourJsonSchema(), null, 2)}\n`;
}

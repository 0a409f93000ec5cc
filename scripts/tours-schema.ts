/**
 * Writes tours/schema.json (JSON Schema 2020-12 of the tour file format) from the zod schema, for
 * editors (YAML: `# yaml-language-server: $schema=../schema.json`).
 *
 *   npm run tours:schema            write the file
 *   npm run tours:schema -- --check fail when the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { tourJsonSchemaText } from '../features/tour/json-schema';

const file = join(dirname(fileURLToPath(import.meta.url)), '../tours/schema.json');
// Formatted like every other file, so `prettier --check .` agrees with the generator.
const text = await format(tourJsonSchemaText(), { ...(await resolveConfig(file)), filepath: file });

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  if (current !== text) {
    console.error('tours/schema.json is out of date: run npm run tours:schema');
    process.exit(1);
  }
  console.log('tours/schema.json is up to date');
} else {
  writeFileSync(file, text);
  console.log('wrote tours/schema.json');
}

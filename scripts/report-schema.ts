/**
 * Writes docs/report-schema.json (JSON Schema 2020-12 of the problem report, schemaVersion 1, with
 * the export file under $defs.ReportExport) from the zod schemas in features/report/schema.ts.
 *
 *   npx tsx scripts/report-schema.ts            write the file
 *   npx tsx scripts/report-schema.ts --check    fail when the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { reportJsonSchemaText } from '../features/report/schema';

const file = join(dirname(fileURLToPath(import.meta.url)), '../docs/report-schema.json');
// Formatted like every other file, so `prettier --check .` agrees with the generator.
const text = await format(reportJsonSchemaText(), {
  ...(await resolveConfig(file)),
  filepath: file,
});

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  if (current !== text) {
    console.error('docs/report-schema.json is out of date: run npx tsx scripts/report-schema.ts');
    process.exit(1);
  }
  console.log('docs/report-schema.json is up to date');
} else {
  writeFileSync(file, text);
  console.log('wrote docs/report-schema.json');
}

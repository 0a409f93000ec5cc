/**
 * `npm run check:builds`: checks the three distributed builds after `npm run zip` (CI runs it
 * through `npm run dist`): each manifest is right for its browser (scripts/lib/manifest-checks.ts),
 * each zip exists, and the Firefox build passes `web-ext lint` with 0 errors. Prints one line per
 * build and exits non-zero on any problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkManifest, type BuildTarget } from './lib/manifest-checks';

const outDir = path.resolve(process.env.ZHIYIN_OUT_DIR ?? '.output');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const TARGETS: { target: BuildTarget; dir: string; zip: string }[] = [
  { target: 'chrome-mv3', dir: 'chrome-mv3-production', zip: `zhiyin-${version}-chrome-mv3.zip` },
  { target: 'chrome-mv2', dir: 'chrome-mv2-production', zip: `zhiyin-${version}-chrome-mv2.zip` },
  {
    target: 'firefox-mv2',
    dir: 'firefox-mv2-production',
    zip: `zhiyin-${version}-firefox-mv2.zip`,
  },
];

let failed = false;
for (const { target, dir, zip } of TARGETS) {
  const manifestPath = path.join(outDir, dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.error(`✗ ${target}: ${manifestPath} missing (run npm run zip first)`);
    failed = true;
    continue;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const problems = checkManifest(target, manifest);
  const zipPath = path.join(outDir, zip);
  if (!existsSync(zipPath))
    problems.push(
      `zip ${zip} missing (found: ${readdirSync(outDir)
        .filter((f) => f.endsWith('.zip'))
        .join(', ')})`,
    );
  if (problems.length > 0) {
    failed = true;
    console.error(`✗ ${target}:\n  ${problems.join('\n  ')}`);
  } else {
    const kb = Math.round(statSync(zipPath).size / 1024);
    console.log(`✓ ${target}: manifest v${String(manifest.manifest_version)}, ${zip} ${kb} kB`);
  }
}

// web-ext lint (Mozilla's addons-linter) on the Firefox build: errors fail, warnings are shown.
const firefoxDir = path.join(outDir, 'firefox-mv2-production');
if (existsSync(firefoxDir)) {
  const lint = spawnSync(
    process.execPath,
    [
      path.resolve('node_modules/web-ext/bin/web-ext.js'),
      'lint',
      '--source-dir',
      firefoxDir,
      '--output',
      'json',
      '--self-hosted',
      '--no-config-discovery',
    ],
    { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  let report: {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: { code: string; message: string; file?: string }[];
    warnings: { code: string; message: string; file?: string }[];
  };
  try {
    report = JSON.parse(lint.stdout) as typeof report;
  } catch {
    console.error(`✗ web-ext lint did not run:\n${lint.stderr || lint.stdout}`);
    process.exit(1);
  }
  const { errors, warnings, notices } = report.summary;
  const line = (m: { code: string; message: string; file?: string }) =>
    `  ${m.code} ${m.file ?? ''}: ${m.message}`;
  if (errors > 0) {
    failed = true;
    console.error(`✗ web-ext lint: ${errors} errors\n${report.errors.map(line).join('\n')}`);
  } else
    console.log(`✓ web-ext lint (firefox-mv2): 0 errors, ${warnings} warnings, ${notices} notices`);
  if (warnings > 0) console.log(report.warnings.map(line).join('\n'));
}

if (failed) process.exit(1);

/**
 * `npm run tours:check -- --url <start url>`: the broken-tour alarm. Opens every tour's pages in
 * headless Chromium and reports, step by step, whether its target resolves to exactly one visible
 * element; exits 1 when a required step fails. See scripts/lib/tours-check/args.ts for options.
 */
import { resolve } from 'node:path';
import { formatTourError, loadTours } from '../features/tour/load';
import { VALIDATOR_IDS } from '../lib/validators';
import { parseCheckArgs, UsageError, USAGE } from './lib/tours-check/args';
import { formatText, summarize } from './lib/tours-check/report';
import { CheckSetupError, checkToursInBrowser } from './lib/tours-check/run';
import { tourDirs } from '../features/tour/build-plugin';

async function main(): Promise<number> {
  let args;
  try {
    args = parseCheckArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const root = resolve(import.meta.dirname, '..');
  const dirs = args.toursDirs?.map((dir) => resolve(dir)) ?? tourDirs(root);
  const loaded = loadTours(dirs, { validatorIds: VALIDATOR_IDS });
  const loadErrors = loaded.errors.map(formatTourError);
  // The report lists them (once) when the check runs; when it stops before, say them here.
  const printLoadErrors = () => {
    if (loadErrors.length === 0) return;
    console.error(
      [
        `✗ 引导文件无效 / invalid tour files (${loadErrors.length}):`,
        ...loadErrors.map((line) => `  ${line}`),
      ].join('\n'),
    );
  };
  const unknown = args.tourIds.filter((id) => !loaded.tours.some((tour) => tour.id === id));
  if (unknown.length > 0) {
    printLoadErrors();
    console.error(`没有这些引导 / no such tours: ${unknown.join(', ')}`);
    return 2;
  }
  const tours =
    args.tourIds.length > 0
      ? loaded.tours.filter((tour) => args.tourIds.includes(tour.id))
      : loaded.tours;
  const print = (report: ReturnType<typeof summarize>) =>
    console.log(args.json ? JSON.stringify(report, null, 2) : formatText(report));
  if (tours.length === 0 && loadErrors.length > 0) {
    // Every tour asked for is invalid: the file errors are the whole answer, no browser needed.
    print(summarize(args.url, [], loadErrors));
    return 1;
  }
  let reports;
  try {
    reports = await checkToursInBrowser(tours, {
      baseUrl: args.url,
      logins: args.logins,
      allTours: loaded.tours,
      ...(args.storageState ? { storageState: args.storageState } : {}),
      startOverrides: args.startOverrides,
      ...(args.minWaitMs === undefined ? {} : { minWaitMs: args.minWaitMs }),
      ...(args.screenshotDir ? { screenshotDir: resolve(args.screenshotDir) } : {}),
      onTourStart: (tour, url) => {
        if (!args.json) console.error(`… ${tour.id} @ ${url}`);
      },
    });
  } catch (error) {
    if (!(error instanceof CheckSetupError)) throw error;
    printLoadErrors();
    console.error(error.message);
    return 2;
  }
  const report = summarize(args.url, reports, loadErrors);
  print(report);
  return report.ok ? 0 : 1;
}

process.exitCode = await main();

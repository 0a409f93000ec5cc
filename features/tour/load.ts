/**
 * Build-time tour loading (Node only): every `<dir>/<tour-id>/tour.yaml` (or `.yml`, `.json`),
 * read and validated by the shared content-collection loader (lib/content/collection.ts), plus
 * what is the tours' own: the id equals the folder name, ids renamed away are never reused,
 * unknown validator ids, and the renames map itself.
 *
 * Every error names the file (relative to `cwd`) and, where there is one, the path inside the tour
 * and the line: `tours/x/tour.yaml:12:7: steps[3].target: a locator needs one of …`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentError } from '../../lib/content/collection';
import {
  byCodeUnits,
  displayPath,
  errorAt,
  formatContentError,
  loadCollection,
  readText,
} from '../../lib/content/collection';
import { CONTENT_LIMITS } from '../../lib/content/limits';
import type { RenamesMap } from './renames';
import { validateRenames } from './renames';
import type { Tour } from './schema';
import { TourSchema } from './schema';

/** A tour loading error: the shared content error (file, optional path and line, message). */
export type TourError = ContentError;

export interface LoadToursOptions {
  /** Known validator ids (lib/validators). When given, `advance.validator` must be one of them. */
  validatorIds?: readonly string[];
  /**
   * The renames map. Default: merged from `<dir>/renames.json` of every folder that has one
   * (so an extra ZHIYIN_TOURS_DIR folder can carry its own renames).
   */
  renames?: RenamesMap;
  /** Base for the file names in errors. Default: process.cwd(). */
  cwd?: string;
}

export interface LoadToursResult {
  /** Valid tours, sorted by id. Invalid files are left out (and reported in `errors`). */
  tours: Tour[];
  errors: TourError[];
  /** Every file read (tour files and renames maps), for watch mode. */
  files: string[];
  renames: RenamesMap;
}

/** The names a tour file may have in its folder, in order of preference. */
export const TOUR_FILE_NAMES = ['tour.yaml', 'tour.yml', 'tour.json'] as const;

/** `file:line:col: path: message`, the format the build prints. */
export const formatTourError = formatContentError;

/** Load and validate all tours in `dirs` (absolute or cwd-relative folder paths). */
export function loadTours(
  dirs: readonly string[],
  options: LoadToursOptions = {},
): LoadToursResult {
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string): string => displayPath(cwd, file);
  const errors: TourError[] = [];
  const files: string[] = [];

  // Renames first: they decide whether a tour id is allowed.
  let renames: Record<string, string> = {};
  let renamesFile = 'tours/renames.json';
  if (options.renames) renames = { ...options.renames };
  else {
    for (const dir of dirs) {
      const file = join(dir, 'renames.json');
      if (!existsSync(file)) continue;
      files.push(file);
      renamesFile = display(file);
      const parsed = readJson(file);
      if ('error' in parsed) {
        errors.push({ file: display(file), message: parsed.error });
        continue;
      }
      const shapeProblems = validateRenames(parsed.value);
      if (shapeProblems.some((problem) => problem.oldId === '')) {
        errors.push({
          file: display(file),
          message: 'renames must be a JSON object of "old-id": "new-id"',
        });
        continue;
      }
      for (const [oldId, newId] of Object.entries(parsed.value as Record<string, string>)) {
        if (Object.hasOwn(renames, oldId) && renames[oldId] !== newId) {
          errors.push({
            file: display(file),
            path: oldId,
            message: `conflicts with another renames.json entry`,
          });
        }
        renames[oldId] = newId;
      }
    }
  }

  const known = options.validatorIds ? new Set(options.validatorIds) : undefined;
  // Folders without a tour file hold other content (tips, help articles): not ours.
  const collection = loadCollection({
    dirs,
    cwd,
    layout: { eachFolder: TOUR_FILE_NAMES },
    schema: TourSchema,
    what: 'tour',
    id: (tour) => tour.id,
    missingFolder: 'tours folder not found',
    listLimits: { steps: CONTENT_LIMITS.stepsPerTour },
    check: ({ value: tour, source }) => {
      if (!known) return [];
      const unknown: TourError[] = [];
      tour.steps.forEach((step, index) => {
        if (
          step.advance.on === 'input' &&
          step.advance.validator !== undefined &&
          !known.has(step.advance.validator)
        ) {
          unknown.push(
            errorAt(
              source,
              ['steps', index, 'advance', 'validator'],
              `unknown validator "${step.advance.validator}" (known: ${[...known].sort(byCodeUnits).join(', ') || 'none'})`,
            ),
          );
        }
      });
      return unknown;
    },
  });
  errors.push(...collection.errors);
  files.push(...collection.files);

  const tours: Tour[] = [];
  for (const { value: tour, source } of collection.entries) {
    if (Object.hasOwn(renames, tour.id)) {
      errors.push(
        errorAt(
          source,
          ['id'],
          `"${tour.id}" was renamed to "${renames[tour.id]}" (${renamesFile}); old ids are never reused because progress is stored by id`,
        ),
      );
      continue;
    }
    tours.push(tour);
  }
  const ids = new Set(tours.map((tour) => tour.id));
  for (const problem of validateRenames(renames, ids)) {
    // "used again" is already reported on the tour file above.
    if (ids.has(problem.oldId)) continue;
    errors.push({ file: renamesFile, path: problem.oldId, message: problem.message });
  }

  tours.sort((a, b) => byCodeUnits(a.id, b.id));
  return { tours, errors, files, renames };
}

function readJson(file: string): { value: unknown } | { error: string } {
  try {
    const read = readText(file);
    if ('error' in read) return { error: read.error.message };
    return { value: JSON.parse(read.text) as unknown };
  } catch (error) {
    if (error instanceof SyntaxError) return { error: `JSON syntax error: ${error.message}` };
    return { error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

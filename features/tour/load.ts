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
import type { ContentError, ContentSource } from '../../lib/content/collection';
import {
  byCodeUnits,
  displayPath,
  errorAt,
  formatContentError,
  formatIssuePath,
  loadCollection,
  readText,
} from '../../lib/content/collection';
import { bilingual, didYouMean, valueAt, withSuggestion } from '../../lib/content/explain';
import { CONTENT_LIMITS } from '../../lib/content/limits';
import type { RenamesMap } from './renames';
import { validateRenames } from './renames';
import type { Tour } from './schema';
import {
  LOCATOR_WITHOUT_KIND,
  TourSchema,
  duplicateStepIdMessage,
  unknownStepTextMessage,
} from './schema';

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

/**
 * The file of tour `id` as errors name it (relative to `cwd`): the first of `dirs` that holds one,
 * so that other content (a rules file's guard a tour step names) can point at the tour; `tour <id>`
 * when no folder holds one.
 */
export function tourFileOf(dirs: readonly string[], cwd: string, id: string): string {
  for (const dir of dirs) {
    for (const name of TOUR_FILE_NAMES) {
      const file = join(dir, id, name);
      if (existsSync(file)) return displayPath(cwd, file);
    }
  }
  return `tour ${id}`;
}

/** `file:line:col: path: message`, the format the build prints. */
export const formatTourError = formatContentError;

/**
 * Other content checked against the tours of the same folders (`guard:` ids, `tours:` links): only
 * valid tours count, since tour errors are the tours plugin's to report, and the tour files join
 * `files` so that watch mode rebuilds the content when a tour changes.
 */
export function withValidTours<R extends { files: string[] }>(
  root: string,
  dirs: readonly string[],
  load: (tours: Tour[]) => R,
): R {
  const { tours, files } = loadTours(dirs, { cwd: root });
  const result = load(tours);
  return { ...result, files: [...result.files, ...files] };
}

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

  const known = options.validatorIds ? [...options.validatorIds].sort(byCodeUnits) : undefined;
  const firstFileOf = new Map<string, string>();
  const rawIds = new Set<string>();
  // Folders without a tour file hold other content (tips, help articles): not ours.
  const collection = loadCollection({
    dirs,
    cwd,
    layout: { eachFolder: TOUR_FILE_NAMES },
    schema: TourSchema,
    what: 'tour',
    missingFolder: bilingual('找不到引导文件夹', 'tours folder not found'),
    listLimits: { steps: CONTENT_LIMITS.stepsPerTour },
    explain: {
      expectedAt,
      // An unknown key in a locator (`lable`) is the cause: "needs one of" would repeat it.
      ignore: (issue, all) =>
        issue.message === LOCATOR_WITHOUT_KIND &&
        all.some(
          (other) =>
            other.atKey === true &&
            formatIssuePath(other.path.slice(0, -1)) === formatIssuePath(issue.path),
        ),
    },
    // On the data as read, valid or not: these are reported with the schema's errors, in one run.
    checkSource: (source, name) => {
      const id = idOf(source.data);
      if (id !== undefined) rawIds.add(id);
      return [
        ...checkTourId(source, name, id, { firstFileOf, renames, renamesFile }),
        ...checkSteps(source, known),
      ];
    },
  });
  errors.push(...collection.errors);
  files.push(...collection.files);

  const tours = collection.entries.map((entry) => entry.value);
  for (const problem of validateRenames(renames, rawIds)) {
    // "used again" is already reported on the tour file.
    if (rawIds.has(problem.oldId)) continue;
    errors.push({ file: renamesFile, path: problem.oldId, message: problem.message });
  }

  tours.sort((a, b) => byCodeUnits(a.id, b.id));
  return { tours, errors, files, renames };
}

/** What a value of the wrong type should have been, in words, where "a mapping" says too little. */
function expectedAt(path: readonly PropertyKey[], value: unknown): string | undefined {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  const locatorKeys = ['target', 'until', 'locator', 'present', 'absent', 'within', 'click'];
  if (typeof key === 'string' && locatorKeys.includes(key)) {
    return bilingual(
      '一个定位器（如 { label: 标题 }）或几个备选定位器的列表',
      'a locator such as { label: 标题 } or a list of alternative locators',
    );
  }
  if (typeof key === 'number' && (parent === 'target' || parent === 'frame')) {
    return bilingual('一个定位器，如 { label: 标题 }', 'a locator such as { label: 标题 }');
  }
  if (key === 'advance') {
    const kind = typeof value === 'string' ? value : 'click';
    return bilingual(`推进方式，如 { on: ${kind} }`, `an advance such as { on: ${kind} }`);
  }
  return undefined;
}

function idOf(data: unknown): string | undefined {
  const id = valueAt(data, ['id']);
  return typeof id === 'string' ? id : undefined;
}

/** The tour id against its folder, the other folders and the renames map. */
function checkTourId(
  source: ContentSource,
  folder: string,
  id: string | undefined,
  context: { firstFileOf: Map<string, string>; renames: RenamesMap; renamesFile: string },
): TourError[] {
  if (id === undefined) return [];
  const at = (message: string) => [errorAt(source, ['id'], message)];
  if (id !== folder) {
    // An id that is not its folder's would make the folder it names look like the duplicate.
    return at(
      bilingual(
        `引导 id "${id}" 必须与所在文件夹名 "${folder}" 相同`,
        `tour id "${id}" must equal its folder name "${folder}"`,
      ),
    );
  }
  const first = context.firstFileOf.get(id);
  if (first !== undefined) {
    return at(
      bilingual(
        `引导 id "${id}" 重复（${first} 也用了它）`,
        `duplicate tour id "${id}" (also in ${first})`,
      ),
    );
  }
  context.firstFileOf.set(id, source.shownAs);
  if (Object.hasOwn(context.renames, id)) {
    const to = context.renames[id] ?? '';
    return at(
      bilingual(
        `引导 id "${id}" 已改名为 "${to}"（${context.renamesFile}），旧 id 不能再用：学习进度按 id 保存`,
        `"${id}" was renamed to "${to}" (${context.renamesFile}); old ids are never reused because progress is stored by id`,
      ),
    );
  }
  return [];
}

/** Step ids unique, translations keyed by existing step ids, validator ids known. */
function checkSteps(source: ContentSource, known: readonly string[] | undefined): TourError[] {
  const steps = valueAt(source.data, ['steps']);
  if (!Array.isArray(steps)) return [];
  const errors: TourError[] = [];
  const firstIndex = new Map<string, number>();
  steps.forEach((step: unknown, index) => {
    const id = valueAt(step, ['id']);
    if (typeof id === 'string') {
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, index);
      else errors.push(errorAt(source, ['steps', index, 'id'], duplicateStepIdMessage(id, first)));
    }
    const advance = valueAt(step, ['advance']);
    const validator = valueAt(advance, ['validator']);
    if (known && valueAt(advance, ['on']) === 'input' && typeof validator === 'string') {
      if (!known.includes(validator.trim())) {
        errors.push(
          errorAt(
            source,
            ['steps', index, 'advance', 'validator'],
            withSuggestion(
              bilingual(
                `没有名为 "${validator}" 的校验器（可用：${known.join(', ')}）`,
                `unknown validator "${validator}" (known: ${known.join(', ') || 'none'})`,
              ),
              didYouMean(validator, known),
            ),
          ),
        );
      }
    }
  });
  const texts = valueAt(source.data, ['i18n', 'en', 'steps']);
  if (texts !== null && typeof texts === 'object' && !Array.isArray(texts)) {
    for (const key of Object.keys(texts)) {
      if (firstIndex.has(key)) continue;
      errors.push(
        errorAt(
          source,
          ['i18n', 'en', 'steps', key],
          unknownStepTextMessage(key, firstIndex.keys()),
          { atKey: true },
        ),
      );
    }
  }
  return errors;
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

/**
 * Build-time tour loading (Node only): read every `<dir>/<tour-id>/tour.yaml` (or `.yml`,
 * `.json`), validate it against the schema, and check what a single file cannot: duplicate ids
 * across folders, ids renamed away, unknown validator ids, and the renames map itself.
 *
 * Every error names the file (relative to `cwd`) and, where there is one, the path inside the tour
 * and the line: `tours/x/tour.yaml:12:7: steps[3].target: a locator needs one of …`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Document, Node } from 'yaml';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { CONTENT_LIMITS, checkContentLimits, overLimit } from '../../lib/content/limits';
import type { RenamesMap } from './renames';
import { validateRenames } from './renames';
import type { Tour } from './schema';
import { TourSchema, formatIssuePath } from './schema';

export interface TourError {
  /** File the error is about, relative to `cwd` (forward slashes). */
  file: string;
  /** Path inside the tour, e.g. `steps[3].target`; absent for file-level errors. */
  path?: string;
  /** 1-based line and column, when the error can be placed in the file. */
  line?: number;
  column?: number;
  message: string;
}

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

const TOUR_FILE_NAMES = ['tour.yaml', 'tour.yml', 'tour.json'] as const;

/** `file:line:col: path: message`, the format the build prints. */
export function formatTourError(error: TourError): string {
  const place =
    error.line === undefined ? error.file : `${error.file}:${error.line}:${error.column ?? 1}`;
  return error.path ? `${place}: ${error.path}: ${error.message}` : `${place}: ${error.message}`;
}

/** Load and validate all tours in `dirs` (absolute or cwd-relative folder paths). */
export function loadTours(
  dirs: readonly string[],
  options: LoadToursOptions = {},
): LoadToursResult {
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string): string => relative(cwd, file).split('\\').join('/') || file;
  const errors: TourError[] = [];
  const files: string[] = [];
  const loaded: { tour: Tour; file: string; doc: Document.Parsed; lineCounter: LineCounter }[] = [];

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

  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      errors.push({ file: display(dir), message: 'tours folder not found' });
      continue;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (!entry.isDirectory()) continue;
      const candidates = TOUR_FILE_NAMES.map((name) => join(dir, entry.name, name)).filter((file) =>
        existsSync(file),
      );
      // Folders without a tour file hold other content (tips, help articles): not ours.
      const file = candidates[0];
      if (!file) continue;
      files.push(...candidates);
      if (candidates.length > 1) {
        errors.push({
          file: display(file),
          message: `one tour file per folder, found ${candidates.map((candidate) => display(candidate)).join(', ')}`,
        });
        continue;
      }
      const result = readTourFile(file, display(file), entry.name, options.validatorIds);
      errors.push(...result.errors);
      if (result.tour)
        loaded.push({ tour: result.tour, file, doc: result.doc, lineCounter: result.lineCounter });
    }
  }

  // Checks across files.
  const byId = new Map<string, string>();
  const tours: Tour[] = [];
  for (const { tour, file, doc, lineCounter } of loaded) {
    const at = { file: display(file), path: 'id', ...yamlPosition(doc, lineCounter, ['id']) };
    const first = byId.get(tour.id);
    if (first !== undefined) {
      errors.push({ ...at, message: `duplicate tour id "${tour.id}" (also in ${display(first)})` });
      continue;
    }
    if (Object.hasOwn(renames, tour.id)) {
      errors.push({
        ...at,
        message: `"${tour.id}" was renamed to "${renames[tour.id]}" (${renamesFile}); old ids are never reused because progress is stored by id`,
      });
      continue;
    }
    byId.set(tour.id, file);
    tours.push(tour);
  }
  for (const problem of validateRenames(renames, byId.keys())) {
    // "used again" is already reported on the tour file above.
    if (byId.has(problem.oldId)) continue;
    errors.push({ file: renamesFile, path: problem.oldId, message: problem.message });
  }

  tours.sort((a, b) => a.id.localeCompare(b.id));
  return { tours, errors, files, renames };
}

function readTourFile(
  file: string,
  shownAs: string,
  folderName: string,
  validatorIds: readonly string[] | undefined,
):
  | { tour: Tour; errors: TourError[]; doc: Document.Parsed; lineCounter: LineCounter }
  | { tour?: undefined; errors: TourError[]; doc?: undefined; lineCounter?: undefined } {
  const source = parseYamlFile(file, shownAs, {
    listLimits: { steps: CONTENT_LIMITS.stepsPerTour },
  });
  if ('errors' in source) return { errors: source.errors };
  const { doc, lineCounter } = source;
  const parsed = TourSchema.safeParse(source.data);
  if (!parsed.success) return { errors: schemaIssueErrors(source, shownAs, parsed.error.issues) };
  const tour = parsed.data;
  const errors: TourError[] = [];
  if (tour.id !== folderName) {
    errors.push({
      file: shownAs,
      path: 'id',
      ...yamlPosition(doc, lineCounter, ['id']),
      message: `tour id "${tour.id}" must equal its folder name "${folderName}"`,
    });
  }
  if (validatorIds) {
    const known = new Set(validatorIds);
    tour.steps.forEach((step, index) => {
      if (
        step.advance.on === 'input' &&
        step.advance.validator !== undefined &&
        !known.has(step.advance.validator)
      ) {
        const path = ['steps', index, 'advance', 'validator'];
        errors.push({
          file: shownAs,
          path: formatIssuePath(path),
          ...yamlPosition(doc, lineCounter, path),
          message: `unknown validator "${step.advance.validator}" (known: ${[...known].sort().join(', ') || 'none'})`,
        });
      }
    });
  }
  return errors.length > 0 ? { errors } : { tour, errors, doc, lineCounter };
}

/** A YAML (or JSON) content file parsed with positions, ready for schema validation. */
export interface ParsedYamlFile {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The file's data (aliases resolved, at most CONTENT_LIMITS.yamlAliases of them). */
  data: unknown;
}

export interface ParseYamlOptions {
  /** Item limits for lists under these keys (a tour's `steps`), instead of `itemsPerList`. */
  listLimits?: Readonly<Record<string, number>>;
}

/**
 * Reads and parses a YAML or JSON content file (tours, rules, help articles, quizzes, checklists)
 * keeping line positions; syntax errors, limits exceeded (lib/content/limits.ts: size, aliases,
 * nesting, list and text lengths) and anything the parser throws come back as
 * {@link TourError}s naming `shownAs` and, where it can be placed, the line. Never throws.
 */
export function parseYamlFile(
  file: string,
  shownAs: string,
  options: ParseYamlOptions = {},
): ParsedYamlFile | { errors: TourError[] } {
  try {
    return parseYamlFileUnsafe(file, shownAs, options);
  } catch (error) {
    // Whatever went wrong (unreadable file, a parser limit), the message names the file.
    return {
      errors: [
        {
          file: shownAs,
          message: `cannot read: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

function parseYamlFileUnsafe(
  file: string,
  shownAs: string,
  options: ParseYamlOptions,
): ParsedYamlFile | { errors: TourError[] } {
  const size = statSync(file).size;
  if (size > CONTENT_LIMITS.fileBytes) {
    return {
      errors: [
        {
          file: shownAs,
          message: `file too large: ${overLimit('it', size, CONTENT_LIMITS.fileBytes, 'bytes')}`,
        },
      ],
    };
  }
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  // YAML is a superset of JSON: one parser gives .json files the same line/column errors.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((error) => ({
        file: shownAs,
        ...(error.linePos ? { line: error.linePos[0].line, column: error.linePos[0].col } : {}),
        // prettyErrors adds linePos and appends " at line L, column C:" plus a code excerpt.
        message: `YAML syntax error: ${(error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/u, '')}`,
      })),
    };
  }
  let data: unknown;
  try {
    // A "billion laughs" file nests aliases of aliases: resolving them all would need gigabytes.
    data = doc.toJS({ maxAliasCount: CONTENT_LIMITS.yamlAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      errors: [
        {
          file: shownAs,
          message: /alias/iu.test(message)
            ? `too many YAML aliases (more than ${CONTENT_LIMITS.yamlAliases} resolved; content files need none): ${message}`
            : `cannot read YAML: ${message}`,
        },
      ],
    };
  }
  const problems = checkContentLimits(data, options);
  if (problems.length > 0) {
    return {
      errors: problems.map((problem) => ({
        file: shownAs,
        ...(problem.path.length > 0 ? { path: formatIssuePath(problem.path) } : {}),
        ...yamlPosition(doc, lineCounter, problem.path),
        message: problem.message,
      })),
    };
  }
  return { doc, lineCounter, data };
}

/** Schema (zod) issues of a parsed file as errors with path, line and column. */
export function schemaIssueErrors(
  source: ParsedYamlFile,
  shownAs: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): TourError[] {
  return issues.map((issue) => ({
    file: shownAs,
    ...(issue.path.length > 0 ? { path: formatIssuePath(issue.path) } : {}),
    ...yamlPosition(source.doc, source.lineCounter, issue.path),
    message: issue.message,
  }));
}

/** Line/column of the deepest node that exists along `path` (a missing key points at its parent). */
export function yamlPosition(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): { line?: number; column?: number } {
  for (let length = path.length; length >= 0; length--) {
    const keys = path
      .slice(0, length)
      .filter((key): key is string | number => typeof key !== 'symbol');
    const node: unknown = length === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && (node as Node).range) {
      const [start] = (node as Node).range as [number, number, number];
      const { line, col } = lineCounter.linePos(start);
      return { line, column: col };
    }
  }
  return {};
}

function readJson(file: string): { value: unknown } | { error: string } {
  try {
    const size = statSync(file).size;
    if (size > CONTENT_LIMITS.fileBytes) {
      return {
        error: `file too large: ${overLimit('it', size, CONTENT_LIMITS.fileBytes, 'bytes')}`,
      };
    }
    return { value: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    if (error instanceof SyntaxError) return { error: `JSON syntax error: ${error.message}` };
    return { error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

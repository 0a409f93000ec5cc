/**
 * Build-time content collections (Node only), shared by every kind of training content (tours,
 * help articles, quizzes, rules, checklists) and knowing none of them: find the files of a
 * collection in the content folders, read them (UTF-8, size and shape limits from ./limits.ts),
 * parse YAML or JSON keeping line positions, validate each file against a schema, and report
 * duplicate ids naming both files. What a kind of content checks beyond that (cross-references,
 * its own rules) stays with its feature, which gets the parsed files back to place its errors.
 *
 * Every error names the file (relative to `cwd`, forward slashes) and, where it can be placed,
 * the line, column and the path inside the file; {@link formatContentError} prints them as
 * `tours/x/tour.yaml:12:7: steps[3].target: a locator needs one of …`. Nothing here throws on a
 * bad file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Document, Node } from 'yaml';
import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { ExplainedIssue, ExplainOptions } from './explain';
import type { ContentNoun } from './references';
import { unknownId } from './references';
import { bilingual, explainIssues, formatIssuePath, valueAt } from './explain';
import { CONTENT_LIMITS, checkContentLimits, overLimit } from './limits';

export interface ContentError {
  /** File the error is about, relative to `cwd` (forward slashes). */
  file: string;
  /** Path inside the file, e.g. `steps[3].target`; absent for file-level errors. */
  path?: string;
  /** 1-based line and column, when the error can be placed in the file. */
  line?: number;
  column?: number;
  message: string;
}

/** `file:line:col: path: message` (line and path when known), the format the build prints. */
export function formatContentError(error: ContentError): string {
  const place =
    error.line === undefined ? error.file : `${error.file}:${error.line}:${error.column ?? 1}`;
  return error.path ? `${place}: ${error.path}: ${error.message}` : `${place}: ${error.message}`;
}

export { formatIssuePath } from './explain';
export type { ContentNoun } from './references';
export { unknownId } from './references';

/** The content folders of a project: `<root>/tours` plus `ZHIYIN_TOURS_DIR` when set. */
export function contentDirs(
  root: string,
  env: Record<string, string | undefined> = process.env,
): string[] {
  const extra = env.ZHIYIN_TOURS_DIR?.trim();
  return [resolve(root, 'tours'), ...(extra ? [resolve(root, extra)] : [])];
}

/**
 * A file's name as errors show it: relative to `cwd`, forward slashes; a file outside `cwd` (an
 * extra ZHIYIN_TOURS_DIR elsewhere) by its absolute path, not a run of `../`.
 */
export function displayPath(cwd: string, file: string): string {
  const shown = relative(cwd, file).split('\\').join('/');
  if (shown === '' || shown === '..' || shown.startsWith('../') || isAbsolute(shown)) {
    return resolve(cwd, file).split('\\').join('/');
  }
  return shown;
}

/** Deterministic order, independent of the machine's locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A YAML (or JSON) content file parsed with positions, ready for schema validation. */
export interface ContentSource {
  /** Absolute (or as given) path of the file. */
  file: string;
  /** The file's name in errors. */
  shownAs: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The file's data (aliases resolved, at most CONTENT_LIMITS.yamlAliases of them). */
  data: unknown;
}

export interface ReadContentOptions {
  /** Item limits for lists under these keys (a tour's `steps`), instead of `itemsPerList`. */
  listLimits?: Readonly<Record<string, number>>;
}

/**
 * Reads and parses a YAML or JSON content file keeping line positions. Refused, as
 * {@link ContentError}s naming `shownAs` (and the line where there is one): a file over the size
 * limit, text that is not UTF-8, YAML syntax errors (duplicate keys included), too many aliases,
 * and data over the shape limits of ./limits.ts. A UTF-8 byte order mark is allowed. Never throws.
 */
export function readContentFile(
  file: string,
  shownAs: string,
  options: ReadContentOptions = {},
): ContentSource | { errors: ContentError[] } {
  try {
    return readContentFileUnsafe(file, shownAs, options);
  } catch (error) {
    // Whatever went wrong (unreadable file, a parser limit), the message names the file.
    return { errors: [{ file: shownAs, message: `cannot read: ${messageOf(error)}` }] };
  }
}

function readContentFileUnsafe(
  file: string,
  shownAs: string,
  options: ReadContentOptions,
): ContentSource | { errors: ContentError[] } {
  const text = readText(file);
  if ('error' in text) return { errors: [{ file: shownAs, ...text.error }] };
  const lineCounter = new LineCounter();
  // YAML is a superset of JSON: one parser gives .json files the same line/column errors.
  const doc = parseDocument(text.text, { lineCounter, prettyErrors: true, uniqueKeys: true });
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
    const message = messageOf(error);
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
  const source: ContentSource = { file, shownAs, doc, lineCounter, data };
  const problems = checkContentLimits(data, options);
  if (problems.length > 0) {
    return { errors: problems.map((problem) => errorAt(source, problem.path, problem.message)) };
  }
  return source;
}

/**
 * A content file's text: at most CONTENT_LIMITS.fileBytes, strictly UTF-8 (a file saved as GBK
 * would otherwise load as mojibake without a word), without its byte order mark.
 */
export function readText(
  file: string,
): { text: string } | { error: Omit<ContentError, 'file' | 'path'> } {
  const size = statSync(file).size;
  if (size > CONTENT_LIMITS.fileBytes) {
    return {
      error: {
        message: `file too large: ${overLimit('it', size, CONTENT_LIMITS.fileBytes, 'bytes')}`,
      },
    };
  }
  const bytes = readFileSync(file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Where: the first replacement character of a lenient decoding (a file that really holds
    // U+FFFD before its first bad byte is placed there instead: near enough to find it).
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
    const lines = before.split('\n');
    return {
      error: {
        line: lines.length,
        column: (lines[lines.length - 1] ?? '').length + 1,
        message:
          'not UTF-8 text (saved as GBK or another encoding?): save the file as UTF-8 and build again',
      },
    };
  }
}

/**
 * Line/column of the deepest node that exists along `path` (a missing key points at its parent).
 * With `atKey`, the last path element's key itself (an unknown key), when the parent is a mapping.
 */
export function positionIn(
  source: Pick<ContentSource, 'doc' | 'lineCounter'>,
  path: readonly PropertyKey[],
  { atKey = false }: { atKey?: boolean } = {},
): { line?: number; column?: number } {
  if (atKey && path.length > 0) {
    const parentKeys = path
      .slice(0, -1)
      .filter((key): key is string | number => typeof key !== 'symbol');
    const parent: unknown =
      parentKeys.length === 0 ? source.doc.contents : source.doc.getIn(parentKeys, true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(last),
      );
      if (pair && isNode(pair.key) && pair.key.range) {
        const { line, col } = source.lineCounter.linePos(pair.key.range[0]);
        return { line, column: col };
      }
    }
  }
  for (let length = path.length; length >= 0; length--) {
    const keys = path
      .slice(0, length)
      .filter((key): key is string | number => typeof key !== 'symbol');
    const node: unknown = length === 0 ? source.doc.contents : source.doc.getIn(keys, true);
    if (isNode(node) && (node as Node).range) {
      const [start] = (node as Node).range as [number, number, number];
      const { line, col } = source.lineCounter.linePos(start);
      return { line, column: col };
    }
  }
  return {};
}

/** An error about `path` inside a parsed file, placed at its line (at its key with `atKey`). */
export function errorAt(
  source: Pick<ContentSource, 'shownAs' | 'doc' | 'lineCounter'>,
  path: readonly PropertyKey[],
  message: string,
  place: { atKey?: boolean } = {},
): ContentError {
  return {
    file: source.shownAs,
    ...(path.length > 0 ? { path: formatIssuePath(path) } : {}),
    ...positionIn(source, path, place),
    message,
  };
}

/**
 * Links by id, checked on the file as read: an error, at its line, for every id in the list at
 * `path` that is not in `known` (`tours: [x]` naming a tour the build does not have). A missing
 * list, or an item that is not a non-empty text, is the schema's to report, not a broken link.
 */
export function unknownLinks(
  source: Pick<ContentSource, 'shownAs' | 'doc' | 'lineCounter' | 'data'>,
  path: readonly PropertyKey[],
  noun: ContentNoun,
  known: ReadonlySet<string>,
): ContentError[] {
  const ids = valueAt(source.data, path);
  if (!Array.isArray(ids)) return [];
  return ids.flatMap((id: unknown, index) =>
    typeof id !== 'string' || id === '' || known.has(id)
      ? []
      : [errorAt(source, [...path, index], unknownId(noun, id, known))],
  );
}

/** What {@link validate} needs of a schema (a zod schema has it). */
export interface ContentSchema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/** How schema issues are worded: as zod says them, or explained for authors (./explain.ts). */
export type ExplainSetting = Pick<ExplainOptions, 'expectedAt'> & {
  /** Drop an issue (one another issue of the same file explains better). */
  ignore?: (issue: ExplainedIssue, all: readonly ExplainedIssue[]) => boolean;
};

/**
 * The file's data checked against `schema`; issues come back placed at their lines. With
 * `explain`, in authors' words (bilingual, unknown keys on the key, "did you mean").
 */
export function validate<T>(
  source: ContentSource,
  schema: ContentSchema<T>,
  explain?: ExplainSetting,
): { value: T } | { errors: ContentError[] } {
  const parsed = schema.safeParse(source.data);
  if (parsed.success) return { value: parsed.data };
  if (!explain) {
    return {
      errors: parsed.error.issues.map((issue) => errorAt(source, issue.path, issue.message)),
    };
  }
  const explained = explainIssues(parsed.error.issues, {
    schema,
    data: source.data,
    ...(explain.expectedAt ? { expectedAt: explain.expectedAt } : {}),
  });
  return {
    errors: explained
      .filter((issue) => !explain.ignore?.(issue, explained))
      .map((issue) =>
        errorAt(source, issue.path, issue.message, issue.atKey ? { atKey: true } : {}),
      ),
  };
}

/** Where something with an id was first seen: a file and, in a file of many, its path. */
export interface IdPlace {
  file: string;
  path?: string;
}

/**
 * Ids that must be unique across files: `claim` returns the error message for an id already
 * claimed (`duplicate tour id "x" (also in tours/x/tour.yaml)`), naming where it was first.
 */
export class IdRegistry {
  private readonly first = new Map<string, IdPlace>();
  constructor(private readonly what: ContentNoun) {}

  claim(id: string, at: IdPlace): string | undefined {
    const first = this.first.get(id);
    if (first) {
      const place = first.path ? `${first.file} ${first.path}` : first.file;
      return bilingual(
        `${this.what.zh} id "${id}" 重复（${place} 也用了它）`,
        `duplicate ${this.what.en} id "${id}" (also in ${place})`,
      );
    }
    this.first.set(id, at);
    return undefined;
  }
}

/** Where a collection's files are in each content folder. */
export type CollectionLayout =
  /** Every `.yaml`/`.yml`/`.json` file of `<dir>/<folder>/` (help articles, quizzes, rules). */
  | { folder: string; exclude?: (name: string) => boolean }
  /** One file per sub-folder, `<dir>/<name>/<one of fileNames>` (tours); others are not ours. */
  | { eachFolder: readonly string[] };

export interface CollectionOptions<T> {
  /** Content folders (absolute or cwd-relative), in order. */
  dirs: readonly string[];
  layout: CollectionLayout;
  schema: ContentSchema<T>;
  /** What one item is called in messages (`tour`, `article`, `quiz`). */
  what: string;
  /** The same in Chinese (`引导`, `帮助文章`, `测验`); messages are bilingual. Default: `what`. */
  whatZh?: string;
  /**
   * The id of a file's item, when a file holds one item with an id: ids must then be unique
   * across files and equal the file's name (without extension) or, for `eachFolder`, the
   * folder's (progress and links are stored by id; the name says where to find it). Checked on
   * the file's `id` as read, with the schema's errors, so they come in one pass.
   */
  id?: (value: T) => string;
  /** The message for a content folder that is not there; without it a missing folder is empty. */
  missingFolder?: string;
  /** Feature checks of one valid file; an entry with any error is left out. */
  check?: (entry: CollectionEntry<T>) => ContentError[];
  /**
   * Feature checks of every parsed file, valid or not, on the data as read: so that problems
   * such as a duplicate id are reported in the same run as the schema's, not after they are
   * fixed. A schema error identical to one of these (same file, place and message) is dropped.
   */
  checkSource?: (source: ContentSource, name: string) => ContentError[];
  /** Schema issues in authors' words (./explain.ts); default: zod's messages as they are. */
  explain?: ExplainSetting;
  listLimits?: Readonly<Record<string, number>>;
  /** Base for the file names in errors. Default: process.cwd(). */
  cwd?: string | undefined;
}

export interface CollectionEntry<T> {
  value: T;
  source: ContentSource;
  /** The file's name without extension, or for `eachFolder` the folder's name. */
  name: string;
}

export interface Collection<T> {
  /** The files that passed every check, in folder order then file name order (code units). */
  entries: CollectionEntry<T>[];
  /** Every error of every file, in the same order. */
  errors: ContentError[];
  /** Every file read, for watch mode. */
  files: string[];
}

const CONTENT_FILE = /\.(ya?ml|json)$/u;

/** Read, parse and validate one collection from every content folder. */
export function loadCollection<T>(options: CollectionOptions<T>): Collection<T> {
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string) => displayPath(cwd, file);
  const noun: ContentNoun = { zh: options.whatZh ?? options.what, en: options.what };
  const ids = new IdRegistry(noun);
  const result: Collection<T> = { entries: [], errors: [], files: [] };

  for (const dir of options.dirs) {
    if (!isDirectory(dir)) {
      if (options.missingFolder) {
        result.errors.push({ file: display(dir), message: options.missingFolder });
      }
      continue;
    }
    for (const found of listFiles(dir, options.layout)) {
      result.files.push(...found.files);
      const [file] = found.files;
      if (!file) continue;
      if (found.files.length > 1) {
        const list = found.files.map(display).join(', ');
        result.errors.push({
          file: display(file),
          message: bilingual(
            `每个文件夹只能有一个${noun.zh}文件，这里有：${list}`,
            `one ${options.what} file per folder, found ${list}`,
          ),
        });
        continue;
      }
      const source = readContentFile(
        file,
        display(file),
        options.listLimits ? { listLimits: options.listLimits } : {},
      );
      if ('errors' in source) {
        result.errors.push(...source.errors);
        continue;
      }
      const early = [
        ...(options.id ? idErrors(source, found.name, noun, options.layout, ids) : []),
        ...(options.checkSource?.(source, found.name) ?? []),
      ];
      const valid = validate(source, options.schema, options.explain);
      if ('errors' in valid) {
        const shown = new Set(early.map(errorKey));
        const errors = [...early, ...valid.errors.filter((error) => !shown.has(errorKey(error)))];
        result.errors.push(
          ...(options.checkSource || options.explain || options.id ? sortByPlace(errors) : errors),
        );
        continue;
      }
      if (early.length > 0) {
        result.errors.push(...early);
        continue;
      }
      const entry: CollectionEntry<T> = { value: valid.value, source, name: found.name };
      const errors = options.check?.(entry) ?? [];
      result.errors.push(...errors);
      if (errors.length === 0) result.entries.push(entry);
    }
  }
  return result;
}

/** Same file, path and message: one problem (a key and its value are placed apart). */
function errorKey(error: ContentError): string {
  return [error.file, error.path ?? '', error.message].join('\0');
}

/** A file's errors top to bottom, as an author fixes them (stable for errors on one line). */
function sortByPlace(errors: ContentError[]): ContentError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        (a.error.line ?? 0) - (b.error.line ?? 0) ||
        (a.error.column ?? 0) - (b.error.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}

/** The file's `id` as read against its file (or folder) name and the ids of earlier files. */
function idErrors(
  source: ContentSource,
  name: string,
  noun: ContentNoun,
  layout: CollectionLayout,
  ids: IdRegistry,
): ContentError[] {
  const id = valueAt(source.data, ['id']);
  // A missing or mistyped id is the schema's to report.
  if (typeof id !== 'string') return [];
  const at = (message: string) => errorAt(source, ['id'], message);
  if (id !== name) {
    // An id that is not its file's would make the file it names look like the duplicate.
    const [kindZh, kindEn] = 'eachFolder' in layout ? ['文件夹名', 'folder'] : ['文件名', 'file'];
    return [
      at(
        bilingual(
          `${noun.zh} id "${id}" 必须与${kindZh} "${name}" 相同`,
          `${noun.en} id "${id}" must equal its ${kindEn} name "${name}"`,
        ),
      ),
    ];
  }
  const duplicate = ids.claim(id, { file: source.shownAs });
  return duplicate ? [at(duplicate)] : [];
}

function listFiles(dir: string, layout: CollectionLayout): { name: string; files: string[] }[] {
  if ('eachFolder' in layout) {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort(byCodeUnits)
      .map((name) => ({
        name,
        files: layout.eachFolder
          .map((fileName) => join(dir, name, fileName))
          .filter((file) => existsSync(file)),
      }))
      .filter((found) => found.files.length > 0);
  }
  const folder = join(dir, layout.folder);
  if (!isDirectory(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && CONTENT_FILE.test(entry.name))
    .map((entry) => entry.name)
    .filter((name) => !layout.exclude?.(name))
    .sort(byCodeUnits)
    .map((name) => ({ name: basename(name, extname(name)), files: [join(folder, name)] }));
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

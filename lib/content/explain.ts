/**
 * Schema issues in words a content author (a trainer, not a developer) can act on: Simplified
 * Chinese first, English after (`中文 / English`), one message per problem, placed on the node the
 * author has to change, with a "did you mean" where one fits.
 *
 * Zod's own wording is for developers: `Invalid input` for a value that matches no alternative of a
 * union, `Unrecognized key: "x"` on the object rather than the key. This module turns each issue
 * into an {@link ExplainedIssue}: an unknown key is placed on the key itself and compared with the
 * keys allowed there (read from the schema); a union failure is explained by the alternative the
 * value was closest to; a wrong type says what was expected and what was found. Messages the
 * schema wrote itself (custom messages) are kept, with a suggestion added for misspelt choices.
 *
 * Framework-free and Node-free: the tour schema uses {@link didYouMean} at run time too.
 */
import { boundedOsaDistance } from '../search/distance';

/** One schema issue as zod reports it (the fields this module reads). */
export interface SchemaIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: readonly string[];
  values?: readonly unknown[];
  expected?: string;
  errors?: readonly (readonly SchemaIssue[])[];
}

export interface ExplainedIssue {
  path: PropertyKey[];
  message: string;
  /** Place the error on the last path element's key rather than on its value (unknown keys). */
  atKey?: boolean;
}

export interface ExplainOptions {
  /** The zod schema the data was checked against: the keys and choices allowed at each path. */
  schema: unknown;
  /** The data as read from the file. */
  data: unknown;
  /**
   * What belongs at `path`, in words (`一个定位器，如 { label: 标题 } / a locator such as …`),
   * for a value of the wrong type. Default: the expected types in words.
   */
  expectedAt?: (path: readonly PropertyKey[], value: unknown) => string | undefined;
}

/** The separator between the Chinese and the English half of a message. */
export const BILINGUAL_SEPARATOR = ' / ';

/** `中文 / English`. */
export function bilingual(zh: string, en: string): string {
  return `${zh}${BILINGUAL_SEPARATOR}${en}`;
}

/**
 * The candidate closest to `input` when it is close enough to be a slip (a typo, a wrong case, a
 * missing or doubled letter): at most one edit for short words, a third of the length for longer
 * ones. Undefined when nothing is that close.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lowered = input.toLowerCase();
  const limit = Math.max(1, Math.floor(Math.max(input.length, 1) / 3));
  for (const candidate of candidates) {
    if (candidate === input) continue;
    // A difference of case only (idcard → idCard) is always a slip. Otherwise the help search's
    // edit distance (transpositions count one: cilck → click), bounded by what can still be a slip.
    const distance =
      candidate.toLowerCase() === lowered
        ? 0.5
        : boundedOsaDistance(lowered, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * `message` with "did you mean" added to both halves when a suggestion fits:
 * `未知的引导推进方式，… / unknown advance kind …` → `…，是不是想写 "click"？ / … (did you mean "click"?)`.
 */
export function withSuggestion(message: string, suggestion: string | undefined): string {
  if (suggestion === undefined) return message;
  const zh = `是不是想写 "${suggestion}"？`;
  const en = `did you mean "${suggestion}"?`;
  const split = message.indexOf(BILINGUAL_SEPARATOR);
  if (split < 0) return `${message} (${en})`;
  return bilingual(
    `${message.slice(0, split)}，${zh}`,
    `${message.slice(split + BILINGUAL_SEPARATOR.length)}; ${en}`,
  );
}

/**
 * An issue's path the way every error message shows it (the build, packs, drafts):
 * `['steps', 3, 'target']` → `steps[3].target`.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The value at `path` in `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Every issue in author's words. Issues are kept in zod's order; duplicates are dropped. */
export function explainIssues(
  issues: readonly SchemaIssue[],
  options: ExplainOptions,
): ExplainedIssue[] {
  const out: ExplainedIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const explained of explainIssue(issue, [], options)) {
      const key = `${explained.path.map(String).join('\0')}\u0001${explained.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(explained);
    }
  }
  return out;
}

/** zod's default messages (set by no schema): these get our own words. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Unrecognized key|Too small|Too big|Invalid)/u;

function explainIssue(
  issue: SchemaIssue,
  prefix: readonly PropertyKey[],
  options: ExplainOptions,
): ExplainedIssue[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(options.data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({
        path: [...path, key],
        atKey: true,
        message: unknownKeyMessage(key, allowedKeys(options.schema, options.data, path)),
      }));
    case 'invalid_union': {
      const branches = issue.errors ?? [];
      if (branches.length === 0) {
        // A discriminated union whose discriminator matched no option (`on: clik`).
        return [{ path, message: suggestFor(issue, path, value, options) }];
      }
      const fitting = branches.filter(
        (branch) =>
          !branch.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
      );
      if (fitting.length === 0) {
        const expected = branches.flatMap((branch) =>
          branch.filter((inner) => inner.path.length === 0).map((inner) => inner.expected ?? ''),
        );
        return [{ path, message: wrongTypeMessage(path, value, expected, options) }];
      }
      // The alternative the value was closest to: the one with the fewest problems.
      const closest = [...fitting].sort((a, b) => a.length - b.length)[0] ?? [];
      return closest.flatMap((inner) => explainIssue(inner, path, options));
    }
    case 'invalid_type':
      if (value === undefined) {
        const key = path[path.length - 1];
        return [
          {
            path,
            message: ZOD_DEFAULT.test(issue.message)
              ? bilingual(`缺少必填项 ${String(key)}`, `${String(key)} is required`)
              : issue.message,
          },
        ];
      }
      return [
        {
          path,
          message: ZOD_DEFAULT.test(issue.message)
            ? wrongTypeMessage(path, value, [issue.expected ?? ''], options)
            : issue.message,
        },
      ];
    case 'invalid_value':
      return [{ path, message: suggestFor(issue, path, value, options) }];
    default:
      return [
        {
          path,
          message: ZOD_DEFAULT.test(issue.message)
            ? bilingual(`这里的值不符合要求（${issue.message}）`, issue.message)
            : issue.message,
        },
      ];
  }
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const suggestion = didYouMean(key, allowed);
  if (suggestion !== undefined) {
    return bilingual(
      `未知的键 ${key}，是不是想写 ${suggestion}？`,
      `unknown key "${key}", did you mean "${suggestion}"?`,
    );
  }
  const list = allowed.join(', ');
  return bilingual(
    `未知的键 ${key}，这里可以写：${list}`,
    `unknown key "${key}"; allowed here: ${list}`,
  );
}

/** A choice (enum value, discriminator) that is not one of the allowed ones, with a suggestion. */
function suggestFor(
  issue: SchemaIssue,
  path: readonly PropertyKey[],
  value: unknown,
  options: ExplainOptions,
): string {
  const choices =
    issue.values?.filter((choice): choice is string => typeof choice === 'string') ??
    discriminatorValues(options.schema, options.data, path);
  let message = issue.message;
  if (ZOD_DEFAULT.test(message)) {
    const list = choices.join(', ');
    message = bilingual(`只能是以下之一：${list}`, `must be one of: ${list}`);
  }
  return typeof value === 'string' ? withSuggestion(message, didYouMean(value, choices)) : message;
}

const TYPE_WORDS: Record<string, [string, string]> = {
  object: ['键值对（如 { key: 值 }）', 'a mapping ({ key: value })'],
  array: ['列表（如 [a, b] 或以 - 开头的几行）', 'a list ([a, b] or lines starting with -)'],
  string: ['文字', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['true 或 false', 'true or false'],
  null: ['null', 'null'],
};

function found(value: unknown): [string, string] {
  if (value === null) return ['null', 'null'];
  if (Array.isArray(value)) return ['一个列表', 'a list'];
  if (typeof value === 'object') return ['一组键值对', 'a mapping'];
  if (typeof value === 'string') return [`文字 "${value}"`, `the text "${value}"`];
  return [String(value), String(value)];
}

function wrongTypeMessage(
  path: readonly PropertyKey[],
  value: unknown,
  expected: readonly string[],
  options: ExplainOptions,
): string {
  const [foundZh, foundEn] = found(value);
  const described = options.expectedAt?.(path, value);
  if (described !== undefined) {
    const split = described.indexOf(BILINGUAL_SEPARATOR);
    const zh = split < 0 ? described : described.slice(0, split);
    const en = split < 0 ? described : described.slice(split + BILINGUAL_SEPARATOR.length);
    return bilingual(`这里应写${zh}，实际是${foundZh}`, `expected ${en}, found ${foundEn}`);
  }
  const words = [...new Set(expected)].map((type) => TYPE_WORDS[type] ?? [type, type]);
  return bilingual(
    `这里应写${words.map(([zh]) => zh).join('或')}，实际是${foundZh}`,
    `expected ${words.map(([, en]) => en).join(' or ')}, found ${foundEn}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Reading a zod schema: which keys and choices are allowed at a path (zod 4's `_zod.def`).

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  options?: readonly unknown[];
  discriminator?: string;
  valueType?: unknown;
  getter?: () => unknown;
  values?: readonly unknown[];
}

function defOf(schema: unknown): SchemaDef | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  return (schema as { _zod?: { def?: SchemaDef } })._zod?.def;
}

/** The object schemas that may describe the value at `path` (wrappers and unions opened). */
function schemasAt(schema: unknown, data: unknown, path: readonly PropertyKey[]): unknown[] {
  let current = unwrap(schema, valueAt(data, []));
  for (let index = 0; index < path.length; index++) {
    const key = path[index];
    const next: unknown[] = [];
    for (const candidate of current) {
      const def = defOf(candidate);
      if (def?.type === 'object' && typeof key === 'string' && def.shape) {
        if (Object.hasOwn(def.shape, key)) next.push(def.shape[key]);
      } else if (def?.type === 'array' && typeof key === 'number') next.push(def.element);
      else if (def?.type === 'record') next.push(def.valueType);
    }
    const value = valueAt(data, path.slice(0, index + 1));
    current = next.flatMap((candidate) => unwrap(candidate, value));
  }
  return current;
}

/** Open optional/default/nullable/lazy/pipe wrappers and unions (a discriminated one by value). */
function unwrap(schema: unknown, value: unknown, depth = 0): unknown[] {
  const def = defOf(schema);
  if (!def || depth > 20) return [];
  if (def.innerType !== undefined) return unwrap(def.innerType, value, depth + 1);
  if (def.type === 'pipe') return unwrap(def.in, value, depth + 1);
  if (def.type === 'lazy' && def.getter) return unwrap(def.getter(), value, depth + 1);
  if (def.type === 'union' && def.options) {
    let options = def.options;
    if (def.discriminator !== undefined && value !== null && typeof value === 'object') {
      const tag = (value as Record<string, unknown>)[def.discriminator];
      const matching = options.filter((option) =>
        literalValues(defOf(option)?.shape?.[def.discriminator ?? '']).includes(tag),
      );
      if (matching.length > 0) options = matching;
    }
    // Only the alternatives of the value's own type: an object is not described by a list.
    const typed = options.filter((option) => fitsType(option, value));
    return (typed.length > 0 ? typed : options).flatMap((option) =>
      unwrap(option, value, depth + 1),
    );
  }
  return [schema];
}

function fitsType(schema: unknown, value: unknown): boolean {
  const type = defOf(unwrap(schema, undefined)[0])?.type;
  if (Array.isArray(value)) return type === 'array';
  if (value !== null && typeof value === 'object') return type === 'object' || type === 'record';
  return true;
}

function literalValues(schema: unknown): unknown[] {
  const def = defOf(schema);
  if (!def) return [];
  if (def.type === 'literal' || def.type === 'enum') {
    return [...(def.values ?? Object.values((def as { entries?: object }).entries ?? {}))];
  }
  if (def.innerType !== undefined) return literalValues(def.innerType);
  return [];
}

/** The keys a strict object at `path` accepts (empty when the schema says nothing). */
export function allowedKeys(
  schema: unknown,
  data: unknown,
  path: readonly PropertyKey[],
): string[] {
  const keys = new Set<string>();
  for (const candidate of schemasAt(schema, data, path)) {
    const shape = defOf(candidate)?.shape;
    if (shape) for (const key of Object.keys(shape)) if (key !== '$schema') keys.add(key);
  }
  return [...keys];
}

/** The values a discriminated union at `path.slice(0, -1)` takes for its discriminator. */
function discriminatorValues(
  schema: unknown,
  data: unknown,
  path: readonly PropertyKey[],
): string[] {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const values = new Set<string>();
  for (const candidate of schemasAt(schema, data, parentPath.slice(0, -1))) {
    const def = defOf(candidate);
    const parentKey = parentPath[parentPath.length - 1];
    const field =
      def?.type === 'object' && typeof parentKey === 'string'
        ? def.shape?.[parentKey]
        : def?.type === 'array'
          ? def.element
          : undefined;
    const unionDef = defOf(rawUnion(field));
    if (unionDef === undefined || unionDef.discriminator !== key) continue;
    for (const option of unionDef.options ?? []) {
      for (const literal of literalValues(defOf(option)?.shape?.[unionDef.discriminator ?? ''])) {
        if (typeof literal === 'string') values.add(literal);
      }
    }
  }
  return [...values];
}

/** The union under optional/default wrappers, unopened. */
function rawUnion(schema: unknown, depth = 0): unknown {
  const def = defOf(schema);
  if (!def || depth > 20) return undefined;
  if (def.type === 'union') return schema;
  if (def.innerType !== undefined) return rawUnion(def.innerType, depth + 1);
  if (def.type === 'lazy' && def.getter) return rawUnion(def.getter(), depth + 1);
  return undefined;
}

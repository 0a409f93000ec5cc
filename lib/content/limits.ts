/**
 * Limits on training content files (tours, rules, help articles, quizzes, checklists), checked by
 * the build-time loaders so a broken or hostile file fails the build with its name instead of
 * hanging it, exhausting memory or shipping something that stalls a learner's page (issue 10).
 * Documented for trainers in tours/README.md ("Limits"); keep the two in step.
 */
export const CONTENT_LIMITS = {
  /** Bytes per content file. The largest real file is ~20 kB. */
  fileBytes: 1_000_000,
  /**
   * YAML aliases (`*name`) resolved per file. Hand-written content uses none; a "billion laughs"
   * file uses them to expand a few lines into gigabytes.
   */
  yamlAliases: 100,
  /** Nesting depth of maps and lists in a file (real content: under 10). */
  depth: 32,
  /** Steps per tour (the longest real tour has 17). */
  stepsPerTour: 100,
  /** Items per list anywhere in a file (tips, questions, options, checklist entries…). */
  itemsPerList: 500,
  /** Characters per text field (a step body, an article, a tip). */
  textChars: 20_000,
  /** Characters per input-validation pattern (`advance.pattern`). */
  patternChars: 300,
  /**
   * Characters of a learner's value tested against a pattern at run time; a longer value is
   * judged not to match without running the pattern (keeps even polynomial patterns cheap).
   */
  patternInputChars: 2_000,
} as const;

/** A limit that was exceeded, said plainly: what, how much, how much is allowed. */
export function overLimit(what: string, actual: number, allowed: number, unit: string): string {
  return `${what} is ${actual.toLocaleString('en')} ${unit}, more than the ${allowed.toLocaleString('en')} allowed`;
}

export interface LimitProblem {
  /** Path inside the file's data, e.g. `['steps', 3, 'body']`. */
  path: (string | number)[];
  message: string;
}

/**
 * Walks parsed content (plain JSON-like data) and reports lists longer than
 * {@link CONTENT_LIMITS.itemsPerList} (`steps` of a tour: `stepsPerTour`), strings longer than
 * `textChars` and nesting deeper than `depth`. Stops at the first problem of each kind per
 * branch, so a 20,000-step file gives one message, not 20,000.
 */
export function checkContentLimits(
  value: unknown,
  options: { listLimits?: Readonly<Record<string, number>> } = {},
): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (problems.length >= 20) return;
    if (typeof node === 'string') {
      if (node.length > CONTENT_LIMITS.textChars) {
        problems.push({
          path,
          message: overLimit('text', node.length, CONTENT_LIMITS.textChars, 'characters'),
        });
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (path.length >= CONTENT_LIMITS.depth) {
      problems.push({
        path,
        message: `nested more than ${CONTENT_LIMITS.depth} levels deep`,
      });
      return;
    }
    if (Array.isArray(node)) {
      const key = path[path.length - 1];
      const allowed =
        (typeof key === 'string' ? options.listLimits?.[key] : undefined) ??
        CONTENT_LIMITS.itemsPerList;
      if (node.length > allowed) {
        problems.push({
          path,
          message: overLimit('the list', node.length, allowed, 'items'),
        });
        return;
      }
      node.forEach((item: unknown, index) => visit(item, [...path, index]));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (key.length > CONTENT_LIMITS.textChars) {
        problems.push({
          path,
          message: overLimit('a key', key.length, CONTENT_LIMITS.textChars, 'characters'),
        });
        return;
      }
      visit(item, [...path, key]);
    }
  };
  visit(value, []);
  return problems;
}

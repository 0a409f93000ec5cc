/**
 * A pack's content checked with the build's own schemas and rules (features/tour/schema.ts,
 * features/help/schema.ts, features/rules/schema.ts, features/quiz/schema.ts,
 * features/checklist/schema.ts), limits (lib/content/limits.ts) and wording
 * (lib/content/explain.ts: bilingual, "did you mean"), in the browser: the Node loaders
 * (features/*\/load.ts) read folders, which a pack has not. `npm run pack:sign` runs the Node
 * loaders on the folder first, so what is signed passed the build's checks; this is the
 * extension's own check of what it received. Every error names its path inside the pack:
 * `tours[2].steps[4].target: …`.
 */
import { checkContentLimits, CONTENT_LIMITS } from '../../lib/content/limits';
import { bilingual, explainIssues, formatIssuePath } from '../../lib/content/explain';
import { buildChecklists, type Checklists } from '../checklist/schema';
import { HelpArticleSchema, type HelpArticle } from '../help/schema';
import { QuizFileSchema, type QuizFile } from '../quiz/schema';
import { RulesFileSchema, type RulesFile } from '../rules/schema';
import { validateRenames } from '../tour/renames';
import { TourSchema, type Tour } from '../tour/schema';
import { PackPayloadShape } from './format';

export interface PackError {
  /** Path inside the pack file, e.g. `tours[2].steps[4].target`. */
  path: string;
  message: string;
}

/** What a pack brings, validated. */
export interface PackContent {
  id: string;
  version: number;
  createdAt?: string;
  tours: Tour[];
  help: HelpArticle[];
  rules: RulesFile[];
  quizzes: QuizFile[];
  checklists: Checklists | null;
  retire: string[];
  renames: Record<string, string>;
}

export interface ValidateOptions {
  /** The bundled tours: links and checklists may name them. */
  bundledTours: readonly Tour[];
  /** Known input validator ids (lib/validators). */
  validatorIds?: readonly string[];
  /**
   * The rules in force before this pack (the bundled set): a pack's tips may name their markers
   * and its tour steps their field guards. With it, a tip naming a marker, or a step naming a
   * guard, that neither the pack nor these rules define is refused, as the build refuses it.
   */
  rulesInForce?: { markers: readonly { id: string }[]; guards: readonly { id: string }[] };
}

interface ItemSchema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

function checkItem<T>(
  schema: ItemSchema<T>,
  data: unknown,
  at: (string | number)[],
  errors: PackError[],
  listLimits?: Record<string, number>,
): T | undefined {
  const limits = checkContentLimits(data, listLimits ? { listLimits } : {});
  if (limits.length > 0) {
    for (const problem of limits) {
      errors.push({ path: formatIssuePath([...at, ...problem.path]), message: problem.message });
    }
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of explainIssues(parsed.error.issues, { schema, data })) {
    errors.push({ path: formatIssuePath([...at, ...issue.path]), message: issue.message });
  }
  return undefined;
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as Record<string, unknown>).id;
  return typeof id === 'string' ? id : undefined;
}

/** Every error of the payload (empty: valid), and the content when valid. */
export function validatePackPayload(
  payload: unknown,
  options: ValidateOptions,
): { content: PackContent; errors: [] } | { content: null; errors: PackError[] } {
  const errors: PackError[] = [];
  const shape = PackPayloadShape.safeParse(payload);
  if (!shape.success) {
    for (const issue of explainIssues(shape.error.issues, {
      schema: PackPayloadShape,
      data: payload,
    })) {
      errors.push({ path: formatIssuePath([...issue.path]), message: issue.message });
    }
    return { content: null, errors };
  }
  const raw = shape.data;
  const unique = (kind: string, items: readonly unknown[], key: string) => {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const id = idOf(item);
      if (id === undefined) return;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, index);
      else
        errors.push({
          path: `${key}[${index}].id`,
          message: bilingual(
            `${kind} id "${id}" 重复（${key}[${seen}] 也用了它）`,
            `duplicate ${kind} id "${id}" (also ${key}[${seen}])`,
          ),
        });
    });
  };
  unique('tour', raw.tours, 'tours');
  unique('article', raw.help, 'help');
  unique('quiz', raw.quizzes, 'quizzes');

  const tours: Tour[] = [];
  raw.tours.forEach((item, index) => {
    const at = ['tours', index];
    const tour = checkItem(TourSchema, item, at, errors, { steps: CONTENT_LIMITS.stepsPerTour });
    if (!tour) return;
    if (options.validatorIds) {
      tour.steps.forEach((step, stepIndex) => {
        const advance = step.advance as { on: string; validator?: string };
        if (advance.on !== 'input' || advance.validator === undefined) return;
        if (options.validatorIds?.includes(advance.validator.trim())) return;
        errors.push({
          path: formatIssuePath([...at, 'steps', stepIndex, 'advance', 'validator']),
          message: bilingual(
            `没有名为 "${advance.validator}" 的校验器（可用：${options.validatorIds?.join(', ')}）`,
            `unknown validator "${advance.validator}"`,
          ),
        });
      });
    }
    tours.push(tour);
  });

  // Renames: the build's own rules, against the pack's tours.
  const tourIds = tours.map((tour) => tour.id);
  if (Object.keys(raw.renames).length > 500) {
    errors.push({ path: 'renames', message: bilingual('改名条目过多', 'too many renames') });
  }
  for (const problem of validateRenames(raw.renames, tourIds)) {
    errors.push({ path: formatIssuePath(['renames', problem.oldId]), message: problem.message });
  }
  raw.retire.forEach((id, index) => {
    if (tourIds.includes(id)) {
      errors.push({
        path: `retire[${index}]`,
        message: bilingual(
          `引导 "${id}" 既在本包中又被停用`,
          `tour "${id}" is both in this pack and retired by it`,
        ),
      });
    }
  });

  const retired = new Set([...raw.retire, ...Object.keys(raw.renames)]);
  const allTourIds = new Set(
    [...options.bundledTours.map((tour) => tour.id), ...tourIds].filter(
      (id) => !retired.has(id) || tourIds.includes(id),
    ),
  );

  const help: HelpArticle[] = [];
  raw.help.forEach((item, index) => {
    const at = ['help', index];
    const article = checkItem(HelpArticleSchema, item, at, errors);
    if (!article) return;
    article.tours.forEach((tourId, tourIndex) => {
      if (!allTourIds.has(tourId)) {
        errors.push({
          path: formatIssuePath([...at, 'tours', tourIndex]),
          message: bilingual(`没有 id 为 "${tourId}" 的引导`, `unknown tour "${tourId}"`),
        });
      }
    });
    help.push(article);
  });

  const rules: RulesFile[] = [];
  raw.rules.forEach((item, index) => {
    const file = checkItem(RulesFileSchema, item, ['rules', index], errors);
    if (file) rules.push(file);
  });

  if (options.rulesInForce) {
    const markers = new Set([
      ...options.rulesInForce.markers.map((marker) => marker.id),
      ...rules.flatMap((file) => (file.markers ?? []).map((marker) => marker.id)),
    ]);
    const guards = new Set([
      ...options.rulesInForce.guards.map((guard) => guard.id),
      ...rules.flatMap((file) => (file.guards ?? []).map((guard) => guard.id)),
    ]);
    const unknown = (kind: '标记' | '字段提示', en: string, id: string, known: Set<string>) =>
      bilingual(
        `没有 id 为 "${id}" 的${kind}（可用：${[...known].join('、') || '无'}）`,
        `unknown ${en} "${id}" (known: ${[...known].join(', ') || 'none'})`,
      );
    rules.forEach((file, fileIndex) => {
      (file.tips ?? []).forEach((tip, tipIndex) => {
        const at = ['rules', fileIndex, 'tips', tipIndex];
        const marker = tip.where?.marker;
        if (marker !== undefined && !markers.has(marker)) {
          errors.push({
            path: formatIssuePath([...at, 'where', 'marker']),
            message: unknown('标记', 'marker', marker, markers),
          });
        }
        const since = tip.due?.since;
        if (since !== undefined && !markers.has(since)) {
          errors.push({
            path: formatIssuePath([...at, 'due', 'since']),
            message: unknown('标记', 'marker', since, markers),
          });
        }
      });
    });
    tours.forEach((tour, tourIndex) => {
      tour.steps.forEach((step, stepIndex) => {
        if (step.guard !== undefined && !guards.has(step.guard)) {
          errors.push({
            path: formatIssuePath(['tours', tourIndex, 'steps', stepIndex, 'guard']),
            message: unknown('字段提示', 'guard', step.guard, guards),
          });
        }
      });
    });
  }

  const quizzes: QuizFile[] = [];
  raw.quizzes.forEach((item, index) => {
    const quiz = checkItem(QuizFileSchema, item, ['quizzes', index], errors);
    if (quiz) quizzes.push(quiz);
  });

  let checklists: Checklists | null = null;
  if (raw.checklists !== undefined && raw.checklists !== null) {
    const limits = checkContentLimits(raw.checklists);
    if (limits.length > 0) {
      for (const problem of limits) {
        errors.push({
          path: formatIssuePath(['checklists', ...problem.path]),
          message: problem.message,
        });
      }
    } else {
      const known = new Map(options.bundledTours.map((tour) => [tour.id, tour]));
      for (const tour of tours) known.set(tour.id, tour);
      const built = buildChecklists(raw.checklists, [...known.values()]);
      if (built.checklists) checklists = built.checklists;
      else {
        for (const problem of built.errors) {
          const path = ['checklists', ...problem.path].join('.');
          errors.push({ path, message: problem.message });
        }
      }
    }
  }

  if (errors.length > 0) return { content: null, errors };
  return {
    content: {
      id: raw.id,
      version: raw.version,
      ...(raw.createdAt !== undefined ? { createdAt: raw.createdAt } : {}),
      tours,
      help,
      rules,
      quizzes,
      checklists,
      retire: raw.retire,
      renames: raw.renames,
    },
    errors: [],
  };
}

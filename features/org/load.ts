/**
 * Reads what the evaluation needs from the LRS and evaluates it: one query per verb the evaluation
 * reads (step statements — most of the volume — are not fetched), two at a time.
 */
import type { Tour } from '../tour/schema';
import { EVALUATION_VERBS, evaluate, type Catalog, type Evaluation } from './evaluate';
import { readStatements, type ReaderOptions } from './reader';

export interface LoadOptions extends Omit<ReaderOptions, 'onPage'> {
  since?: number;
  until?: number;
  /** Page size asked of the LRS; default 2 000 (fewer round trips; the LRS may send fewer). */
  limit?: number;
  /** Statements read so far, all queries together. */
  onProgress?: (read: number) => void;
}

export interface LoadResult {
  evaluation: Evaluation;
  /** Statements read from the LRS. */
  read: number;
  fetchMs: number;
  computeMs: number;
}

export async function loadEvaluation(options: LoadOptions, catalog: Catalog): Promise<LoadResult> {
  const started = performance.now();
  const perVerb = new Map<string, number>();
  const pages: unknown[][] = [];
  const queue = [...EVALUATION_VERBS];
  const worker = async () => {
    for (let verb = queue.shift(); verb !== undefined; verb = queue.shift()) {
      const current = verb;
      pages.push(
        await readStatements(
          {
            ...options,
            onPage: (read) => {
              perVerb.set(current, read);
              let total = 0;
              for (const count of perVerb.values()) total += count;
              options.onProgress?.(total);
            },
          },
          {
            verb: current,
            ...(options.since === undefined ? {} : { since: options.since }),
            ...(options.until === undefined ? {} : { until: options.until }),
            limit: options.limit ?? 2_000,
          },
        ),
      );
    }
  };
  await Promise.all([worker(), worker()]);
  const fetched = performance.now();
  const statements = pages.flat();
  const evaluation = evaluate(statements, catalog);
  return {
    evaluation,
    read: statements.length,
    fetchMs: fetched - started,
    computeMs: performance.now() - fetched,
  };
}

/** The catalog of this build: tours and quizzes with their module, and the role checklists. */
export function catalogOf(input: {
  activityBase: string;
  tours: readonly Pick<Tour, 'id' | 'title' | 'module'>[];
  quizzes: readonly { id: string; title: string; module: string }[];
  checklists: Readonly<Record<string, readonly { tourId: string }[] | readonly string[]>>;
}): Catalog {
  return {
    activityBase: input.activityBase,
    tours: input.tours.map(({ id, title, module }) => ({ id, title, module })),
    quizzes: input.quizzes.map(({ id, title, module }) => ({ id, title, module })),
    checklists: Object.fromEntries(
      Object.entries(input.checklists).map(([role, items]) => [
        role,
        items.map((item) => (typeof item === 'string' ? item : item.tourId)),
      ]),
    ),
  };
}

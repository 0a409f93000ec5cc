/**
 * Reads what the evaluation needs from the LRS and evaluates it: one query per verb the evaluation
 * reads (step statements — most of the volume — are not fetched), `concurrency` at a time (the
 * LRS answers one query's page while this page parses the other's). Each query pages by `stored`
 * time (reader.ts), so no page is asked twice and no statement comes twice.
 */
import type { Tour } from '../tour/schema';
import { EVALUATION_VERBS, evaluate, type Catalog, type Evaluation } from './evaluate';
import { readStatements, type ReaderOptions } from './reader';

export interface LoadOptions extends Omit<ReaderOptions, 'onPage'> {
  since?: number;
  until?: number;
  /** Page size asked of the LRS; default 5 000 (fewer pages: a page costs the LRS a scan; it may send fewer). */
  limit?: number;
  /** Queries in flight at once; default 2. */
  concurrency?: number;
  /** Statements read so far, all queries together. */
  onProgress?: (read: number) => void;
}

export interface LoadResult {
  evaluation: Evaluation;
  /** Statements read from the LRS. */
  read: number;
  /** Distinct statement ids among them (equal to `read` unless the LRS sent one twice). */
  distinct: number;
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
            limit: options.limit ?? 5_000,
          },
        ),
      );
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, EVALUATION_VERBS.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  const fetched = performance.now();
  const statements = pages.flat();
  const ids = new Set<unknown>();
  for (const statement of statements)
    ids.add(
      typeof statement === 'object' && statement !== null
        ? (statement as { id?: unknown }).id
        : statement,
    );
  const evaluation = evaluate(statements, catalog);
  return {
    evaluation,
    read: statements.length,
    distinct: ids.size,
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

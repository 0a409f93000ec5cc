/**
 * Organisation evaluation benchmark (issue 15): a real local LRS (Learning Locker's
 * `xapi-statements`, in memory, tests/support/lrs.ts) is loaded with 200, then 1,000, then 2,000
 * learners × 60 statements built by the project's statement builders (bench/org/generate.ts), and
 * at each size the 培训管理 page's work is measured as it runs in the page: read the statements it
 * needs through the xAPI statements API (features/org/reader.ts: one query per verb, `more`
 * paging) and compute the evaluation (features/org/evaluate.ts). Time = median of `--runs`
 * (default 3); memory = JS heap retained by one result (after GC) and the heap peak during a run.
 * Goal: ≤ 10 s for 2,000 learners, linear growth.
 *
 * Also measured at each size: the time of one page (the first `--limit` `answered` statements) — the
 * test LRS filters and sorts its whole store for every page, so this grows with the store.
 *
 * Run: `npm run bench:org` (options: `--sizes 200,1000,2000`, `--runs 3`, `--per 60`,
 * `--concurrency 2`, `--limit 5000`).
 */
import os from 'node:os';
import { resolve } from 'node:path';
import { loadProjectChecklists } from '../../features/checklist/build-plugin';
import { loadProjectQuizzes } from '../../features/quiz/build-plugin';
import { contentDirs } from '../../lib/content/collection';
import { loadTours } from '../../features/tour/load';
import { catalogOf, loadEvaluation } from '../../features/org/load';
import { EVALUATION_VERBS } from '../../features/org/evaluate';
import { queryUrl } from '../../features/org/reader';
import { DEFAULT_ACTIVITY_BASE } from '../../features/xapi/vocabulary';
import { LOCAL_LRS_AUTH, freePort, startLocalLrs } from '../../tests/support/lrs';
import { generateLearners } from './generate';

const ROOT = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const SIZES = (option('sizes') ?? '200,1000,2000').split(',').map(Number);
const RUNS = Number(option('runs') ?? 3);
const PER = Number(option('per') ?? 60);
const CONCURRENCY = Number(option('concurrency') ?? 2);
const LIMIT = Number(option('limit') ?? 5_000);
const GOAL_MS = 10_000;

const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main() {
  const dirs = contentDirs(ROOT);
  const { tours } = loadTours(dirs, { cwd: ROOT });
  const { quizzes } = loadProjectQuizzes(ROOT, dirs);
  const { checklists } = loadProjectChecklists(ROOT);
  if (!checklists) throw new Error('tours/checklists.yaml did not load');
  const catalog = catalogOf({ activityBase: DEFAULT_ACTIVITY_BASE, tours, quizzes, checklists });
  const maxSize = Math.max(...SIZES);
  const learners = generateLearners(maxSize, catalog, { perLearner: PER });

  const lrs = await startLocalLrs(await freePort(), 60_000);
  // Statements have fixed ids: a POST repeated after a dropped connection stores nothing twice.
  const post = async (statements: unknown[]): Promise<void> => {
    try {
      await postOnce(statements);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await postOnce(statements);
    }
  };
  const postOnce = async (statements: unknown[]) => {
    const response = await fetch(`${lrs.endpoint}statements`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
        Authorization: `Basic ${Buffer.from(`${LOCAL_LRS_AUTH.key}:${LOCAL_LRS_AUTH.secret}`).toString('base64')}`,
      },
      body: JSON.stringify(statements),
    });
    if (!response.ok) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  };

  const rows: string[] = [];
  let loaded = 0;
  let expected = 0;
  const needed = new Set(EVALUATION_VERBS);
  const authorization = `Basic ${Buffer.from(`${LOCAL_LRS_AUTH.key}:${LOCAL_LRS_AUTH.secret}`).toString('base64')}`;
  /** Median time of one page: the first `LIMIT` answered statements. */
  const pageMs = async (): Promise<number> => {
    const url = queryUrl(lrs.endpoint, {
      verb: 'http://adlnet.gov/expapi/verbs/answered',
      limit: LIMIT,
    });
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const response = await fetch(url, {
        headers: { 'X-Experience-API-Version': '1.0.3', Authorization: authorization },
      });
      await response.json();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[2] ?? NaN;
  };
  try {
    for (const size of SIZES) {
      const loadStart = performance.now();
      const batch: unknown[] = [];
      for (; loaded < size; loaded += 1) {
        const own = learners[loaded]?.statements ?? [];
        expected += own.filter((statement) => needed.has(statement.verb.id)).length;
        batch.push(...own);
        if (batch.length >= 1_000) await post(batch.splice(0));
      }
      if (batch.length > 0) await post(batch.splice(0));
      const loadMs = performance.now() - loadStart;

      const page = await pageMs();
      const times: {
        total: number;
        fetch: number;
        compute: number;
        read: number;
        distinct: number;
      }[] = [];
      let peak = 0;
      let retained = 0;
      for (let run = 0; run < RUNS; run += 1) {
        gc?.();
        const before = process.memoryUsage().heapUsed;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        }, 20);
        const started = performance.now();
        const result = await loadEvaluation(
          {
            endpoint: lrs.endpoint,
            auth: LOCAL_LRS_AUTH,
            timeoutMs: 60_000,
            concurrency: CONCURRENCY,
            limit: LIMIT,
          },
          catalog,
        ).finally(() => clearInterval(sampler));
        const total = performance.now() - started;
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        times.push({
          total,
          fetch: result.fetchMs,
          compute: result.computeMs,
          read: result.read,
          distinct: result.distinct,
        });
        if (result.read !== expected || result.distinct !== expected)
          throw new Error(
            `expected ${expected} statements once each, read ${result.read} (${result.distinct} distinct)`,
          );
        gc?.();
        retained = process.memoryUsage().heapUsed - before;
        if (result.evaluation.learners !== size)
          throw new Error(`expected ${size} learners, evaluated ${result.evaluation.learners}`);
        void result;
      }
      times.sort((a, b) => a.total - b.total);
      const median = times[Math.floor(times.length / 2)];
      if (!median) continue;
      rows.push(
        [
          String(size).padStart(8),
          String(size * PER).padStart(10),
          String(expected).padStart(8),
          String(median.read).padStart(8),
          String(median.distinct).padStart(8),
          page.toFixed(0).padStart(7),
          median.fetch.toFixed(0).padStart(9),
          median.compute.toFixed(0).padStart(10),
          median.total.toFixed(0).padStart(9),
          (median.total / size).toFixed(2).padStart(8),
          mib(peak).padStart(9),
          mib(Math.max(0, retained)).padStart(12),
          (median.total <= GOAL_MS ? 'yes' : 'NO').padStart(6),
          (loadMs / 1000).toFixed(1).padStart(9),
        ].join(' |'),
      );
    }
  } finally {
    await lrs.stop();
  }

  console.log(
    `Organisation evaluation — ${new Date().toISOString()} — ${os.cpus().length} cores, ` +
      `load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}, Node ${process.version}` +
      `${gc ? '' : ' (no --expose-gc: memory figures include garbage)'}`,
  );
  console.log(
    `median of ${RUNS} runs, ${CONCURRENCY} queries at a time, pages of ${LIMIT}; needed = statements ` +
      `with a verb the evaluation reads; read / distinct = statements fetched / distinct ids; ` +
      `page ms = one page of ${LIMIT} answered statements\n`,
  );
  console.log(
    ' learners | statements |  needed |    read | distinct | page ms | fetch ms | compute ms | total ms | ms/learner | heap peak MiB | retained MiB | ≤10 s | LRS load s',
  );
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Help search benchmark: Zhiyin's index (its own BM25+ inverted index, lib/search/engine.ts, with
 * Chinese bigram/word and pinyin analysis) vs Fuse.js on the same corpus, in the same process;
 * MiniSearch is only fed the same terms to time its indexing (the engine choice). Run with
 * `npm run bench:search` (tsx, not vitest bench).
 *
 * Corpus: the 60 hand-written articles (articles.ts) + generated distractors (corpus.ts,
 * deterministic seed). Quality: recall@5 and MRR@10 on the labelled queries (queries.ts).
 * Latency: every labelled query, 1 warm-up pass + ROUNDS measured passes.
 *
 * Options: `--docs N` (generated articles, default 2000), `--rounds N` (default 5).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { pinyin } from 'pinyin-pro';
import type { HelpDoc } from '../../features/help/search-index';
import {
  analyzeHelpDoc,
  createHelpIndex,
  HELP_FIELDS,
  loadHelpIndex,
} from '../../features/help/search-index';
import { REAL_ARTICLES } from './articles';
import { generateCorpus } from './corpus';
import type { LabelledQuery } from './queries';
import { LABELLED_QUERIES } from './queries';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const GENERATED = arg('docs', 2000);
const ROUNDS = arg('rounds', 5);
const K = 5;
const MRR_DEPTH = 10;

interface Engine {
  name: string;
  /** First build in this process (cold caches and JIT): wall and CPU ms. */
  buildMs: number;
  buildCpuMs: number;
  /** Median of 3 rebuilds in the same process: wall and CPU ms. */
  rebuildMs: number;
  rebuildCpuMs: number;
  search(query: string): string[];
}

function rebuild(build: () => unknown): { ms: number; cpuMs: number } {
  const runs = [0, 1, 2].map(() => time(build));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

/**
 * The engine-choice measurement: MiniSearch given exactly the terms Zhiyin's analysis produces
 * (so only the index data structure differs). Build and load time only; its ranking is BM25+ like
 * ours.
 */
function measureMiniSearch(docs: HelpDoc[]): {
  buildMs: number;
  buildCpuMs: number;
  loadMs: number;
} {
  const analysed = docs.map((doc) => ({ id: doc.id, fields: analyzeHelpDoc(doc) }));
  const fields = [...HELP_FIELDS];
  const options = {
    fields,
    // Terms are precomputed; hand them through as the "text" of each field.
    extractField: (doc: { id: string; fields: string[][] }, field: string) =>
      (field === 'id'
        ? doc.id
        : (doc.fields[fields.indexOf(field as (typeof fields)[number])] ??
          [])) as unknown as string,
    tokenize: (terms: string) => terms as unknown as string[],
    processTerm: (term: string) => term,
  };
  const built = time(() => {
    const ms = new MiniSearch<{ id: string; fields: string[][] }>(options);
    ms.addAll(analysed);
    return ms;
  });
  const json = JSON.stringify(built.value);
  const loaded = time(() => MiniSearch.loadJSON(json, options));
  return { buildMs: built.ms, buildCpuMs: built.cpuMs, loadMs: loaded.ms };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

/**
 * Wall time and process CPU time of `fn`. CPU time is reported too because this machine's two
 * cores are shared: under load, wall time measures the queue as much as the code.
 */
function time<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function buildZhiyin(docs: HelpDoc[]): Engine & { jsonBytes: number; loadMs: number } {
  const { value: index, ms, cpuMs } = time(() => createHelpIndex(docs));
  const again = rebuild(() => createHelpIndex(docs));
  const json = JSON.stringify(index.toJSON());
  const loaded = time(() => loadHelpIndex(json));
  return {
    name: 'Zhiyin (倒排索引 + 二元组/分词/拼音)',
    buildMs: ms,
    buildCpuMs: cpuMs,
    rebuildMs: again.ms,
    rebuildCpuMs: again.cpuMs,
    jsonBytes: Buffer.byteLength(json),
    loadMs: loaded.ms,
    search: (query) => loaded.value.search(query, { limit: MRR_DEPTH }).map((hit) => hit.id),
  };
}

interface FuseDoc {
  id: string;
  title: string;
  keywords: string;
  body: string;
  pinyin: string;
  initials: string;
}

/**
 * Fuse.js as a team would typically set it up for Chinese help: fuzzy match over title, keywords
 * and body, plus precomputed full pinyin and initials of title + keywords (so it gets the same
 * pinyin information as Zhiyin; computing it counts towards its build time).
 */
function buildFuse(docs: HelpDoc[]): Engine {
  const make = () => {
    const records: FuseDoc[] = docs.map((doc) => {
      const head = `${doc.title} ${(doc.keywords ?? []).join(' ')}`;
      const syllables = pinyin(head, { toneType: 'none', type: 'array', nonZh: 'removed' });
      return {
        id: doc.id,
        title: doc.title,
        keywords: (doc.keywords ?? []).join(' '),
        body: doc.body,
        pinyin: syllables.join(''),
        initials: syllables.map((s) => s.charAt(0)).join(''),
      };
    });
    return new Fuse(records, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'keywords', weight: 2.5 },
        { name: 'body', weight: 1 },
        { name: 'pinyin', weight: 2 },
        { name: 'initials', weight: 1.2 },
      ],
      threshold: 0.4,
      ignoreLocation: true,
      includeScore: true,
    });
  };
  const { value: fuse, ms, cpuMs } = time(make);
  const again = rebuild(make);
  return {
    name: 'Fuse.js 7 (+ 拼音字段)',
    buildMs: ms,
    buildCpuMs: cpuMs,
    rebuildMs: again.ms,
    rebuildCpuMs: again.cpuMs,
    search: (query) => fuse.search(query, { limit: MRR_DEPTH }).map((result) => result.item.id),
  };
}

interface Quality {
  recall: number;
  mrr: number;
  byKind: Map<string, { recall: number; n: number }>;
  misses: string[];
}

function evaluate(engine: Engine, queries: LabelledQuery[]): Quality {
  let recallSum = 0;
  let mrrSum = 0;
  const byKind = new Map<string, { recall: number; n: number }>();
  const misses: string[] = [];
  for (const q of queries) {
    const ranked = engine.search(q.query);
    const topK = ranked.slice(0, K);
    const found = q.expected.filter((id) => topK.includes(id)).length;
    const recall = found / q.expected.length;
    const firstRank = ranked.findIndex((id) => q.expected.includes(id));
    recallSum += recall;
    mrrSum += firstRank >= 0 ? 1 / (firstRank + 1) : 0;
    const kind = byKind.get(q.kind) ?? { recall: 0, n: 0 };
    kind.recall += recall;
    kind.n += 1;
    byKind.set(q.kind, kind);
    if (recall < 1) misses.push(`${q.query} → [${topK.join(', ')}]`);
  }
  return { recall: recallSum / queries.length, mrr: mrrSum / queries.length, byKind, misses };
}

function latency(
  engine: Engine,
  queries: LabelledQuery[],
): { median: number; p95: number; cpuMean: number; cpuP95: number; slowest: string[] } {
  for (const q of queries) engine.search(q.query);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  let cpuTotal = 0;
  const worst = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const { ms, cpuMs } = time(() => engine.search(q.query));
      samples.push(ms);
      cpuSamples.push(cpuMs);
      cpuTotal += cpuMs;
      worst.set(q.query, Math.max(worst.get(q.query) ?? 0, ms));
    }
  }
  samples.sort((a, b) => a - b);
  const slowest = [...worst]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([query, ms]) => `${query} ${ms.toFixed(2)} ms`);
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    cpuMean: cpuTotal / samples.length,
    cpuP95: percentile(
      cpuSamples.sort((a, b) => a - b),
      95,
    ),
    slowest,
  };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function main(): void {
  const corpus = [...generateCorpus(GENERATED), ...REAL_ARTICLES];
  const known = new Set(corpus.map((d) => d.id));
  for (const q of LABELLED_QUERIES) {
    for (const id of q.expected)
      if (!known.has(id)) throw new Error(`Query "${q.query}" expects unknown id ${id}`);
  }

  // Zhiyin first: its build is cold (Intl.Segmenter and pinyin dictionaries load on first use),
  // which is the honest figure for a first build in a fresh extension context.
  const zhiyin = buildZhiyin(corpus);
  const fuse = buildFuse(corpus);
  const minisearch = measureMiniSearch(corpus);

  const rows = [zhiyin, fuse].map((engine) => ({
    engine,
    quality: evaluate(engine, LABELLED_QUERIES),
    speed: latency(engine, LABELLED_QUERIES),
  }));

  console.log(
    `Help search benchmark — ${corpus.length} docs (${GENERATED} generated + ${REAL_ARTICLES.length} hand-written), ` +
      `${LABELLED_QUERIES.length} labelled queries, ${ROUNDS} timed rounds`,
  );
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min)`,
  );
  console.log('');
  console.log(
    '| engine | build ms (CPU) | rebuild ms (CPU) | query median ms | query p95 ms | query CPU mean / p95 ms | recall@5 | MRR@10 |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { engine, quality, speed } of rows) {
    console.log(
      `| ${engine.name} | ${fmt(engine.buildMs, 0)} (${fmt(engine.buildCpuMs, 0)}) | ${fmt(engine.rebuildMs, 0)} (${fmt(engine.rebuildCpuMs, 0)}) | ${fmt(speed.median)} | ${fmt(speed.p95)} | ${fmt(speed.cpuMean)} / ${fmt(speed.cpuP95)} | ${fmt(quality.recall, 3)} | ${fmt(quality.mrr, 3)} |`,
    );
  }
  console.log('');
  console.log(
    `Zhiyin serialised index: ${(zhiyin.jsonBytes / 1024 / 1024).toFixed(2)} MB JSON, loadHelpIndex ${fmt(zhiyin.loadMs, 0)} ms`,
  );
  console.log(
    `MiniSearch 7 fed the same precomputed terms (engine choice): indexing alone ${fmt(minisearch.buildMs, 0)} ms (CPU ${fmt(minisearch.buildCpuMs, 0)}), loadJSON ${fmt(minisearch.loadMs, 0)} ms`,
  );
  for (const { engine, speed } of rows)
    console.log(`Slowest queries, ${engine.name}: ${speed.slowest.join('; ')}`);
  console.log('');
  const kinds = [...(rows[0]?.quality.byKind.keys() ?? [])];
  console.log(
    `| recall@5 by query kind | ${kinds.map((k) => `${k} (${rows[0]?.quality.byKind.get(k)?.n ?? 0})`).join(' | ')} |`,
  );
  console.log(`| --- | ${kinds.map(() => '---:').join(' | ')} |`);
  for (const { engine, quality } of rows) {
    const cells = kinds.map((k) => {
      const v = quality.byKind.get(k);
      return v ? fmt(v.recall / v.n, 2) : '-';
    });
    console.log(`| ${engine.name} | ${cells.join(' | ')} |`);
  }
  for (const { engine, quality } of rows) {
    console.log('');
    console.log(`${engine.name}: ${quality.misses.length} queries below full recall@5`);
    for (const miss of quality.misses) console.log(`  ${miss}`);
  }
}

main();

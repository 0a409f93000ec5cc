/**
 * `npm run privacy:score`: scores lib/privacy/personal-data.ts against the personal-data corpus
 * (tests/fixtures/privacy/corpus.yaml). Prints caught/total per kind, every damaged clean string
 * and a total; exits 1 when a kind the module claims (SCRUB_KINDS) catches less than 98% of its
 * values or when any clean string is changed. tests/unit/privacy/personal-data-corpus.test.ts
 * runs the same scoring in CI.
 *
 * A value is caught when the scrubbed text no longer contains it, nor any piece of it of 4 or more
 * characters between separators, nor (for values with Han characters, 6+ characters long) its
 * first or last 4 characters: a number or address scrubbed only in part is not caught.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { SCRUB_KINDS, scrubPersonalData } from '../lib/privacy/personal-data';

export const CORPUS_PATH = resolve(import.meta.dirname, '../tests/fixtures/privacy/corpus.yaml');

/** The share of values a claimed kind must catch. */
export const REQUIRED_RATE = 0.98;

export interface PersonalItem {
  text: string;
  /** Kind → the values (as written in `text`) that must disappear. */
  expect: Record<string, string[]>;
}

export interface CleanItem {
  text: string;
  why?: string;
}

export interface Corpus {
  personal: PersonalItem[];
  clean: CleanItem[];
}

function fail(message: string): never {
  throw new Error(`privacy corpus: ${message}`);
}

/** Reads and checks the corpus file (every value must occur in its text). */
export function loadCorpus(path = CORPUS_PATH): Corpus {
  const raw = parse(readFileSync(path, 'utf8')) as unknown;
  if (!raw || typeof raw !== 'object') fail('not a mapping');
  const { personal, clean } = raw as { personal?: unknown; clean?: unknown };
  if (!Array.isArray(personal) || !Array.isArray(clean)) fail('needs `personal` and `clean` lists');
  const items: PersonalItem[] = personal.map((entry: unknown, index) => {
    const { text, expect } = (entry ?? {}) as { text?: unknown; expect?: unknown };
    if (typeof text !== 'string') fail(`personal[${index}] has no text`);
    if (!expect || typeof expect !== 'object') fail(`personal[${index}] has no expect`);
    const values: Record<string, string[]> = {};
    for (const [kind, list] of Object.entries(expect)) {
      if (!Array.isArray(list) || list.length === 0) fail(`personal[${index}].${kind} is empty`);
      values[kind] = list.map((value: unknown) => {
        if (typeof value !== 'string' || !text.includes(value)) {
          fail(`personal[${index}]: ${JSON.stringify(value)} is not in its text`);
        }
        return value;
      });
    }
    return { text, expect: values };
  });
  const cleanItems: CleanItem[] = clean.map((entry: unknown, index) => {
    const { text, why } = (entry ?? {}) as { text?: unknown; why?: unknown };
    if (typeof text !== 'string') fail(`clean[${index}] has no text`);
    return typeof why === 'string' ? { text, why } : { text };
  });
  return { personal: items, clean: cleanItems };
}

const SEPARATORS = /[\s\-－·•・.．()（）:：/]+/;
const HAN = /\p{Script=Han}/u;

/** The strings that must all be gone for `value` to count as caught (see the module comment). */
export function leakProbes(value: string): string[] {
  const probes = new Set([value]);
  for (const piece of value.split(SEPARATORS)) if ([...piece].length >= 4) probes.add(piece);
  const chars = [...value];
  if (HAN.test(value) && chars.length >= 6) {
    probes.add(chars.slice(0, 4).join(''));
    probes.add(chars.slice(-4).join(''));
  }
  return [...probes];
}

export interface KindScore {
  kind: string;
  /** Whether personal-data.ts claims to detect this kind (it is in SCRUB_KINDS). */
  claimed: boolean;
  caught: number;
  total: number;
  /** Values left (partly) visible, with their text. */
  missed: { text: string; value: string; scrubbed: string }[];
}

export interface CorpusScore {
  kinds: KindScore[];
  cleanTotal: number;
  damaged: { text: string; scrubbed: string; why?: string }[];
  caught: number;
  total: number;
  /** Claimed kinds below {@link REQUIRED_RATE}. */
  failingKinds: string[];
  ok: boolean;
}

export function scoreCorpus(corpus: Corpus): CorpusScore {
  const byKind = new Map<string, KindScore>();
  const claimed = new Set<string>(SCRUB_KINDS);
  for (const kind of SCRUB_KINDS) {
    byKind.set(kind, { kind, claimed: true, caught: 0, total: 0, missed: [] });
  }
  for (const item of corpus.personal) {
    const scrubbed = scrubPersonalData(item.text).text;
    for (const [kind, values] of Object.entries(item.expect)) {
      let score = byKind.get(kind);
      if (!score) {
        score = { kind, claimed: claimed.has(kind), caught: 0, total: 0, missed: [] };
        byKind.set(kind, score);
      }
      for (const value of values) {
        score.total += 1;
        if (leakProbes(value).some((probe) => scrubbed.includes(probe))) {
          score.missed.push({ text: item.text, value, scrubbed });
        } else {
          score.caught += 1;
        }
      }
    }
  }
  const damaged = corpus.clean.flatMap((item) => {
    const scrubbed = scrubPersonalData(item.text).text;
    if (scrubbed === item.text) return [];
    return [item.why === undefined ? { text: item.text, scrubbed } : { ...item, scrubbed }];
  });
  const kinds = [...byKind.values()].filter((score) => score.total > 0 || score.claimed);
  const failingKinds = kinds
    .filter(
      (score) => score.claimed && (score.total === 0 || score.caught / score.total < REQUIRED_RATE),
    )
    .map((score) => score.kind);
  const caught = kinds.reduce((sum, score) => sum + score.caught, 0);
  const total = kinds.reduce((sum, score) => sum + score.total, 0);
  return {
    kinds,
    cleanTotal: corpus.clean.length,
    damaged,
    caught,
    total,
    failingKinds,
    ok: failingKinds.length === 0 && damaged.length === 0,
  };
}

function percent(caught: number, total: number): string {
  return total === 0 ? '—' : `${((100 * caught) / total).toFixed(1)}%`;
}

/** The report `npm run privacy:score` prints. */
export function formatScore(score: CorpusScore, options: { details?: boolean } = {}): string {
  const lines: string[] = [];
  const width = Math.max(12, ...score.kinds.map((entry) => entry.kind.length));
  lines.push(`${'kind'.padEnd(width)}  caught/total   rate    `);
  for (const entry of score.kinds) {
    const note = !entry.claimed
      ? '  (not claimed by personal-data.ts)'
      : entry.total === 0
        ? '  (no corpus values)'
        : entry.caught / entry.total < REQUIRED_RATE
          ? `  BELOW ${REQUIRED_RATE * 100}%`
          : '';
    lines.push(
      `${entry.kind.padEnd(width)}  ${`${entry.caught}/${entry.total}`.padStart(12)}  ${percent(entry.caught, entry.total).padStart(6)}${note}`,
    );
  }
  lines.push(
    `${'total'.padEnd(width)}  ${`${score.caught}/${score.total}`.padStart(12)}  ${percent(score.caught, score.total).padStart(6)}`,
  );
  lines.push('');
  lines.push(
    `clean strings damaged: ${score.damaged.length}/${score.cleanTotal}${score.damaged.length ? ':' : ''}`,
  );
  for (const item of score.damaged) {
    lines.push(`  - ${item.text}${item.why ? `  (${item.why})` : ''}`);
    lines.push(`    → ${item.scrubbed}`);
  }
  if (options.details !== false) {
    const missed = score.kinds.flatMap((entry) =>
      entry.missed.map((miss) => ({ ...miss, kind: entry.kind })),
    );
    if (missed.length) {
      lines.push('');
      lines.push(`missed values: ${missed.length}`);
      for (const miss of missed) {
        lines.push(`  - [${miss.kind}] ${miss.value}`);
        lines.push(`    in: ${miss.text}`);
        lines.push(`    → ${miss.scrubbed}`);
      }
    }
  }
  lines.push('');
  lines.push(
    score.ok
      ? `OK: every claimed kind ≥ ${REQUIRED_RATE * 100}%, no clean string damaged`
      : `FAIL: ${[
          ...score.failingKinds.map((kind) => `${kind} below ${REQUIRED_RATE * 100}%`),
          ...(score.damaged.length ? [`${score.damaged.length} clean string(s) damaged`] : []),
        ].join('; ')}`,
  );
  return lines.join('\n');
}

function main(): number {
  const score = scoreCorpus(loadCorpus());
  console.log(formatScore(score, { details: !process.argv.includes('--quiet') }));
  return score.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}

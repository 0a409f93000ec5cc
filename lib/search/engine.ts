/**
 * A compact inverted index with BM25+ scoring, prefix expansion and bounded fuzzy matching.
 *
 * Why not MiniSearch: fed exactly the terms our Chinese analysis produces (every character bigram
 * of every body, pinyin n-grams of titles), MiniSearch 7 needed 4–6× longer just to index them
 * than this whole build takes including the analysis (over a second for 2,060 articles), which
 * missed the 300 ms build budget; the help-search benchmark (bench/README.md) measures both.
 * Scoring follows MiniSearch's BM25+ (k1 1.2, b 0.7, δ 0.5) and its prefix/fuzzy weights.
 *
 * Terms are opaque strings here; analysis (bigrams, pinyin, …) happens in text.ts.
 */
import { boundedOsaDistance } from './distance';

export interface EngineDocTerms {
  /** Terms per field, in field order (length = number of fields); repeats count as frequency. */
  fields: string[][];
}

export interface TermQuery {
  term: string;
  /** Field indexes to search. */
  fields: readonly number[];
  /** Also match indexed terms that start with `term`. */
  prefix: boolean;
  /** Maximum edit distance (optimal string alignment, so a swap of two letters costs 1); 0 = exact. */
  fuzzy: number;
  /** Multiplies this term's contribution (synonyms < 1). */
  boost: number;
}

export interface EngineMatch {
  doc: number;
  score: number;
  /** Query terms that matched (each counts once). */
  queryTerms: Set<string>;
  /** Indexed term → fields it matched in. */
  match: Map<string, Set<number>>;
}

export interface EngineJSON {
  fieldCount: number;
  docCount: number;
  /** Field lengths, doc-major: lengths[doc * fieldCount + field]. */
  lengths: number[];
  /** [term, postings] with postings flattened as (doc, field, frequency) triples. */
  postings: [string, number[]][];
}

const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
/** Weight of a prefix expansion, decaying with the extra length (as in MiniSearch). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** At most this many indexed terms are tried per prefix or fuzzy query term (shortest first). */
const MAX_EXPANSIONS = 64;

export class InvertedIndex {
  private readonly postings: Map<string, number[]>;
  private readonly lengths: number[];
  private readonly avgLength: number[];
  /** Per (term, field): number of documents, computed lazily. */
  private readonly dfCache = new Map<string, number[]>();
  private sortedTerms: string[] | undefined;
  /** Per field: Latin terms bucketed by first letter, for fuzzy matching. Built lazily. */
  private readonly latinBuckets = new Map<number, Map<string, string[]>>();

  private constructor(
    readonly fieldCount: number,
    readonly docCount: number,
    postings: Map<string, number[]>,
    lengths: number[],
  ) {
    this.postings = postings;
    this.lengths = lengths;
    this.avgLength = new Array<number>(fieldCount).fill(0);
    for (let d = 0; d < docCount; d++) {
      for (let f = 0; f < fieldCount; f++) {
        this.avgLength[f] = (this.avgLength[f] ?? 0) + (lengths[d * fieldCount + f] ?? 0);
      }
    }
    for (let f = 0; f < fieldCount; f++)
      this.avgLength[f] = (this.avgLength[f] ?? 0) / Math.max(1, docCount);
  }

  static build(fieldCount: number, docs: readonly EngineDocTerms[]): InvertedIndex {
    const postings = new Map<string, number[]>();
    const lengths = new Array<number>(docs.length * fieldCount).fill(0);
    docs.forEach((doc, d) => {
      for (let f = 0; f < fieldCount; f++) {
        const terms = doc.fields[f] ?? [];
        lengths[d * fieldCount + f] = terms.length;
        for (const term of terms) {
          const list = postings.get(term);
          if (!list) {
            postings.set(term, [d, f, 1]);
            continue;
          }
          // Documents and fields are added in order, so a term already seen in this field of this
          // document is always the last triple of its list.
          const last = list.length - 3;
          if (list[last] === d && list[last + 1] === f) list[last + 2] = (list[last + 2] ?? 0) + 1;
          else list.push(d, f, 1);
        }
      }
    });
    return new InvertedIndex(fieldCount, docs.length, postings, lengths);
  }

  static fromJSON(json: EngineJSON): InvertedIndex {
    return new InvertedIndex(json.fieldCount, json.docCount, new Map(json.postings), json.lengths);
  }

  toJSON(): EngineJSON {
    return {
      fieldCount: this.fieldCount,
      docCount: this.docCount,
      lengths: this.lengths,
      postings: [...this.postings],
    };
  }

  get termCount(): number {
    return this.postings.size;
  }

  private documentFrequency(term: string, list: number[]): number[] {
    let df = this.dfCache.get(term);
    if (!df) {
      df = new Array<number>(this.fieldCount).fill(0);
      for (let i = 0; i < list.length; i += 3)
        df[list[i + 1] ?? 0] = (df[list[i + 1] ?? 0] ?? 0) + 1;
      this.dfCache.set(term, df);
    }
    return df;
  }

  private getSortedTerms(): string[] {
    this.sortedTerms ??= [...this.postings.keys()].sort();
    return this.sortedTerms;
  }

  /** Latin terms (pinyin, ASCII words) of one field, bucketed by first letter. */
  private getLatinBuckets(field: number): Map<string, string[]> {
    let buckets = this.latinBuckets.get(field);
    if (!buckets) {
      buckets = new Map();
      for (const [term, list] of this.postings) {
        if (!/^[a-z]/.test(term)) continue;
        let inField = false;
        for (let i = 1; i < list.length; i += 3) {
          if (list[i] === field) {
            inField = true;
            break;
          }
        }
        if (!inField) continue;
        const key = term.charAt(0);
        const bucket = buckets.get(key) ?? [];
        bucket.push(term);
        buckets.set(key, bucket);
      }
      this.latinBuckets.set(field, buckets);
    }
    return buckets;
  }

  /** Indexed terms starting with `prefix` (excluding itself), shortest first, capped. */
  prefixTerms(prefix: string): string[] {
    const terms = this.getSortedTerms();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((terms[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < terms.length; i++) {
      const term = terms[i] ?? '';
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) out.push(term);
    }
    if (out.length > MAX_EXPANSIONS)
      out.sort((a, b) => a.length - b.length).length = MAX_EXPANSIONS;
    return out;
  }

  /**
   * Indexed Latin terms within `maxDistance` edits of `term` that share its first letter (typos
   * in the first letter are rare, and the bucket keeps this fast), closest first, capped.
   */
  fuzzyTerms(
    term: string,
    maxDistance: number,
    fields: readonly number[],
  ): { term: string; distance: number }[] {
    const out: { term: string; distance: number }[] = [];
    const seen = new Set<string>();
    const candidates = fields.flatMap((f) => this.getLatinBuckets(f).get(term.charAt(0)) ?? []);
    for (const candidate of candidates) {
      if (candidate === term || seen.has(candidate)) continue;
      seen.add(candidate);
      if (Math.abs(candidate.length - term.length) > maxDistance) continue;
      const distance = boundedOsaDistance(term, candidate, maxDistance);
      if (distance <= maxDistance) out.push({ term: candidate, distance });
    }
    out.sort((a, b) => a.distance - b.distance);
    if (out.length > MAX_EXPANSIONS) out.length = MAX_EXPANSIONS;
    return out;
  }

  /**
   * Scores documents for the query terms. Each query term contributes, per field, BM25+ of the
   * exact term and of its prefix/fuzzy expansions (down-weighted), times its boost and the field
   * boost.
   */
  search(queries: readonly TermQuery[], fieldBoost: readonly number[]): Map<number, EngineMatch> {
    const results = new Map<number, EngineMatch>();
    for (const q of queries) {
      const fieldSet = new Set(q.fields);
      const expansions: { term: string; weight: number }[] = [{ term: q.term, weight: 1 }];
      if (q.prefix) {
        for (const term of this.prefixTerms(q.term)) {
          const extra = term.length - q.term.length;
          expansions.push({
            term,
            weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra),
          });
        }
      }
      if (q.fuzzy > 0) {
        const seen = new Set(expansions.map((e) => e.term));
        for (const { term, distance } of this.fuzzyTerms(q.term, q.fuzzy, q.fields)) {
          if (seen.has(term)) continue;
          expansions.push({
            term,
            weight: (FUZZY_WEIGHT * term.length) / (term.length + distance),
          });
        }
      }
      for (const { term, weight } of expansions) {
        const list = this.postings.get(term);
        if (!list) continue;
        const df = this.documentFrequency(term, list);
        for (let i = 0; i < list.length; i += 3) {
          const doc = list[i] ?? 0;
          const field = list[i + 1] ?? 0;
          if (!fieldSet.has(field)) continue;
          const frequency = list[i + 2] ?? 0;
          const n = df[field] ?? 1;
          const idf = Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5));
          const length = this.lengths[doc * this.fieldCount + field] ?? 0;
          const avg = this.avgLength[field] || 1;
          const tf = (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / avg));
          const score = weight * q.boost * (fieldBoost[field] ?? 1) * idf * (DELTA + tf);
          let entry = results.get(doc);
          if (!entry) {
            entry = { doc, score: 0, queryTerms: new Set(), match: new Map() };
            results.set(doc, entry);
          }
          entry.score += score;
          entry.queryTerms.add(q.term);
          let fields = entry.match.get(term);
          if (!fields) entry.match.set(term, (fields = new Set()));
          fields.add(field);
        }
      }
    }
    return results;
  }
}

/**
 * Chinese-aware help search over articles, tours and rules (the popup's help center).
 *
 * Engine: a compact BM25+ inverted index (engine.ts) with our own analysis:
 * - Chinese text → every character bigram plus the last character of each run, so whole words and
 *   parts of words match ("营业执" finds 营业执照) without a dictionary;
 * - queries → Intl.Segmenter words ('zh', granularity 'word') as the units whose coverage ranks
 *   results, their bigrams as search terms, and the words for synonym look-up;
 * - titles and keywords → pinyin syllable 2–4-grams ("gongwen", "yingyezhizhao") and initials
 *   2–4-grams ("gw", "yyzz"), computed once at build time with pinyin-pro;
 * - queries → typed pinyin split into syllables ("xinjiangongwen"), fuzzy matching for Latin
 *   terms only (typos such as "gongwne"; Chinese is never fuzzed), prefix matching while typing,
 *   synonyms from synonyms.ts;
 * - ranking → BM25+ × query coverage (a document matching every part of the query beats one
 *   matching a single part many times) × a boost for documents that apply to the current page.
 *
 * Engine choice: bench/search measures this index against Fuse.js on the same corpus, and MiniSearch
 * fed the same terms (it indexed them 4–6× slower than this whole build; see bench/README.md).
 */
import type { EngineJSON, TermQuery } from '../../lib/search/engine';
import { InvertedIndex } from '../../lib/search/engine';
import type { Segment } from '../../lib/search/highlight';
import { plainSegments, segmentsFromSpans } from '../../lib/search/highlight';
import { buildSynonymMap } from '../../lib/search/synonyms';
import type { Token } from '../../lib/search/text';
import {
  MAX_INITIALS,
  normalizeText,
  normalizeWithOrigin,
  pinyinTerms,
  pinyinTokens,
  prefetchPinyin,
  segmentWords,
  splitPinyin,
  splitRuns,
  textTerms,
  textTokens,
} from '../../lib/search/text';
import { PINYIN_SYLLABLES } from '../../lib/search/pinyin-syllables';
import { urlMatchesAny } from '../../lib/search/url-match';

export type { Segment } from '../../lib/search/highlight';

export type HelpDocKind = 'article' | 'tour' | 'rule';

export interface HelpDoc {
  /** Stable id (tour id, article id, rule id); must be unique within one index. */
  id: string;
  kind: HelpDocKind;
  title: string;
  /** Plain text or light Markdown (markers are stripped before indexing and in snippets). */
  body: string;
  keywords?: string[];
  /** Training module, e.g. 操作 / 安全; stored for display and filtering. */
  module?: string;
  /** Pages the document applies to (see url-match.ts); matching ones rank higher. */
  urlPatterns?: string[];
}

export type HelpField = 'title' | 'keywords' | 'body' | 'pinyin' | 'initials';

export interface HelpHit {
  id: string;
  kind: HelpDocKind;
  title: string;
  module?: string;
  score: number;
  /** Which indexed fields matched, with the indexed terms that matched in each. */
  matched: { field: HelpField; terms: string[] }[];
  /** True when the hit's urlPatterns match `currentUrl`. */
  onCurrentPage: boolean;
  highlights: { title: Segment[]; snippet: Segment[] };
}

export interface HelpSearchOptions {
  /** The page the user is on; documents whose urlPatterns match it are boosted. */
  currentUrl?: string;
  /** Maximum hits (default 10). */
  limit?: number;
}

/** Serialised index: plain JSON, safe to write at build time and ship with the extension. */
export interface HelpIndexJSON {
  format: 'zhiyin-help-index';
  version: typeof FORMAT_VERSION;
  docs: StoredDoc[];
  engine: EngineJSON;
}

/** What is kept of each document for results and highlights. */
export interface StoredDoc {
  id: string;
  kind: HelpDocKind;
  title: string;
  /** Body as plain text (Markdown markers stripped). */
  body: string;
  module?: string;
  urlPatterns?: string[];
}

export interface HelpIndex {
  /** Number of indexed documents. */
  readonly size: number;
  /** Ranked hits; an empty or punctuation-only query returns none. */
  search(query: string, options?: HelpSearchOptions): HelpHit[];
  /** Documents whose urlPatterns match the page, in the order they were indexed (no query needed). */
  forPage(currentUrl: string, limit?: number): { id: string; kind: HelpDocKind; title: string }[];
  toJSON(): HelpIndexJSON;
}

const FORMAT_VERSION = 2;

/** Score multiplier for documents that apply to the current page. */
export const CURRENT_PAGE_BOOST = 2;
/** Longest query considered, in characters (the rest is ignored to bound latency). */
export const MAX_QUERY_LENGTH = 64;
const DEFAULT_LIMIT = 10;
const SNIPPET_LENGTH = 72;
const SNIPPET_LEAD = 14;

/** Indexed fields, in engine field-index order. */
export const HELP_FIELDS: readonly HelpField[] = [
  'title',
  'keywords',
  'body',
  'pinyin',
  'initials',
];
const F = { title: 0, keywords: 1, body: 2, pinyin: 3, initials: 4 } as const;
const FIELD_BOOST: readonly number[] = [3, 2.5, 1, 2, 1.2];
const SYNONYM_BOOST = 0.8;

/** Strips Markdown markers that would otherwise show up in snippets and as tokens. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|`|~~)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The terms of one document per field, in {@link HELP_FIELDS} order. Exported so the benchmark
 * can feed exactly the same terms to other engines.
 */
export function analyzeHelpDoc(doc: HelpDoc): string[][] {
  const nTitle = normalizeText(doc.title);
  const nKeywords = normalizeText((doc.keywords ?? []).join('，'));
  const py = pinyinTerms(pinyinSource(nTitle, nKeywords));
  // Index-time word segmentation is off: ICU splits Chinese finely (营业|执照), so its words longer
  // than two characters are rare and bigrams already cover them; it cost a third of build time.
  return [
    textTerms(nTitle),
    textTerms(nKeywords),
    textTerms(normalizeText(plainText(doc.body))),
    py.pinyin,
    py.initials,
  ];
}

/**
 * Title plus the keywords that are not already part of it: pinyin is the costliest part of a
 * build, and a keyword inside the title adds no pinyin term the title does not have.
 */
function pinyinSource(normalizedTitle: string, normalizedKeywords: string): string {
  // NFKC has turned the full-width commas the keywords were joined with into ",".
  const extra = normalizedKeywords.split(',').filter((k) => k && !normalizedTitle.includes(k));
  return [normalizedTitle, ...extra].join(',');
}

function toStoredDoc(doc: HelpDoc): StoredDoc {
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    body: plainText(doc.body),
    ...(doc.module ? { module: doc.module } : {}),
    ...(doc.urlPatterns?.length ? { urlPatterns: doc.urlPatterns } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Query analysis

const STOPWORDS = new Set([
  '的', '了', '吗', '呢', '啊', '吧', '么', '呀', '怎么', '怎么办', '怎样', '如何', '什么', '哪里',
  '在哪', '哪儿', '为什么', '请问', '一下', '我', '我的', '你', '要', '是', '在', '和', '与', '及',
  '把', '被', '该', '能', '可以', '怎么样', '时候', '时', '后', '中', '很', '太', '非常', '有点',
  '特别', '老是', '总是', '一直', '就', '还', '都',
]); // prettier-ignore

/**
 * One thing the user asked for (a word, a Latin term). Coverage of units drives ranking: a unit
 * is as satisfied as its best alternative (the word itself, its bigrams, a synonym, the pinyin
 * syllables, the initials), and an alternative by the share of its terms that matched.
 */
interface QueryUnit {
  alternatives: string[][];
}

interface LatinTerm {
  term: string;
  letters: boolean;
}

interface QueryPlan {
  han: Map<string, number>;
  latin: LatinTerm[];
  syllableBigrams: { term: string; prefix: boolean }[];
  initials: string[];
  units: QueryUnit[];
}

function hanBigrams(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/**
 * Words of a Han run, with runs of one-character words merged (ICU splits 上传 into 上|传) and
 * stopwords (怎么办, 的, 很 …) dropped, plus the stretches of text between stopwords, whose bigrams
 * are searched (so 怎么办 adds no 么办, but 上传附件 keeps 传附 across its words).
 */
function queryWords(run: string): { words: string[]; pieces: string[] } {
  const words: string[] = [];
  const pieces: string[] = [];
  let pending = '';
  let piece = '';
  const flushPending = () => {
    if (pending) words.push(pending);
    pending = '';
  };
  for (const { word } of segmentWords(run)) {
    if (STOPWORDS.has(word)) {
      flushPending();
      if (piece) pieces.push(piece);
      piece = '';
      continue;
    }
    piece += word;
    if (word.length === 1) {
      pending += word;
      continue;
    }
    flushPending();
    words.push(word);
  }
  flushPending();
  if (piece) pieces.push(piece);
  // A query made only of stopwords is still searched as typed.
  return words.length > 0 ? { words, pieces } : { words: [run], pieces: [run] };
}

const QUESTION_PHRASES = /怎么办|怎么样|怎么|怎样|如何|为什么|为啥|什么|哪里|哪儿|在哪|请问|一下/g;

const synonymMap = buildSynonymMap();

function planQuery(query: string): QueryPlan {
  const plan: QueryPlan = {
    han: new Map(),
    latin: [],
    syllableBigrams: [],
    initials: [],
    units: [],
  };
  const normalized = normalizeText(query)
    .slice(0, MAX_QUERY_LENGTH)
    // Question phrases carry no topic, and ICU splits some of them oddly (怎么|办).
    .replace(QUESTION_PHRASES, ' ');
  const addHan = (term: string, boost: number) => {
    plan.han.set(term, Math.max(plan.han.get(term) ?? 0, boost));
  };

  for (const run of splitRuns(normalized)) {
    if (run.han) {
      const { words, pieces } = queryWords(run.text);
      // Bigrams across word boundaries still count (they are what the index holds).
      for (const piece of pieces) for (const bigram of hanBigrams(piece)) addHan(bigram, 1);
      for (const word of words) {
        const unit: QueryUnit = { alternatives: [] };
        for (const [candidate, boost] of [
          [word, 1] as const,
          ...synonymsOf(word).map((synonym) => [synonym, SYNONYM_BOOST] as const),
        ]) {
          // Words of one or 3+ characters are index terms themselves (title/keyword words, the
          // last character of a run, prefix for one character); two-character words are bigrams.
          if (candidate.length !== 2) {
            addHan(candidate, boost);
            unit.alternatives.push([candidate]);
          }
          if (candidate.length >= 2) {
            const bigrams = hanBigrams(candidate);
            for (const bigram of bigrams) addHan(bigram, boost);
            unit.alternatives.push(bigrams);
          }
        }
        plan.units.push(unit);
      }
      continue;
    }
    const term = run.text;
    const letters = /^[a-z]+$/.test(term);
    plan.latin.push({ term, letters });
    const unit: QueryUnit = { alternatives: [[term]] };
    if (letters) {
      const syllables = splitPinyin(term, true);
      if (syllables && syllables.length > 2) {
        const bigrams: string[] = [];
        for (let i = 0; i + 1 < syllables.length; i++) {
          const bigram = `${syllables[i]}${syllables[i + 1]}`;
          // Prefix only for an unfinished last syllable ("gongw"): a finished one is matched exactly.
          const last = i + 2 === syllables.length;
          plan.syllableBigrams.push({
            term: bigram,
            prefix: last && !PINYIN_SYLLABLES.has(syllables[i + 1] ?? ''),
          });
          bigrams.push(bigram);
        }
        unit.alternatives.push(bigrams);
      }
      if (term.length >= 2) {
        const initials = term.slice(0, MAX_INITIALS);
        plan.initials.push(initials);
        unit.alternatives.push([initials]);
      }
    }
    plan.units.push(unit);
  }
  return plan;
}

/** Synonyms that apply to a query word; one-character entries only when they are the whole word. */
function synonymsOf(word: string): string[] {
  const found = new Set<string>();
  for (const [entry, others] of synonymMap) {
    const applies = entry.length === 1 ? word === entry : word.includes(entry);
    if (applies) for (const other of others) if (!word.includes(other)) found.add(other);
  }
  return [...found];
}

/** Edit distance allowed for a typed Latin term: none for short ones, where typos look like other words. */
function latinFuzzy(term: string): number {
  if (!/^[a-z]+$/.test(term) || term.length < 5) return 0;
  return term.length >= 8 ? 2 : 1;
}

const HAN_FIELDS = [F.title, F.keywords, F.body];
const LATIN_FIELDS = [F.title, F.keywords, F.body, F.pinyin];

function toTermQueries(plan: QueryPlan): TermQuery[] {
  const queries: TermQuery[] = [];
  for (const [term, boost] of plan.han) {
    // Chinese is never fuzzed; a lone character matches the words it starts.
    queries.push({ term, fields: HAN_FIELDS, prefix: term.length === 1, fuzzy: 0, boost });
  }
  for (const { term } of plan.latin) {
    queries.push({
      term,
      fields: LATIN_FIELDS,
      prefix: term.length >= 2,
      fuzzy: latinFuzzy(term),
      boost: 1,
    });
  }
  for (const { term, prefix } of plan.syllableBigrams) {
    queries.push({ term, fields: [F.pinyin], prefix, fuzzy: 0, boost: 1 });
  }
  for (const term of plan.initials) {
    queries.push({ term, fields: [F.initials], prefix: true, fuzzy: 0, boost: 1 });
  }
  return queries;
}

/** Share of the query's units a result satisfies, 0–1. */
function coverage(plan: QueryPlan, matched: ReadonlySet<string>): number {
  if (plan.units.length === 0) return 1;
  let total = 0;
  for (const unit of plan.units) {
    let best = 0;
    for (const alternative of unit.alternatives) {
      if (alternative.length === 0) continue;
      const share = alternative.filter((t) => matched.has(t)).length / alternative.length;
      if (share > best) best = share;
      if (best === 1) break;
    }
    total += best;
  }
  return total / plan.units.length;
}

// ---------------------------------------------------------------------------------------------
// Highlights

function matchedTermsByField(
  match: ReadonlyMap<string, ReadonlySet<number>>,
): Map<HelpField, string[]> {
  const byField = new Map<HelpField, string[]>();
  for (const [term, fields] of match) {
    for (const fieldIndex of fields) {
      const field = HELP_FIELDS[fieldIndex];
      if (!field) continue;
      const list = byField.get(field) ?? [];
      list.push(term);
      byField.set(field, list);
    }
  }
  return byField;
}

/**
 * Initials tokens are n-grams matched by prefix ("gw" matches the indexed "gwbt"), so only the
 * typed length of a matching token is marked.
 */
function initialsSpans(
  tokens: Token[],
  matched: ReadonlySet<string>,
  typed: readonly string[],
): Token[] {
  const spans: Token[] = [];
  for (const token of tokens) {
    if (!matched.has(token.term)) continue;
    const q = typed.find((t) => token.term.startsWith(t));
    if (q) spans.push({ term: q, start: token.start, end: token.start + q.length });
  }
  return spans;
}

/**
 * Typed pinyin matches indexed 2–4-syllable terms by prefix ("mima" matches "mimashezhi"), so of
 * the matching tokens that start at the same character only the shortest is marked: 密码, not
 * 密码设置.
 */
function shortestPerStart(tokens: Token[]): Token[] {
  const byStart = new Map<number, Token>();
  for (const token of tokens) {
    const current = byStart.get(token.start);
    if (!current || token.end < current.end) byStart.set(token.start, token);
  }
  return [...byStart.values()];
}

function titleSegments(
  title: string,
  byField: Map<HelpField, string[]>,
  typedInitials: readonly string[],
): Segment[] {
  const { text, origin } = normalizeWithOrigin(title);
  const spans: Token[] = [];
  const titleTerms = new Set(byField.get('title') ?? []);
  if (titleTerms.size > 0) {
    for (const token of textTokens(text, false)) if (titleTerms.has(token.term)) spans.push(token);
  }
  const pinyinTerms = new Set(byField.get('pinyin') ?? []);
  const initialsTerms = new Set(byField.get('initials') ?? []);
  if (pinyinTerms.size > 0 || initialsTerms.size > 0) {
    const py = pinyinTokens(text);
    spans.push(...shortestPerStart(py.pinyin.filter((token) => pinyinTerms.has(token.term))));
    spans.push(...initialsSpans(py.initials, initialsTerms, typedInitials));
  }
  return spans.length > 0 ? segmentsFromSpans(title, origin, spans) : plainSegments(title);
}

/**
 * A window of the body around its first match. Terms matched through pinyin are highlighted in
 * the body too, via the title words they came from.
 */
function snippetSegments(
  body: string,
  bodyTerms: ReadonlySet<string>,
  titleWords: readonly string[],
): Segment[] {
  const { text, origin } = normalizeWithOrigin(body);
  const spans: Token[] = [];
  if (bodyTerms.size > 0) {
    for (const token of textTokens(text, false)) if (bodyTerms.has(token.term)) spans.push(token);
  }
  for (const word of titleWords) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      spans.push({ term: word, start: at, end: at + word.length });
    }
  }
  if (spans.length === 0) {
    const cut = body.length > SNIPPET_LENGTH;
    const head = plainSegments(body.slice(0, SNIPPET_LENGTH));
    return cut ? [...head, { text: '…', match: false }] : head;
  }
  const first = Math.min(...spans.map((s) => origin[s.start] ?? 0));
  const start = Math.max(0, first - SNIPPET_LEAD);
  const end = Math.min(body.length, start + SNIPPET_LENGTH);
  const segments = segmentsFromSpans(body, origin, spans, { start, end });
  if (start > 0) segments.unshift({ text: '…', match: false });
  if (end < body.length) segments.push({ text: '…', match: false });
  return segments;
}

/** Chinese words of the title that matched through pinyin/initials, to mark in the snippet too. */
function pinyinMatchedTitleWords(
  title: string,
  byField: Map<HelpField, string[]>,
  typedInitials: readonly string[],
): string[] {
  const pinyinTerms = new Set(byField.get('pinyin') ?? []);
  const initialsTerms = new Set(byField.get('initials') ?? []);
  if (pinyinTerms.size === 0 && initialsTerms.size === 0) return [];
  const text = normalizeText(title);
  const py = pinyinTokens(text);
  const words = new Set<string>();
  for (const token of shortestPerStart(py.pinyin.filter((t) => pinyinTerms.has(t.term)))) {
    words.add(text.slice(token.start, token.end));
  }
  for (const span of initialsSpans(py.initials, initialsTerms, typedInitials)) {
    words.add(text.slice(span.start, span.end));
  }
  return [...words];
}

// ---------------------------------------------------------------------------------------------
// Index

class InvertedHelpIndex implements HelpIndex {
  constructor(
    private readonly docs: readonly StoredDoc[],
    private readonly engine: InvertedIndex,
  ) {}

  get size(): number {
    return this.docs.length;
  }

  search(query: string, options: HelpSearchOptions = {}): HelpHit[] {
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const plan = planQuery(query);
    const termQueries = toTermQueries(plan);
    if (termQueries.length === 0 || limit === 0) return [];
    const matches = this.engine.search(termQueries, FIELD_BOOST);

    const currentUrl = options.currentUrl;
    const ranked: {
      doc: StoredDoc;
      match: ReadonlyMap<string, ReadonlySet<number>>;
      score: number;
      onCurrentPage: boolean;
    }[] = [];
    for (const m of matches.values()) {
      const doc = this.docs[m.doc];
      if (!doc) continue;
      const onCurrentPage =
        currentUrl !== undefined &&
        doc.urlPatterns !== undefined &&
        urlMatchesAny(currentUrl, doc.urlPatterns);
      const cover = coverage(plan, m.queryTerms);
      const score = m.score * cover * cover * (onCurrentPage ? CURRENT_PAGE_BOOST : 1);
      ranked.push({ doc, match: m.match, score, onCurrentPage });
    }
    ranked.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));

    return ranked.slice(0, limit).map(({ doc, match, score, onCurrentPage }) => {
      const byField = matchedTermsByField(match);
      const titleWords = pinyinMatchedTitleWords(doc.title, byField, plan.initials);
      return {
        id: doc.id,
        kind: doc.kind,
        title: doc.title,
        ...(doc.module ? { module: doc.module } : {}),
        score,
        matched: HELP_FIELDS.filter((f) => byField.has(f)).map((field) => ({
          field,
          terms: [...(byField.get(field) ?? [])].sort(),
        })),
        onCurrentPage,
        highlights: {
          title: titleSegments(doc.title, byField, plan.initials),
          snippet: snippetSegments(doc.body, new Set(byField.get('body') ?? []), titleWords),
        },
      };
    });
  }

  forPage(currentUrl: string, limit = DEFAULT_LIMIT) {
    return this.docs
      .filter((doc) => doc.urlPatterns !== undefined && urlMatchesAny(currentUrl, doc.urlPatterns))
      .slice(0, limit)
      .map((doc) => ({ id: doc.id, kind: doc.kind, title: doc.title }));
  }

  toJSON(): HelpIndexJSON {
    return {
      format: 'zhiyin-help-index',
      version: FORMAT_VERSION,
      docs: [...this.docs],
      engine: this.engine.toJSON(),
    };
  }
}

/**
 * Builds a help index.
 * Pinyin is computed here, so build once (at extension build time or on first use) and keep the
 * result with {@link HelpIndex.toJSON} / {@link loadHelpIndex}.
 * @throws Error when two documents share an id.
 */
export function createHelpIndex(docs: readonly HelpDoc[]): HelpIndex {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.id)) throw new Error(`Duplicate help document id: ${doc.id}`);
    seen.add(doc.id);
  }
  prefetchPinyin(
    docs.map((doc) =>
      pinyinSource(normalizeText(doc.title), normalizeText((doc.keywords ?? []).join('，'))),
    ),
  );
  const engine = InvertedIndex.build(
    HELP_FIELDS.length,
    docs.map((doc) => ({ fields: analyzeHelpDoc(doc) })),
  );
  return new InvertedHelpIndex(docs.map(toStoredDoc), engine);
}

/**
 * Loads an index serialised with {@link HelpIndex.toJSON} (the object, or its JSON text).
 * @throws Error when the data is not a help index of this format version (rebuild it then).
 */
export function loadHelpIndex(json: HelpIndexJSON | string): HelpIndex {
  const data: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as Partial<HelpIndexJSON>).format !== 'zhiyin-help-index' ||
    (data as Partial<HelpIndexJSON>).version !== FORMAT_VERSION
  ) {
    throw new Error(`Not a zhiyin help index of format version ${FORMAT_VERSION}; rebuild it`);
  }
  const index = data as HelpIndexJSON;
  return new InvertedHelpIndex(index.docs, InvertedIndex.fromJSON(index.engine));
}

/**
 * Chinese-aware help search over articles, tours and rules (the popup's help center).
 *
 * Engine: MiniSearch (BM25+, prefix and fuzzy search, serialisable) with our own analysis:
 * - Chinese text → character bigrams + Intl.Segmenter words (titles, keywords, queries), so both
 *   whole words and parts of words match ("营业执" finds 营业执照);
 * - titles and keywords → pinyin syllable bigrams + whole-word pinyin ("gongwen") and initials
 *   n-grams ("gw"), computed once at build time with pinyin-pro;
 * - queries → typed pinyin split into syllables ("xinjiangongwen"), fuzzy matching for Latin
 *   terms only (typos such as "gongwne"; Chinese is never fuzzed), prefix matching while typing,
 *   synonyms from synonyms.ts;
 * - ranking → BM25+ × query coverage (a document matching every part of the query beats one
 *   matching a single part many times) × a boost for documents that apply to the current page.
 *
 * Why MiniSearch: bench/search measures it against Fuse.js on the same corpus; see bench/README.md.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject, Query, SearchResult } from 'minisearch';
import type { Segment } from './highlight';
import { plainSegments, segmentsFromSpans } from './highlight';
import { buildSynonymMap } from './synonyms';
import type { Token } from './text';
import {
  normalizeText,
  normalizeWithOrigin,
  pinyinTokens,
  segmentWords,
  splitPinyin,
  splitRuns,
  textTokens,
} from './text';
import { urlMatchesAny } from './url-match';

export type { Segment } from './highlight';

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
  index: AsPlainObject;
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

const FORMAT_VERSION = 1;

/** Score multiplier for documents that apply to the current page. */
export const CURRENT_PAGE_BOOST = 2;
/** Longest query considered, in characters (the rest is ignored to bound latency). */
export const MAX_QUERY_LENGTH = 64;
const DEFAULT_LIMIT = 10;
const SNIPPET_LENGTH = 72;
const SNIPPET_LEAD = 14;

const FIELDS: HelpField[] = ['title', 'keywords', 'body', 'pinyin', 'initials'];
const FIELD_BOOST: Record<HelpField, number> = {
  title: 3,
  keywords: 2.5,
  body: 1,
  pinyin: 2,
  initials: 1.2,
};
const SYNONYM_BOOST = 0.8;

/** What MiniSearch stores and indexes for one document (short keys keep the JSON small). */
interface IndexedDoc {
  id: string;
  title: string;
  keywords: string;
  body: string;
  pinyin: string;
  initials: string;
  /** Stored: original title, plain body, kind, module, url patterns joined by newlines. */
  t: string;
  b: string;
  k: HelpDocKind;
  m: string;
  u: string;
}

type Stored = Pick<IndexedDoc, 't' | 'b' | 'k' | 'm' | 'u'>;

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

const terms = (tokens: Token[]) => tokens.map((t) => t.term);

function toIndexedDoc(doc: HelpDoc): IndexedDoc {
  const keywords = (doc.keywords ?? []).join('，');
  const nTitle = normalizeText(doc.title);
  const nKeywords = normalizeText(keywords);
  const body = plainText(doc.body);
  const py = pinyinTokens(`${nTitle}，${nKeywords}`);
  return {
    id: doc.id,
    title: terms(textTokens(nTitle, true)).join(' '),
    keywords: terms(textTokens(nKeywords, true)).join(' '),
    body: terms(textTokens(normalizeText(body), false)).join(' '),
    pinyin: terms(py.pinyin).join(' '),
    initials: terms(py.initials).join(' '),
    t: doc.title,
    b: body,
    k: doc.kind,
    m: doc.module ?? '',
    u: (doc.urlPatterns ?? []).join('\n'),
  };
}

// Terms are computed in toIndexedDoc and joined by spaces, so MiniSearch only splits them again.
const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);
const identity = (term: string): string => term;

function miniSearchOptions() {
  return {
    fields: FIELDS,
    storeFields: ['t', 'b', 'k', 'm', 'u'],
    tokenize: splitTerms,
    processTerm: identity,
    searchOptions: { tokenize: (q: string) => [q], processTerm: identity },
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

/** Words of a Han run, with runs of one-character words merged (ICU splits 上传 into 上|传). */
function queryWords(run: string): string[] {
  const words: string[] = [];
  let pending = '';
  for (const { word } of segmentWords(run)) {
    if (word.length === 1 && !STOPWORDS.has(word)) {
      pending += word;
      continue;
    }
    if (pending) words.push(pending);
    pending = '';
    words.push(word);
  }
  if (pending) words.push(pending);
  const content = words.filter((w) => !STOPWORDS.has(w));
  return content.length > 0 ? content : words;
}

const synonymMap = buildSynonymMap();

function planQuery(query: string): QueryPlan {
  const plan: QueryPlan = {
    han: new Map(),
    latin: [],
    syllableBigrams: [],
    initials: [],
    units: [],
  };
  const normalized = normalizeText(query).slice(0, MAX_QUERY_LENGTH);
  const addHan = (term: string, boost: number) => {
    plan.han.set(term, Math.max(plan.han.get(term) ?? 0, boost));
  };

  for (const run of splitRuns(normalized)) {
    if (run.han) {
      // Bigrams across word boundaries still count (they are what the index holds).
      for (const bigram of hanBigrams(run.text)) addHan(bigram, 1);
      for (const word of queryWords(run.text)) {
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
          plan.syllableBigrams.push({ term: bigram, prefix: i + 2 === syllables.length });
          bigrams.push(bigram);
        }
        unit.alternatives.push(bigrams);
      }
      if (term.length >= 2) {
        const initials = term.slice(0, 6);
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

function latinFuzzy(term: string): number | false {
  if (!/^[a-z]+$/.test(term) || term.length < 5) return false;
  return term.length >= 7 ? 2 : 1;
}

function toMiniSearchQuery(plan: QueryPlan): Query | undefined {
  const queries: Query[] = [];
  if (plan.han.size > 0) {
    const han = plan.han;
    queries.push({
      queries: [...han.keys()],
      fields: ['title', 'keywords', 'body'],
      prefix: (term: string) => term.length === 1,
      fuzzy: false,
      boostTerm: (term: string) => han.get(term) ?? 1,
    });
  }
  if (plan.latin.length > 0) {
    queries.push({
      queries: plan.latin.map((l) => l.term),
      fields: ['title', 'keywords', 'body', 'pinyin'],
      prefix: (term: string) => term.length >= 2,
      fuzzy: (term: string) => latinFuzzy(term),
    });
  }
  if (plan.syllableBigrams.length > 0) {
    const prefixed = new Set(plan.syllableBigrams.filter((b) => b.prefix).map((b) => b.term));
    queries.push({
      queries: [...new Set(plan.syllableBigrams.map((b) => b.term))],
      fields: ['pinyin'],
      prefix: (term: string) => prefixed.has(term),
      fuzzy: false,
    });
  }
  if (plan.initials.length > 0) {
    queries.push({ queries: plan.initials, fields: ['initials'], prefix: true, fuzzy: false });
  }
  if (queries.length === 0) return undefined;
  return { combineWith: 'OR', queries };
}

/** Share of the query's units a result satisfies, 0–1. */
function coverage(plan: QueryPlan, queryTerms: readonly string[]): number {
  if (plan.units.length === 0) return 1;
  const matched = new Set(queryTerms);
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

function matchedTermsByField(match: SearchResult['match']): Map<HelpField, string[]> {
  const byField = new Map<HelpField, string[]>();
  for (const [term, fields] of Object.entries(match)) {
    for (const field of fields as HelpField[]) {
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

function titleSegments(
  title: string,
  byField: Map<HelpField, string[]>,
  typedInitials: readonly string[],
): Segment[] {
  const { text, origin } = normalizeWithOrigin(title);
  const spans: Token[] = [];
  const titleTerms = new Set(byField.get('title') ?? []);
  if (titleTerms.size > 0) {
    for (const token of textTokens(text, true)) if (titleTerms.has(token.term)) spans.push(token);
  }
  const pinyinTerms = new Set(byField.get('pinyin') ?? []);
  const initialsTerms = new Set(byField.get('initials') ?? []);
  if (pinyinTerms.size > 0 || initialsTerms.size > 0) {
    const py = pinyinTokens(text);
    for (const token of py.pinyin) if (pinyinTerms.has(token.term)) spans.push(token);
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
  for (const token of py.pinyin)
    if (pinyinTerms.has(token.term)) words.add(text.slice(token.start, token.end));
  for (const span of initialsSpans(py.initials, initialsTerms, typedInitials)) {
    words.add(text.slice(span.start, span.end));
  }
  return [...words];
}

// ---------------------------------------------------------------------------------------------
// Index

class MiniSearchHelpIndex implements HelpIndex {
  constructor(private readonly engine: MiniSearch<IndexedDoc>) {}

  get size(): number {
    return this.engine.documentCount;
  }

  search(query: string, options: HelpSearchOptions = {}): HelpHit[] {
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const plan = planQuery(query);
    const msQuery = toMiniSearchQuery(plan);
    if (!msQuery || limit === 0) return [];
    const results = this.engine.search(msQuery, { boost: FIELD_BOOST });

    const currentUrl = options.currentUrl;
    const ranked = results.map((result) => {
      const stored = result as unknown as SearchResult & Stored;
      const onCurrentPage =
        currentUrl !== undefined &&
        stored.u !== '' &&
        urlMatchesAny(currentUrl, stored.u.split('\n'));
      const cover = coverage(plan, result.queryTerms);
      const score = result.score * cover * cover * (onCurrentPage ? CURRENT_PAGE_BOOST : 1);
      return { stored, score, onCurrentPage };
    });
    ranked.sort((a, b) => b.score - a.score);

    return ranked.slice(0, limit).map(({ stored, score, onCurrentPage }) => {
      const byField = matchedTermsByField(stored.match);
      const titleWords = pinyinMatchedTitleWords(stored.t, byField, plan.initials);
      return {
        id: String(stored.id),
        kind: stored.k,
        title: stored.t,
        ...(stored.m ? { module: stored.m } : {}),
        score,
        matched: FIELDS.filter((f) => byField.has(f)).map((field) => ({
          field,
          // Sorted: MiniSearch's term order differs between a built and a loaded index.
          terms: [...(byField.get(field) ?? [])].sort(),
        })),
        onCurrentPage,
        highlights: {
          title: titleSegments(stored.t, byField, plan.initials),
          snippet: snippetSegments(stored.b, new Set(byField.get('body') ?? []), titleWords),
        },
      };
    });
  }

  forPage(currentUrl: string, limit = DEFAULT_LIMIT) {
    const out: { id: string; kind: HelpDocKind; title: string }[] = [];
    for (const result of this.engine.search(MiniSearch.wildcard)) {
      const stored = result as unknown as SearchResult & Stored;
      if (stored.u && urlMatchesAny(currentUrl, stored.u.split('\n'))) {
        out.push({ id: String(stored.id), kind: stored.k, title: stored.t });
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  toJSON(): HelpIndexJSON {
    return { format: 'zhiyin-help-index', version: FORMAT_VERSION, index: this.engine.toJSON() };
  }
}

/**
 * Builds a help index. Document ids must be unique (MiniSearch throws on a duplicate id).
 * Pinyin is computed here, so build once (at extension build time or on first use) and keep the
 * result with {@link HelpIndex.toJSON} / {@link loadHelpIndex}.
 */
export function createHelpIndex(docs: readonly HelpDoc[]): HelpIndex {
  const engine = new MiniSearch<IndexedDoc>(miniSearchOptions());
  engine.addAll(docs.map(toIndexedDoc));
  return new MiniSearchHelpIndex(engine);
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
  const engine = MiniSearch.loadJS<IndexedDoc>((data as HelpIndexJSON).index, miniSearchOptions());
  return new MiniSearchHelpIndex(engine);
}

/**
 * Text analysis for Chinese help search: normalisation, Chinese word + bigram tokens, pinyin and
 * initials tokens, and splitting typed pinyin into syllables.
 *
 * Every token carries its span in the *normalised* text so highlights can be computed with the
 * same code that built the index (see highlight.ts).
 */
import { pinyin } from 'pinyin-pro';
import { PINYIN_SYLLABLES } from './pinyin-syllables';

export interface Token {
  term: string;
  /** Span in the normalised text, UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

export interface NormalizedText {
  text: string;
  /** `origin[i]` is the offset in the original string of normalised unit i; one extra entry at the end. */
  origin: number[];
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * Runs of Han characters, or of other letters/digits (Latin words, numbers such as "10mb").
 * Only BMP ideographs count as Han so that one character is one UTF-16 unit and spans stay simple;
 * the rare supplementary-plane characters fall into letter runs and are matched whole.
 */
const RUN = /([\u3400-\u9fff\uf900-\ufaff]+)|((?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+)/gu;

/**
 * NFKC (full-width → half-width, compatibility forms) and lower case, which is what both the index
 * and queries see.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Like {@link normalizeText}, keeping a map back to the original offsets for highlighting. */
export function normalizeWithOrigin(text: string): NormalizedText {
  let out = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const normalized = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < normalized.length; k++) origin.push(offset);
    out += normalized;
    offset += ch.length;
  }
  origin.push(offset);
  return { text: out, origin };
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export interface Run {
  text: string;
  start: number;
  han: boolean;
}

/** Splits normalised text into Han runs and letter/digit runs; everything else separates. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(RUN)) {
    runs.push({ text: m[0], start: m.index, han: m[1] !== undefined });
  }
  return runs;
}

let segmenter: Intl.Segmenter | undefined;
function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Dictionary words of a Han run (Intl.Segmenter, ICU's Chinese dictionary), with offsets in the run. */
export function segmentWords(run: string): { word: string; index: number }[] {
  const words: { word: string; index: number }[] = [];
  for (const s of getSegmenter().segment(run)) {
    if (s.isWordLike !== false) words.push({ word: s.segment, index: s.index });
  }
  return words;
}

/**
 * Receives each token. Indexing only keeps `term`; highlighting keeps the span. A callback instead
 * of token objects because a 2,000-article build makes half a million of them and the garbage
 * collector was a fifth of build time.
 */
export type EmitToken = (term: string, start: number, end: number) => void;

/**
 * Index tokens of a Han run: every character bigram (so any part of a word of two or more
 * characters can be found), dictionary words of three or more characters when `withWords`, and
 * the last character on its own (prefix search covers the others).
 */
export function hanTokens(run: string, offset: number, withWords: boolean, emit: EmitToken): void {
  const n = run.length;
  if (n === 1) {
    emit(run, offset, offset + 1);
    return;
  }
  for (let i = 0; i + 1 < n; i++) emit(run.slice(i, i + 2), offset + i, offset + i + 2);
  emit(run.charAt(n - 1), offset + n - 1, offset + n);
  if (withWords && n > 2) {
    for (const { word, index } of segmentWords(run)) {
      if (word.length > 2) emit(word, offset + index, offset + index + word.length);
    }
  }
}

/**
 * Tokens of a text field: Han bigrams (+ words when `withWords`) and lower-case letter/digit words.
 * Input must already be normalised.
 */
export function forEachTextToken(normalized: string, withWords: boolean, emit: EmitToken): void {
  for (const run of splitRuns(normalized)) {
    if (run.han) hanTokens(run.text, run.start, withWords, emit);
    else emit(run.text, run.start, run.start + run.text.length);
  }
}

/** {@link forEachTextToken} collected as tokens with spans (for highlighting). */
export function textTokens(normalized: string, withWords: boolean): Token[] {
  const out: Token[] = [];
  forEachTextToken(normalized, withWords, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** {@link forEachTextToken} collected as terms only (for indexing). */
export function textTerms(normalized: string): string[] {
  const out: string[] = [];
  forEachTextToken(normalized, false, (term) => out.push(term));
  return out;
}

const pinyinCache = new Map<string, string[]>();
const PINYIN_CACHE_LIMIT = 50_000;

/**
 * Toneless pinyin of each character of a Han word or run (ü as v), cached. pinyin-pro resolves
 * polyphones from context (银行 → yin hang), so text is looked up whole, never per character.
 */
export function wordPinyin(word: string): string[] {
  let syllables = pinyinCache.get(word);
  if (!syllables) {
    syllables = pinyin(word, { toneType: 'none', type: 'array', v: true, toneSandhi: false });
    if (syllables.length !== word.length) {
      // Should not happen for BMP Han text; fall back to one lookup per character.
      syllables = [...word].map((ch) => pinyin(ch, { toneType: 'none', v: true }));
    }
    if (pinyinCache.size >= PINYIN_CACHE_LIMIT) pinyinCache.clear();
    pinyinCache.set(word, syllables);
  }
  return syllables;
}

/**
 * Per-character syllables of a Han run. One pinyin-pro call per run (it segments internally to
 * resolve polyphones such as 银行 → yin hang), cached because titles and keywords repeat.
 */
export function runPinyin(run: string): string[] {
  return wordPinyin(run);
}

/**
 * Fills the pinyin cache for many texts with one pinyin-pro call: its per-call overhead was about
 * a third of the pinyin cost of an index build. Runs are joined with a full-width comma, which
 * pinyin-pro returns as one array element, so the output lines up with the input characters.
 */
export function prefetchPinyin(texts: Iterable<string>): void {
  const pending: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const run of splitRuns(text)) {
      if (run.han && !pinyinCache.has(run.text) && !seen.has(run.text)) {
        seen.add(run.text);
        pending.push(run.text);
      }
    }
  }
  if (pending.length === 0) return;
  const joined = pending.join('，');
  const syllables = pinyin(joined, { toneType: 'none', type: 'array', v: true, toneSandhi: false });
  if (syllables.length !== joined.length) return; // Misaligned: leave it to per-run lookups.
  let at = 0;
  for (const run of pending) {
    if (pinyinCache.size >= PINYIN_CACHE_LIMIT) return;
    pinyinCache.set(run, syllables.slice(at, at + run.length));
    at += run.length + 1;
  }
}

/** Longest syllable n-gram indexed as one pinyin term. */
const MAX_PINYIN_NGRAM = 4;
/** Longest initials n-gram indexed (typing more initials than this still matches by prefix). */
export const MAX_INITIALS = 4;

/**
 * Pinyin and initials tokens of a normalised text:
 * - pinyin: syllable 2- to 4-grams ("gongwen" for 公文, "wenshen" across words, "yingyezhizhao"),
 *   and lone characters;
 * - initials: the first letters of 2–4 consecutive characters ("gw", "xjgw", …).
 */
export function forEachPinyinToken(
  normalized: string,
  emitPinyin: EmitToken,
  emitInitials: EmitToken,
): void {
  for (const run of splitRuns(normalized)) {
    if (!run.han) continue;
    const base = run.start;
    const syllables = runPinyin(run.text);
    const n = syllables.length;
    if (n === 1) emitPinyin(syllables[0] ?? '', base, base + 1);
    // 3- and 4-grams ("yanzhengma", "shujubeifen") give typed pinyin with a typo a whole term to
    // be fuzzy-matched against.
    for (let i = 0; i + 1 < n; i++) {
      let term = syllables[i] ?? '';
      for (let len = 2; len <= MAX_PINYIN_NGRAM && i + len <= n; len++) {
        term += syllables[i + len - 1] ?? '';
        emitPinyin(term, base + i, base + i + len);
      }
    }
    for (let i = 0; i + 1 < n; i++) {
      let term = (syllables[i] ?? '').charAt(0);
      for (let len = 2; len <= MAX_INITIALS && i + len <= n; len++) {
        term += (syllables[i + len - 1] ?? '').charAt(0);
        emitInitials(term, base + i, base + i + len);
      }
    }
  }
}

/** {@link forEachPinyinToken} collected as tokens with spans (for highlighting). */
export function pinyinTokens(normalized: string): { pinyin: Token[]; initials: Token[] } {
  const py: Token[] = [];
  const initials: Token[] = [];
  forEachPinyinToken(
    normalized,
    (term, start, end) => py.push({ term, start, end }),
    (term, start, end) => initials.push({ term, start, end }),
  );
  return { pinyin: py, initials };
}

/** {@link forEachPinyinToken} collected as terms only (for indexing). */
export function pinyinTerms(normalized: string): { pinyin: string[]; initials: string[] } {
  const py: string[] = [];
  const initials: string[] = [];
  forEachPinyinToken(
    normalized,
    (term) => py.push(term),
    (term) => initials.push(term),
  );
  return { pinyin: py, initials };
}

/**
 * Splits typed pinyin into syllables ("xinjiangongwen" → xin jian gong wen), preferring the
 * fewest syllables. With `allowPartialLast`, the last piece may be an unfinished syllable
 * ("gongw" → gong w), as happens while typing. Returns `undefined` when no split exists.
 */
export function splitPinyin(input: string, allowPartialLast = false): string[] | undefined {
  const n = input.length;
  if (n === 0 || !/^[a-z]+$/.test(input)) return undefined;
  // best[i] = fewest syllables covering input.slice(i); computed right to left.
  const best: (string[] | undefined)[] = new Array<string[] | undefined>(n + 1);
  best[n] = [];
  for (let i = n - 1; i >= 0; i--) {
    let choice: string[] | undefined;
    for (let len = Math.min(6, n - i); len >= 1; len--) {
      const piece = input.slice(i, i + len);
      const rest = best[i + len];
      if (!rest) continue;
      const ok =
        PINYIN_SYLLABLES.has(piece) ||
        (allowPartialLast && i + len === n && isSyllablePrefix(piece));
      if (ok && (!choice || rest.length + 1 < choice.length)) choice = [piece, ...rest];
    }
    best[i] = choice;
  }
  return best[0];
}

const SYLLABLE_PREFIXES = new Set<string>();
for (const s of PINYIN_SYLLABLES)
  for (let k = 1; k <= s.length; k++) SYLLABLE_PREFIXES.add(s.slice(0, k));

function isSyllablePrefix(piece: string): boolean {
  return SYLLABLE_PREFIXES.has(piece);
}

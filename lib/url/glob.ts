/**
 * Wildcard matching for URL globs (tour `applies.url`, step `page` and `advance.url`, help
 * `urlPatterns`) without regular expressions.
 *
 * Why: globs used to become `^a.*b.*c$` regexes, and a backtracking engine takes time exponential
 * in the number of stars on a near miss: `*a*a*a…*b` against a long `aaaa…` address took hundreds
 * of milliseconds, on every page load (issue 10). Here a glob is split at its stars into literal
 * pieces: the first must start the subject, the last must end it, and the ones between are found
 * in order, each at its leftmost place after the previous one. Leftmost is always right for `*`
 * (an earlier place leaves more room for the rest), so there is no backtracking at all: at most
 * subject length × glob length character comparisons.
 *
 * Semantics (unchanged): `*` (any number in a row) matches any run of characters, `/`, `?` and `#`
 * included, possibly empty; every other character is literal; the match is anchored at both ends
 * and case-sensitive. (The old regexes' `.` skipped line terminators; a parsed URL never contains
 * one — the URL parser drops tabs and newlines and percent-encodes everything else non-ASCII.)
 */

import { safeDecode } from './decode';

interface CompiledGlob {
  /** Literal pieces between stars; `starred` false means the glob had no star at all. */
  pieces: string[];
  starred: boolean;
}

const compiled = new Map<string, CompiledGlob>();
/** Globs come from built-in content; the cap only guards against unbounded growth. */
const CACHE_LIMIT = 1000;

function compile(glob: string): CompiledGlob {
  let entry = compiled.get(glob);
  if (!entry) {
    const pieces = glob.split('*');
    entry = { pieces, starred: pieces.length > 1 };
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(glob, entry);
  }
  return entry;
}

/** Counts character comparisons, for tests that prove the bound without timing anything. */
export interface GlobMatchStats {
  comparisons: number;
}

/**
 * Does the whole `subject` match `glob`? See the module comment for the syntax.
 *
 * @param stats optional counter of character comparisons (tests, benches)
 */
export function matchGlob(glob: string, subject: string, stats?: GlobMatchStats): boolean {
  const { pieces, starred } = compile(glob);
  const counter = stats ?? { comparisons: 0 };
  if (!starred) return equalsAt(subject, 0, glob, counter) && subject.length === glob.length;
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  // The first and last pieces are anchored and must not overlap.
  if (first.length + last.length > subject.length) return false;
  if (!equalsAt(subject, 0, first, counter)) return false;
  const end = subject.length - last.length;
  if (!equalsAt(subject, end, last, counter)) return false;
  let position = first.length;
  for (let k = 1; k < pieces.length - 1; k += 1) {
    const piece = pieces[k] ?? '';
    if (piece === '') continue;
    const found = indexOfWithin(subject, piece, position, end, counter);
    if (found < 0) return false;
    position = found + piece.length;
  }
  return true;
}

function equalsAt(subject: string, at: number, piece: string, counter: GlobMatchStats): boolean {
  if (at + piece.length > subject.length) return false;
  for (let i = 0; i < piece.length; i += 1) {
    counter.comparisons += 1;
    if (subject.charCodeAt(at + i) !== piece.charCodeAt(i)) return false;
  }
  return true;
}

/** Leftmost index ≥ `from` where `piece` lies wholly before `end`, or -1. */
function indexOfWithin(
  subject: string,
  piece: string,
  from: number,
  end: number,
  counter: GlobMatchStats,
): number {
  for (let start = from; start + piece.length <= end; start += 1) {
    if (equalsAt(subject, start, piece, counter)) return start;
  }
  return -1;
}

/**
 * {@link matchGlob} for a part of a URL (path, query, hash or the whole href) as browsers give
 * it, percent-encoded. Authors write addresses as they read them (`/wiki/特殊:用户登录*`,
 * `#/办件/列表`), so a glob also matches the decoded text; an encoded glob matches the text as
 * given. Decoding never throws (GBK and broken escapes stay as written: lib/url/decode.ts).
 */
export function matchUrlText(glob: string, subject: string): boolean {
  if (matchGlob(glob, subject)) return true;
  if (!subject.includes('%')) return false;
  const decoded = safeDecode(subject);
  return decoded !== subject && matchGlob(glob, decoded);
}

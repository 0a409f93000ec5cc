/**
 * A conservative check that an author's input pattern (`advance: { on: input, pattern }`) cannot
 * take exponential time on a learner's value (ReDoS). JavaScript's regex engine backtracks: a
 * pattern such as `(a+)+b` or `(a|a)*b` tries exponentially many ways to split `aaaa…` before it
 * fails, and it runs on every keystroke in the host page (issue 10).
 *
 * Refused shapes (the well-known exponential ones):
 * - a repeated group that contains something of variable length that repeats:
 *   `(a+)+`, `(a*)*`, `(\w+\s?)*`, `(a{1,3})+`, `((ab)+c)*`;
 * - a repeated group whose alternatives can start with the same character, or one of which can
 *   be empty: `(a|a)*`, `(a|ab)+`, `(\d|[0-9])+`, `(a|)+`;
 * - a repeated group with an optional part that can start like what follows it: `(a?a)+`,
 *   `(a?a?)+`, `(\d?\d)+` (found while evaluating redos-detector, which catches it).
 * Conservative means it may refuse a pattern that is in fact safe (character classes are assumed
 * to overlap anything); the message says how to rewrite it. Polynomial shapes (`.*\S.*`) are
 * allowed: the value's length is capped instead (CONTENT_LIMITS.patternInputChars).
 *
 * Why our own (evaluated 2026-12, against the runtime form `^(?:pattern)$`, u flag, as
 * features/tour/advance.ts runs it; probes and timings in the commit message):
 * - `redos-detector` 6.1.4: counts backtracking paths, so it cannot tell exponential from
 *   polynomial (both score "infinite"; no maxScore separates them). It refuses 6 of the 13
 *   patterns the tours and e2e fixtures use, e.g. `.*\S.*`, `[\s\S]*\S[\s\S]*`,
 *   `\s*\S{2,}.*`, `\s*(YZ\d+|[0-9A-Za-z]{18})\s*`, which we allow on purpose (value capped at
 *   CONTENT_LIMITS.patternInputChars). It accepts `(a|ab)+c` and `((ab)+c)*` (unambiguous, so
 *   it is right, but our tests refuse them as a conservative rule). Several verdicts
 *   (`(a|a)*`, `(\d|[0-9])+`, `(.*a){2,}`) come only from its time-out (1 s default), so a
 *   loaded build machine changes results. 67 kB minified (23 kB gzip) that features/tour/schema.ts
 *   would pull into background.js, author.js and the schema chunk.
 * - `safe-regex2` 5.1.2 (star height): misses the overlap shapes `(a|a)*`, `(a|ab)+c`,
 *   `(\d|[0-9])+`, `(a|)+`, and refuses `\d[\d,]*(\.\d+)?` (used in tours/: it counts `?` as
 *   a repetition) and `(\d{3}-)+\d{4}`; 15 kB minified.
 * Neither keeps the tours' patterns accepted and the 14 shapes refused, so this reader stays
 * (5 kB minified, 2 kB gzip, no dependency). Revisit if a checker that separates exponential
 * from polynomial without a time-out appears.
 */

export interface RegexRisk {
  /** The part of the pattern that is the problem, e.g. `(a+)+`. */
  fragment: string;
  message: string;
}

type FirstSet = { any: true } | { any: false; chars: Set<string>; classes: Set<ClassName> };
type ClassName = 'digit' | 'word' | 'space';

interface Quantifier {
  min: number;
  max: number;
}

interface AtomNode {
  kind: 'atom';
  first: FirstSet;
  /** Zero-width (anchors, lookarounds): matches no character. */
  empty: boolean;
  quant: Quantifier;
  start: number;
  end: number;
}

interface GroupNode {
  kind: 'group';
  alternatives: PatternNode[][];
  /** Lookarounds match no characters. */
  lookaround: boolean;
  quant: Quantifier;
  start: number;
  end: number;
}

type PatternNode = AtomNode | GroupNode;

const ONE: Quantifier = { min: 1, max: 1 };
const ANY: FirstSet = { any: true };
const chars = (...list: string[]): FirstSet => ({
  any: false,
  chars: new Set(list),
  classes: new Set(),
});
const cls = (name: ClassName): FirstSet => ({
  any: false,
  chars: new Set(),
  classes: new Set([name]),
});

/**
 * Problems of `source` (a pattern as written, without delimiters); empty when it looks safe.
 * A pattern that does not parse as far as this reader goes is reported as one risk.
 */
export function findRegexRisks(source: string): RegexRisk[] {
  let nodes: PatternNode[][];
  try {
    nodes = new Reader(source).readAlternatives(false);
  } catch (error) {
    return [{ fragment: source, message: error instanceof Error ? error.message : String(error) }];
  }
  const risks: RegexRisk[] = [];
  const inspect = (node: PatternNode, insideRepeat: boolean) => {
    if (node.kind !== 'group') return;
    const repeats = node.quant.max > 1;
    const fragment = source.slice(node.start, node.end);
    if (repeats && !node.lookaround) {
      const inner = findVariableRepeat(node.alternatives);
      if (inner) {
        risks.push({
          fragment,
          message: `nested quantifier: the repeated group ${fragment} contains ${source.slice(inner.start, inner.end)}, which repeats too; the engine can split the same text in exponentially many ways (write it without the outer repetition, e.g. one character class with one quantifier)`,
        });
        return;
      }
    }
    if (repeats && !node.lookaround) {
      const optional = findAmbiguousOptional(node);
      if (optional) {
        risks.push({
          fragment,
          message: `optional part ${source.slice(optional.start, optional.end)} in the repeated group ${fragment} can start like what follows it, so each character can be taken by either; the engine can split the same text in exponentially many ways (make the optional part start differently, or write it without the outer repetition)`,
        });
        return;
      }
    }
    if ((repeats || insideRepeat) && node.alternatives.length > 1) {
      const overlap = overlappingAlternatives(node.alternatives);
      if (overlap) {
        risks.push({
          fragment,
          message: `repeated alternation ${fragment} whose alternatives ${overlap}; the engine can try each of them at every repetition (make the alternatives start differently, or use one character class)`,
        });
        return;
      }
    }
    for (const alternative of node.alternatives) {
      for (const child of alternative) inspect(child, insideRepeat || repeats);
    }
  };
  for (const alternative of nodes) for (const node of alternative) inspect(node, false);
  return risks;
}

/** The first element inside that matches a variable number of characters more than once. */
function findVariableRepeat(alternatives: PatternNode[][]): PatternNode | undefined {
  for (const alternative of alternatives) {
    for (const node of alternative) {
      if (node.kind === 'atom' && node.empty) continue;
      if (node.kind === 'group' && node.lookaround) continue;
      if (node.quant.max > 1 && node.quant.max > node.quant.min) return node;
      if (node.kind === 'group') {
        const inner = findVariableRepeat(node.alternatives);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/**
 * In a repeated group, an optional element (`a?`, `(…)?`, `{0,1}`) whose first characters overlap
 * what can follow it (the rest of its sequence, or the next repetition): `(a?a)+`, `(a?a?)+`,
 * `(\d?\d)+` split `aaaa…` in Fibonacci-many ways.
 */
function findAmbiguousOptional(group: GroupNode): PatternNode | undefined {
  const own = firstOfNode({ ...group, quant: ONE }).set;
  for (const alternative of group.alternatives) {
    for (let index = 0; index < alternative.length; index += 1) {
      const node = alternative[index];
      if (!node || node.quant.min !== 0) continue;
      if (node.kind === 'atom' && node.empty) continue;
      if (node.kind === 'group' && node.lookaround) continue;
      const rest = firstOfSequence(alternative.slice(index + 1));
      const follow = rest.nullable ? union(rest.set, own) : rest.set;
      if (overlaps(firstOfNode(node).set, follow)) return node;
    }
  }
  return undefined;
}

function overlappingAlternatives(alternatives: PatternNode[][]): string | undefined {
  const firsts = alternatives.map((alternative) => firstOfSequence(alternative));
  for (let i = 0; i < firsts.length; i += 1) {
    const a = firsts[i];
    if (!a || a.nullable) return 'include one that can match nothing';
    for (let j = i + 1; j < firsts.length; j += 1) {
      const b = firsts[j];
      if (!b || b.nullable) return 'include one that can match nothing';
      if (overlaps(a.set, b.set)) return 'can start with the same character';
    }
  }
  return undefined;
}

function firstOfSequence(sequence: PatternNode[]): { set: FirstSet; nullable: boolean } {
  let set: FirstSet = chars();
  for (const node of sequence) {
    const own = firstOfNode(node);
    set = union(set, own.set);
    if (!own.nullable) return { set, nullable: false };
  }
  return { set, nullable: true };
}

function firstOfNode(node: PatternNode): { set: FirstSet; nullable: boolean } {
  if (node.kind === 'atom') {
    if (node.empty) return { set: chars(), nullable: true };
    return { set: node.first, nullable: node.quant.min === 0 };
  }
  if (node.lookaround) return { set: chars(), nullable: true };
  let set: FirstSet = chars();
  let nullable = false;
  for (const alternative of node.alternatives) {
    const first = firstOfSequence(alternative);
    set = union(set, first.set);
    nullable ||= first.nullable;
  }
  return { set, nullable: nullable || node.quant.min === 0 };
}

function union(a: FirstSet, b: FirstSet): FirstSet {
  if (a.any || b.any) return ANY;
  return {
    any: false,
    chars: new Set([...a.chars, ...b.chars]),
    classes: new Set([...a.classes, ...b.classes]),
  };
}

const IN_CLASS: Record<ClassName, (c: string) => boolean> = {
  digit: (c) => /^\d$/u.test(c),
  word: (c) => /^\w$/u.test(c),
  space: (c) => /^\s$/u.test(c),
};

function overlaps(a: FirstSet, b: FirstSet): boolean {
  if (a.any || b.any) return true;
  for (const c of a.chars)
    if (b.chars.has(c) || [...b.classes].some((k) => IN_CLASS[k](c))) return true;
  for (const c of b.chars) if ([...a.classes].some((k) => IN_CLASS[k](c))) return true;
  for (const x of a.classes) {
    for (const y of b.classes) {
      // \d ⊂ \w; \s shares nothing with either.
      if (x === y || (x !== 'space' && y !== 'space')) return true;
    }
  }
  return false;
}

/** A small reader of JavaScript pattern syntax (u flag), enough to see structure and quantifiers. */
class Reader {
  private i = 0;
  constructor(private readonly source: string) {}

  readAlternatives(inGroup: boolean): PatternNode[][] {
    const alternatives: PatternNode[][] = [[]];
    while (this.i < this.source.length) {
      const c = this.source[this.i];
      if (c === ')') {
        if (!inGroup) throw new Error('unbalanced ")"');
        return alternatives;
      }
      if (c === '|') {
        this.i += 1;
        alternatives.push([]);
        continue;
      }
      const node = this.readTerm();
      alternatives[alternatives.length - 1]?.push(node);
    }
    if (inGroup) throw new Error('unclosed group "("');
    return alternatives;
  }

  private readTerm(): PatternNode {
    const start = this.i;
    const c = this.source[this.i] ?? '';
    let node: PatternNode;
    if (c === '(') {
      this.i += 1;
      let lookaround = false;
      if (this.source.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/u.test(this.source.slice(this.i, this.i + 3))) {
        lookaround = true;
        this.i += this.source[this.i + 1] === '<' ? 3 : 2;
      } else if (this.source.startsWith('?<', this.i)) {
        const close = this.source.indexOf('>', this.i);
        if (close < 0) throw new Error('unclosed group name');
        this.i = close + 1;
      }
      const alternatives = this.readAlternatives(true);
      this.i += 1; // ')'
      node = { kind: 'group', alternatives, lookaround, quant: ONE, start, end: this.i };
    } else if (c === '[') {
      this.readClass();
      node = { kind: 'atom', first: ANY, empty: false, quant: ONE, start, end: this.i };
    } else if (c === '\\') {
      const { first, empty } = this.readEscape();
      node = { kind: 'atom', first, empty, quant: ONE, start, end: this.i };
    } else if (c === '^' || c === '$') {
      this.i += 1;
      node = { kind: 'atom', first: chars(), empty: true, quant: ONE, start, end: this.i };
    } else if (c === '.') {
      this.i += 1;
      node = { kind: 'atom', first: ANY, empty: false, quant: ONE, start, end: this.i };
    } else {
      const codePoint = this.source.codePointAt(this.i) ?? 0;
      const text = String.fromCodePoint(codePoint);
      this.i += text.length;
      node = { kind: 'atom', first: chars(text), empty: false, quant: ONE, start, end: this.i };
    }
    const quant = this.readQuantifier();
    if (quant) {
      node.quant = quant;
      node.end = this.i;
    }
    return node;
  }

  private readClass(): void {
    this.i += 1;
    while (this.i < this.source.length && this.source[this.i] !== ']') {
      this.i += this.source[this.i] === '\\' ? 2 : 1;
    }
    if (this.i >= this.source.length) throw new Error('unclosed character class "["');
    this.i += 1;
  }

  private readEscape(): { first: FirstSet; empty: boolean } {
    const next = this.source[this.i + 1] ?? '';
    this.i += 2;
    switch (next) {
      case 'd':
        return { first: cls('digit'), empty: false };
      case 'w':
        return { first: cls('word'), empty: false };
      case 's':
        return { first: cls('space'), empty: false };
      case 'b':
      case 'B':
        return { first: chars(), empty: true };
      case 'u':
      case 'x':
      case 'p':
      case 'P':
      case 'k':
      case 'c': {
        // \u{…}, \uXXXX, \xXX, \p{…}, \k<name>, \cX: skip the argument, treat as any character.
        const brace = this.source[this.i] === '{' ? this.source.indexOf('}', this.i) : -1;
        const angle = this.source[this.i] === '<' ? this.source.indexOf('>', this.i) : -1;
        if (brace >= 0) this.i = brace + 1;
        else if (angle >= 0) this.i = angle + 1;
        else {
          const length = next === 'u' ? 4 : next === 'x' ? 2 : next === 'c' ? 1 : 0;
          this.i += length;
        }
        // A backreference (\k, \1…) can match nothing: not used for overlap, kept conservative.
        return { first: ANY, empty: false };
      }
      default:
        if (/^[1-9]$/u.test(next)) return { first: ANY, empty: false };
        if (/^[DWS]$/u.test(next)) return { first: ANY, empty: false };
        if (next === 'n') return { first: chars('\n'), empty: false };
        if (next === 't') return { first: chars('\t'), empty: false };
        if (next === 'r') return { first: chars('\r'), empty: false };
        return { first: chars(next), empty: false };
    }
  }

  private readQuantifier(): Quantifier | undefined {
    const c = this.source[this.i];
    let quant: Quantifier | undefined;
    if (c === '*') quant = { min: 0, max: Infinity };
    else if (c === '+') quant = { min: 1, max: Infinity };
    else if (c === '?') quant = { min: 0, max: 1 };
    if (quant) this.i += 1;
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/u.exec(this.source.slice(this.i));
      if (!match) return undefined;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity;
      quant = { min, max };
      this.i += match[0].length;
    }
    if (quant && this.source[this.i] === '?') this.i += 1; // lazy: same risk
    return quant;
  }
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { urlMatchesPattern } from '../../../lib/search/url-match';
import { matchUrlGlob } from '../../../features/tour/match';
import { matchGlob, type GlobMatchStats } from '../../../lib/url/glob';

/** The regex the globs used to compile to (kept here only as the reference semantics). */
function referenceRegExp(glob: string): RegExp {
  const source = glob
    .split(/\*+/u)
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'u');
}

/** A small deterministic generator (no flaky random tests). */
function* strings(alphabet: string, maxLength: number): Generator<string> {
  yield '';
  let layer = [''];
  for (let length = 1; length <= maxLength; length += 1) {
    const next: string[] = [];
    for (const prefix of layer) for (const c of alphabet) next.push(prefix + c);
    yield* next;
    layer = next;
  }
}

describe('matchGlob', () => {
  it('agrees with the old regex semantics on every glob and subject of a small alphabet', () => {
    const globs = [...strings('a*/.', 5)];
    const subjects = [...strings('a/.b', 4)];
    const disagreements: string[] = [];
    for (const glob of globs) {
      const reference = referenceRegExp(glob);
      for (const subject of subjects) {
        if (matchGlob(glob, subject) !== reference.test(subject)) {
          disagreements.push(`${glob} vs ${subject}`);
        }
      }
    }
    expect(globs.length * subjects.length).toBeGreaterThan(400_000);
    expect(disagreements).toEqual([]);
  });

  it('treats regex syntax, ? and # as literal characters', () => {
    expect(matchGlob('/a.b', '/aXb')).toBe(false);
    expect(matchGlob('/a.b', '/a.b')).toBe(true);
    expect(matchGlob('/search?q=*', '/search?q=社保')).toBe(true);
    expect(matchGlob('/(x)+[y]$^|\\', '/(x)+[y]$^|\\')).toBe(true);
    expect(matchGlob('/index.html#/docs/*', '/index.html#/docs/new')).toBe(true);
    expect(matchGlob('/A*', '/a')).toBe(false);
  });

  it('matches a star-heavy glob against a long near-miss address in bounded steps (no backtracking)', () => {
    const glob = `${'*a'.repeat(20)}*b`;
    const subject = `/${'a'.repeat(5000)}`;
    const stats: GlobMatchStats = { comparisons: 0 };
    expect(matchGlob(glob, subject, stats)).toBe(false);
    // The bound: subject length × glob length; a backtracking regex needs ~C(5000, 20) steps.
    expect(stats.comparisons).toBeLessThanOrEqual(subject.length * glob.length);
    const hit: GlobMatchStats = { comparisons: 0 };
    expect(matchGlob(glob, `${subject}b`, hit)).toBe(true);
    expect(hit.comparisons).toBeLessThanOrEqual((subject.length + 1) * glob.length);
  });

  it('tour and help matchers use it, not regexes built from globs', () => {
    for (const file of ['features/tour/match.ts', 'lib/search/url-match.ts', 'lib/url/glob.ts']) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/new RegExp\(/u);
      expect(source, file).not.toMatch(/\.join\('\.\*'\)/u);
    }
    const long = `http://gov.local/${'a'.repeat(5000)}`;
    expect(matchUrlGlob(`/${'*a'.repeat(20)}*b`, long)).toBe(false);
    expect(urlMatchesPattern(long, `/${'*a'.repeat(20)}*b`)).toBe(false);
    expect(urlMatchesPattern(long, '/*a')).toBe(true);
  });
});

describe('help urlPatterns as authors read them (issue 13)', () => {
  it('a help pattern written in Chinese matches the encoded address', () => {
    expect(urlMatchesPattern('http://wiki.gov.example/wiki/%E9%A6%96%E9%A1%B5', '/wiki/首页')).toBe(
      true,
    );
    expect(urlMatchesPattern('http://wiki.gov.example/wiki/%E9%A6%96%E9%A1%B5', '/wiki/帮助')).toBe(
      false,
    );
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_LIMITS } from '../../../lib/content/limits';
import { findRegexRisks } from '../../../lib/content/regex-safety';
import { evaluateAdvance } from '../../../features/tour/advance';

/** Every `pattern:` written in the real tours and the e2e fixture tours. */
function patternsInContent(): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'pattern' && typeof item === 'string') found.push(item);
        else walk(item);
      }
    }
  };
  for (const dir of ['tours', 'tests/fixtures/e2e-tours']) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        walk(parse(readFileSync(join(dir, entry.name, 'tour.yaml'), 'utf8')));
      } catch {
        // Folders without a tour.yaml (rules, help, quizzes).
      }
    }
  }
  return found;
}

describe('findRegexRisks', () => {
  it.each([
    '(a+)+',
    '(a+)+b',
    '(a*)*',
    '(a|a)*',
    '(a|ab)+c',
    '(\\w+\\s?)*',
    '(\\w+\\s?)*$',
    '(a{1,3})+',
    '((ab)+c)*',
    '(?:x+)+y',
    '(\\d|[0-9])+',
    '(a|)+',
    '^(([a-z])+.)+[A-Z]([a-z])+$',
    '(.*a){2,}',
    '(a?a)+',
    '(a?a?)+',
    '(\\d?\\d)+',
  ])('refuses the catastrophic shape %s', (pattern) => {
    expect(findRegexRisks(pattern).length).toBeGreaterThan(0);
  });

  it.each([
    '.+',
    '\\s*\\S+\\s*',
    '[\\s\\S]*\\S[\\s\\S]*',
    '\\d[\\d,]*(\\.\\d+)?',
    '\\s*(YZ\\d+|[0-9A-Za-z]{18})\\s*',
    '.{2,80}(通知|请示|报告)',
    '[\\u4e00-\\u9fa5·]{2,20}',
    '(\\d{3}-)+\\d{4}',
    '(ab|cd)+',
    '(\\d|a)+',
    '1[3-9]\\d{9}',
    '(-?\\d)+',
    '(a?b)+',
  ])('accepts the ordinary pattern %s', (pattern) => {
    expect(findRegexRisks(pattern)).toEqual([]);
  });

  it('accepts every pattern already used in tours/ and the e2e fixtures', () => {
    const patterns = patternsInContent();
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of patterns) expect(findRegexRisks(pattern), pattern).toEqual([]);
  });

  it('names the fragment and says why', () => {
    const [risk] = findRegexRisks('^(\\w+\\s?)*$');
    expect(risk?.fragment).toBe('(\\w+\\s?)*');
    expect(risk?.message).toMatch(/nested quantifier/u);
    expect(findRegexRisks('x(a|ab)*')[0]?.message).toMatch(/same character/u);
    expect(findRegexRisks('(\\d?\\d)+')[0]?.message).toMatch(/optional part \\d\?/u);
  });
});

describe('input values tested against a pattern', () => {
  it('are capped in length: a longer value does not match, the pattern is not run', () => {
    const advance = { on: 'input', pattern: '[\\s\\S]*\\S[\\s\\S]*' } as const;
    const ok = 'x'.repeat(CONTENT_LIMITS.patternInputChars);
    expect(evaluateAdvance(advance, { kind: 'input', value: ok })).toEqual({ advance: true });
    expect(evaluateAdvance(advance, { kind: 'input', value: `${ok}x` })).toEqual({
      advance: false,
      reason: 'pattern-mismatch',
    });
  });
});

/** The wording helpers behind tour errors (lib/content/explain.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTourError, loadTours } from '../../../features/tour/load';
import { didYouMean, withSuggestion } from '../../../lib/content/explain';
import { boundedOsaDistance } from '../../../lib/search/distance';

const ADVANCE_KINDS = ['next', 'click', 'input', 'change', 'navigation', 'appear', 'disappear'];

describe('didYouMean', () => {
  it.each([
    ['clik', 'click'],
    ['cilck', 'click'],
    ['navigaton', 'navigation'],
    ['Input', 'input'],
  ])('%s → %s', (input, expected) => {
    expect(didYouMean(input, ADVANCE_KINDS)).toBe(expected);
  });

  it('suggests nothing for a word that is not a slip of any candidate', () => {
    expect(didYouMean('hover', ADVANCE_KINDS)).toBeUndefined();
    expect(didYouMean('usc', ['idCard'])).toBeUndefined();
  });

  it('prefers a difference of case over an edit (idcard → idCard, not idCards)', () => {
    expect(didYouMean('idcard', ['idCards', 'idCard'])).toBe('idCard');
  });

  it('counts a transposition as one edit', () => {
    expect(boundedOsaDistance('cilck', 'click', 3)).toBe(1);
    expect(boundedOsaDistance('', 'abc', 3)).toBe(3);
  });
});

describe('withSuggestion', () => {
  it('adds the suggestion to both halves of a bilingual message', () => {
    expect(withSuggestion('未知的键 / unknown key', 'title')).toBe(
      '未知的键，是不是想写 "title"？ / unknown key; did you mean "title"?',
    );
    expect(withSuggestion('未知的键 / unknown key', undefined)).toBe('未知的键 / unknown key');
  });
});

describe('an unknown key with nothing close lists the keys allowed there', () => {
  it('on a step', () => {
    const root = mkdtempSync(join(tmpdir(), 'zhiyin-explain-'));
    try {
      mkdirSync(join(root, 'tours/t'), { recursive: true });
      writeFileSync(
        join(root, 'tours/t/tour.yaml'),
        [
          'id: t',
          'title: 测试',
          'summary: 测试',
          'module: 认知',
          'audience: [基层用户]',
          "applies: { url: '/x*' }",
          'steps:',
          '  - id: one',
          '    body: 第一步',
          '    hint: 额外说明',
          '',
        ].join('\n'),
      );
      const { errors } = loadTours([join(root, 'tours')], { cwd: root });
      expect(errors.map(formatTourError)).toEqual([
        'tours/t/tour.yaml:10:5: steps[0].hint: 未知的键 hint，这里可以写：id, target, frame, page, title, body, placement, advance, missing, optional, guard, check / unknown key "hint"; allowed here: id, target, frame, page, title, body, placement, advance, missing, optional, guard, check',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

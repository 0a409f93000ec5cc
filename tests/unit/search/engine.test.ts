import { describe, expect, it } from 'vitest';
import { boundedOsaDistance } from '../../../lib/search/distance';
import { InvertedIndex } from '../../../lib/search/engine';

// Two fields: 0 = title, 1 = body.
const docs = [
  {
    fields: [
      ['gongwen', 'shenhe'],
      ['gongwen', 'gongwen', 'guidang'],
    ],
  },
  { fields: [['gongwenku'], ['chaxun']] },
  { fields: [['mima'], ['mima', 'chongzhi']] },
];
const index = InvertedIndex.build(2, docs);
const query = (term: string, extra: Partial<Parameters<InvertedIndex['search']>[0][number]> = {}) =>
  index.search([{ term, fields: [0, 1], prefix: false, fuzzy: 0, boost: 1, ...extra }], [1, 1]);

describe('InvertedIndex', () => {
  it('finds exact terms in the requested fields only', () => {
    expect([...query('gongwen').keys()]).toEqual([0]);
    expect([...query('chaxun', { fields: [0] }).keys()]).toEqual([]);
  });

  it('ranks a higher term frequency and a title match higher (BM25+)', () => {
    const r = index.search(
      [{ term: 'gongwen', fields: [0, 1], prefix: true, fuzzy: 0, boost: 1 }],
      [3, 1],
    );
    expect((r.get(0)?.score ?? 0) > (r.get(1)?.score ?? 0)).toBe(true);
    expect(r.get(1)?.match.get('gongwenku')).toEqual(new Set([0]));
  });

  it('expands prefixes and typos, recording which query term matched', () => {
    expect([...query('gongw', { prefix: true }).keys()].sort()).toEqual([0, 1]);
    const typo = query('gongwne', { fuzzy: 1 });
    expect([...typo.keys()]).toEqual([0]);
    expect(typo.get(0)?.queryTerms).toEqual(new Set(['gongwne']));
    expect(typo.get(0)?.match.has('gongwen')).toBe(true);
  });

  it('scores a synonym (boost < 1) lower than the word itself', () => {
    const exact = query('mima').get(2)?.score ?? 0;
    const boosted = query('mima', { boost: 0.8 }).get(2)?.score ?? 0;
    expect(boosted).toBeCloseTo(exact * 0.8);
  });

  it('round-trips through JSON', () => {
    const loaded = InvertedIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(
      loaded.search([{ term: 'gongw', fields: [0, 1], prefix: true, fuzzy: 0, boost: 1 }], [1, 1]),
    ).toEqual(
      index.search([{ term: 'gongw', fields: [0, 1], prefix: true, fuzzy: 0, boost: 1 }], [1, 1]),
    );
  });
});

describe('boundedOsaDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(boundedOsaDistance('gongwne', 'gongwen', 2)).toBe(1);
    expect(boundedOsaDistance('yanzhnegma', 'yanzhengma', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(boundedOsaDistance('mima', 'mimma', 2)).toBe(1);
    expect(boundedOsaDistance('shenhe', 'shenpi', 2)).toBe(2);
  });

  it('gives up beyond the bound', () => {
    expect(boundedOsaDistance('gongwen', 'zhizhao', 2)).toBe(3);
    expect(boundedOsaDistance('a', 'abcdef', 2)).toBe(3);
  });
});

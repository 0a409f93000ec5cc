import { describe, expect, it } from 'vitest';
import type { HelpHit, Segment } from '../../../features/help/search-index';
import {
  createHelpIndex,
  loadHelpIndex,
  MAX_QUERY_LENGTH,
} from '../../../features/help/search-index';
import { HELP_DOCS } from './help-docs';

const index = createHelpIndex(HELP_DOCS);
const ids = (query: string, currentUrl?: string) =>
  index.search(query, currentUrl ? { currentUrl } : {}).map((hit) => hit.id);
const top = (query: string) => ids(query)[0];
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('createHelpIndex / search', () => {
  it('indexes every document', () => {
    expect(index.size).toBe(HELP_DOCS.length);
  });

  it('finds exact Chinese words', () => {
    expect(top('营业执照')).toBe('business-license');
    expect(top('附件上传失败')).toBe('attachment-failed');
    expect(top('涉密文件')).toBe('secret-files');
  });

  it('finds partial words and single characters (no spaces in Chinese)', () => {
    expect(top('营业执')).toBe('business-license');
    expect(top('泄露')).toBe('data-leak');
    expect(ids('锁')).toContain('account-locked');
  });

  it('ranks documents that match every part of a query above those matching one part', () => {
    const hits = ids('公文审核卡顿');
    expect(hits[0]).toBe('review-stuck');
  });

  it('finds titles by full pinyin, with or without syllable breaks', () => {
    expect(top('yingyezhizhao')).toBe('business-license');
    expect(top('mimashezhi')).toBe('password-rules');
    expect(top('xinjiangongwen')).toBe('gongwen-new');
    expect(ids('gongwen')).toContain('gongwen-new');
  });

  it('finds titles by initials', () => {
    expect(top('yyzz')).toBe('business-license');
    expect(top('mmsz')).toBe('password-rules');
    expect(ids('gw')).toContain('gongwen-new');
  });

  it('tolerates typos in pinyin but never fuzzes Chinese', () => {
    expect(ids('gongwne')).toContain('gongwen-new');
    expect(top('yingyezhizaho')).toBe('business-license');
    // 营业执照 with one wrong character finds nothing through that character pair.
    expect(ids('营叶')).not.toContain('business-license');
  });

  it('matches prefixes while typing', () => {
    expect(top('yingyezh')).toBe('business-license');
    expect(ids('mima')).toContain('password-rules');
  });

  it('applies synonyms at query time', () => {
    expect(top('口令设置')).toBe('password-rules');
    expect(top('执照')).toBe('business-license');
    expect(top('帐号锁定')).toBe('account-locked');
    expect(top('登陆失败')).toBe('account-locked');
    expect(top('月度数据报送')).toBe('monthly-report');
  });

  it('does not apply a one-character synonym inside another word', () => {
    // 卡 alone means 卡顿; 社保卡 must not pull in the 卡顿 article.
    expect(top('审核很卡')).toBe('review-stuck');
    expect(ids('社保卡')).not.toContain('review-stuck');
  });

  it('boosts documents that apply to the current page', () => {
    // Both articles mention Excel in their bodies; the page decides which one comes first.
    const onReportPage = index.search('excel', {
      currentUrl: 'http://127.0.0.1:4173/shuju/monthly',
    });
    expect(onReportPage[0]).toMatchObject({ id: 'monthly-report', onCurrentPage: true });
    const onServicePage = index.search('excel', {
      currentUrl: 'http://127.0.0.1:4173/bianmin/list',
    });
    expect(onServicePage[0]).toMatchObject({ id: 'template-import', onCurrentPage: true });
    expect(onServicePage.find((h) => h.id === 'monthly-report')?.onCurrentPage).toBe(false);
  });

  it('keeps a clearly better match above a weak one on the current page', () => {
    const hits = index.search('模板导入', { currentUrl: 'http://127.0.0.1:4173/shuju/monthly' });
    expect(hits[0]?.id).toBe('template-import');
  });

  it('reports which fields and terms matched', () => {
    const [hit] = index.search('gongwen');
    expect(hit?.matched).toContainEqual({
      field: 'pinyin',
      terms: expect.arrayContaining(['gongwen']),
    });
  });

  it('returns nothing for empty, whitespace and punctuation-only queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \u3000 ')).toEqual([]);
    expect(index.search('？！，。…')).toEqual([]);
  });

  it('ignores punctuation and reads full-width characters as half-width', () => {
    expect(top('附件？？')).toBe('attachment-failed');
    expect(top('“营业执照”')).toBe('business-license');
    expect(ids('ＰＤＦ')).toContain('attachment-failed');
    expect(ids('ｙｙｚｚ')[0]).toBe('business-license');
  });

  it('handles very long queries within the length cap', () => {
    const long = `营业执照${'的'.repeat(500)}`;
    expect(top(long)).toBe('business-license');
    const tooLong = `${'公'.repeat(MAX_QUERY_LENGTH)}营业执照`;
    expect(ids(tooLong)).not.toContain('business-license');
  });

  it('respects the limit', () => {
    expect(index.search('审核', { limit: 2 })).toHaveLength(2);
    expect(index.search('审核', { limit: 0 })).toEqual([]);
  });
});

describe('highlights', () => {
  const hit = (query: string): HelpHit => {
    const found = index.search(query)[0];
    if (!found) throw new Error(`no hit for ${query}`);
    return found;
  };

  it('marks the matched part of the title and keeps the full title text', () => {
    const { title } = hit('营业执照').highlights;
    expect(joined(title)).toBe('营业执照办理流程');
    expect(marked(title)).toEqual(['营业执照']);
  });

  it('marks Chinese words found through pinyin and initials', () => {
    expect(marked(hit('yingyezhizhao').highlights.title)).toEqual(['营业执照']);
    expect(marked(hit('mmsz').highlights.title)).toEqual(['密码设置']);
  });

  it('marks synonyms where they occur, not the word typed', () => {
    expect(marked(hit('口令').highlights.title)).toEqual(['密码']);
  });

  it('gives a body snippet around the match, cut with ellipses', () => {
    const { snippet } = hit('加密通道').highlights;
    expect(marked(snippet)).toContain('加密通道');
    const doc = HELP_DOCS.find((d) => d.id === 'secret-files');
    expect(doc?.body).toContain(joined(snippet).replace(/…/g, ''));
  });

  it('does not mark question words such as 怎么办', () => {
    const found = hit('附件传不上去怎么办');
    expect(found.id).toBe('attachment-failed');
    expect(marked(found.highlights.title)).toContain('附件');
    expect(marked(found.highlights.title).join('')).not.toContain('怎么');
  });

  it('marks only the typed part of a pinyin prefix match', () => {
    expect(marked(hit('mima').highlights.title)).toEqual(['密码']);
  });

  it('strips Markdown markers from snippets', () => {
    const text = joined(hit('一文一事').highlights.snippet);
    expect(text).toContain('请示须一文一事');
    expect(text).not.toContain('**');
  });

  it('are plain segments: no HTML is ever produced', () => {
    const all = index
      .search('审核')
      .flatMap((h) => [...h.highlights.title, ...h.highlights.snippet]);
    expect(all.length).toBeGreaterThan(0);
    for (const segment of all) expect(Object.keys(segment).sort()).toEqual(['match', 'text']);
  });
});

describe('forPage', () => {
  it('lists documents that apply to the page', () => {
    expect(index.forPage('http://127.0.0.1:4173/bianmin/list').map((d) => d.id)).toEqual([
      'business-license',
      'template-import',
      'progress-query',
    ]);
    expect(index.forPage('http://127.0.0.1:4173/other')).toEqual([]);
  });
});

describe('serialisation', () => {
  it('round-trips through JSON text with identical results', () => {
    const loaded = loadHelpIndex(JSON.stringify(index.toJSON()));
    for (const query of ['营业执照', 'gw', 'gongwne', '口令', '审核']) {
      expect(loaded.search(query, { currentUrl: 'http://x/gongwen/new' })).toEqual(
        index.search(query, { currentUrl: 'http://x/gongwen/new' }),
      );
    }
  });

  it('refuses data that is not a help index', () => {
    expect(() => loadHelpIndex('{"format":"other"}')).toThrow(/rebuild/);
    expect(() => loadHelpIndex({ ...index.toJSON(), version: 99 } as never)).toThrow(/rebuild/);
  });
});

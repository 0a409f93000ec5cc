import { describe, expect, it } from 'vitest';
import {
  normalizeWithOrigin,
  pinyinTokens,
  splitPinyin,
  textTokens,
} from '../../../lib/search/text';
import { buildSynonymMap, SYNONYM_GROUPS } from '../../../lib/search/synonyms';
import { urlMatchesPattern } from '../../../lib/search/url-match';

describe('text analysis', () => {
  it('emits bigrams, long words and the last character of a Chinese run', () => {
    const terms = textTokens('营业执照办理', true).map((t) => t.term);
    expect(terms).toEqual(['营业', '业执', '执照', '照办', '办理', '理']);
    // Dictionary words longer than two characters are added whole (ICU splits finely:
    // 中华|人民|共和国).
    expect(textTokens('中华人民共和国', true).map((t) => t.term)).toContain('共和国');
  });

  it('keeps Latin words and numbers whole', () => {
    expect(textTokens('上传pdf不超过10mb', false).map((t) => t.term)).toEqual(
      expect.arrayContaining(['pdf', '10mb', '上传']),
    );
  });

  it('computes pinyin by word so polyphones come out right', () => {
    const { pinyin, initials } = pinyinTokens('银行账号');
    expect(pinyin.map((t) => t.term)).toContain('yinhang');
    expect(initials.map((t) => t.term)).toContain('yhzh');
  });

  it('splits typed pinyin into syllables, allowing an unfinished last one', () => {
    expect(splitPinyin('xinjiangongwen')).toEqual(['xin', 'jian', 'gong', 'wen']);
    expect(splitPinyin('gongw')).toBeUndefined();
    expect(splitPinyin('gongw', true)).toEqual(['gong', 'w']);
    expect(splitPinyin('pdf')).toBeUndefined();
  });

  it('maps normalised offsets back to the original text', () => {
    const { text, origin } = normalizeWithOrigin('ＡＢ公文');
    expect(text).toBe('ab公文');
    expect(origin).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('synonyms', () => {
  it('cover the pairs named in the design', () => {
    const map = buildSynonymMap();
    expect(map.get('口令')).toContain('密码');
    expect(map.get('执照')).toContain('营业执照');
    expect(map.get('报送')).toContain('上报');
    expect(map.get('附件')).toContain('文件');
    expect(map.get('审核')).toContain('审批');
    expect(map.get('帐号')).toEqual(expect.arrayContaining(['账号', '用户名']));
    expect(map.get('卡')).toContain('卡顿');
    expect(map.get('登陆')).toContain('登录');
  });

  it('has no empty or duplicated entries within a group', () => {
    for (const group of SYNONYM_GROUPS) {
      expect(group.length).toBeGreaterThan(1);
      expect(new Set(group).size).toBe(group.length);
    }
  });
});

describe('urlMatchesPattern', () => {
  it('matches path patterns against the path, query and hash', () => {
    expect(urlMatchesPattern('http://127.0.0.1:4173/gongwen/new?id=3', '/gongwen/new*')).toBe(true);
    expect(urlMatchesPattern('http://127.0.0.1:4173/gongwen/list', '/gongwen/new*')).toBe(false);
    expect(urlMatchesPattern('/shuju/monthly', '/shuju/*')).toBe(true);
  });

  it('matches full-URL patterns and treats ? and . literally', () => {
    expect(urlMatchesPattern('https://zw.example.gov.cn/a/b', 'https://*.example.gov.cn/*')).toBe(
      true,
    );
    expect(urlMatchesPattern('https://zwXexample.gov.cn/a', 'https://zw.example.gov.cn/*')).toBe(
      false,
    );
    expect(urlMatchesPattern('http://h/p?x=1', 'http://h/p?x=1')).toBe(true);
    expect(urlMatchesPattern('http://h/pax=1', 'http://h/p?x=1')).toBe(false);
  });
});

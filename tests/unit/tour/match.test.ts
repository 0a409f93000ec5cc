import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tourJsonSchema } from '../../../features/tour/json-schema';
import { matchAnyUrlGlob, matchUrlGlob, tourApplies } from '../../../features/tour/match';
import { currentTourId, validateRenames } from '../../../features/tour/renames';
import {
  TourSchema,
  localizedStep,
  parseDuration,
  startTriggers,
} from '../../../features/tour/schema';

describe('URL globs', () => {
  it.each([
    ['/index.html#/docs/new*', 'http://127.0.0.1:4173/index.html#/docs/new', true],
    ['/index.html#/docs/new*', 'http://127.0.0.1:4173/index.html#/docs/new?draft=1', true],
    ['/index.html#/docs/new*', 'http://127.0.0.1:4173/index.html#/docs/list', false],
    ['/index.html#/docs/new*', 'http://127.0.0.1:4173/other.html#/docs/new', false],
    ['/gongwen/new*', 'http://gov.local/gongwen/new/step-2', true],
    ['/gongwen/new', 'http://gov.local/gongwen/new?from=menu', true],
    ['/gongwen/new', 'http://gov.local/gongwen/newer', false],
    ['/gongwen/*/edit', 'http://gov.local/gongwen/123/edit', true],
    ['/search?q=*', 'http://gov.local/search?q=社保', true],
    ['/search?q=*', 'http://gov.local/search', false],
    ['/a.b', 'http://gov.local/aXb', false],
    ['http://127.0.0.1:4173/*', 'http://127.0.0.1:4173/index.html#/x', true],
    ['http://127.0.0.1:4173/*', 'http://localhost:4173/index.html', false],
  ])('%s vs %s → %s', (glob, url, expected) => {
    expect(matchUrlGlob(glob, url)).toBe(expected);
  });

  it('matches any of several globs', () => {
    expect(matchAnyUrlGlob(['/a*', '/b*'], 'http://x/b/1')).toBe(true);
    expect(matchAnyUrlGlob(['/a*', '/b*'], 'http://x/c')).toBe(false);
  });

  it('tourApplies checks only the URL when no document is given (popup)', () => {
    const applies = { url: '/gongwen/new*', when: [{ present: { text: '新建公文' } }] };
    expect(tourApplies(applies, { url: 'http://gov.local/gongwen/new' })).toBe(true);
    expect(tourApplies(applies, { url: 'http://gov.local/home' })).toBe(false);
  });
});

describe('schema helpers', () => {
  it('parses durations', () => {
    expect(parseDuration('5s')).toBe(5000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('1m')).toBe(60_000);
    expect(() => parseDuration('5 seconds')).toThrow(RangeError);
  });

  const base = {
    id: 'x',
    title: '标题',
    summary: '摘要',
    module: '安全',
    audience: ['技术支持人员'],
    applies: { url: '/x' },
    steps: [{ id: 'one', body: '正文', title: '第一步' }],
  };

  it('defaults start to manual and lists triggers', () => {
    expect(startTriggers(TourSchema.parse(base))).toEqual(['manual']);
    expect(
      startTriggers(TourSchema.parse({ ...base, start: { on: ['first-visit', 'tip'] } })),
    ).toEqual(['first-visit', 'tip']);
  });

  it('localizes step texts with a fallback to Chinese and rejects translations of unknown steps', () => {
    const tour = TourSchema.parse({
      ...base,
      i18n: { en: { steps: { one: { title: 'Step one' } } } },
    });
    expect(localizedStep(tour, tour.steps[0]!, 'en')).toEqual({ title: 'Step one', body: '正文' });
    expect(localizedStep(tour, tour.steps[0]!, 'zh-CN')).toEqual({ title: '第一步', body: '正文' });
    const bad = TourSchema.safeParse({
      ...base,
      i18n: { en: { steps: { nope: { title: 'x' } } } },
    });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['i18n', 'en', 'steps', 'nope'],
      message: '没有 id 为 "nope" 的步骤 / no step with id "nope"',
    });
  });

  it('rejects an input pattern that is not a regular expression', () => {
    const bad = TourSchema.safeParse({
      ...base,
      steps: [
        { id: 'one', body: 'x', target: { label: 'a' }, advance: { on: 'input', pattern: '([' } },
      ],
    });
    expect(bad.error?.issues[0]?.message).toBe(
      'pattern 不是有效的正则表达式 / pattern is not a valid regular expression',
    );
  });

  it('tours/schema.json is the current export of the schema (run npm run tours:schema)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../tours/schema.json'), 'utf8'),
    );
    expect(committed).toEqual(tourJsonSchema());
  });
});

describe('renames', () => {
  it('accepts a flat map of old → current ids and resolves old ids', () => {
    expect(validateRenames({ 'old-a': 'tour-a', 'old-b': 'tour-a' }, ['tour-a'])).toEqual([]);
    expect(currentTourId({ 'old-a': 'tour-a' }, 'old-a')).toBe('tour-a');
    expect(currentTourId({ 'old-a': 'tour-a' }, 'tour-b')).toBe('tour-b');
  });

  it('rejects self-renames, non-ids and non-objects', () => {
    expect(validateRenames({ a: 'a' })[0]?.message).toBe('"a" is renamed to itself');
    expect(validateRenames({ 'Bad Id': 'a' })[0]?.message).toBe(
      '"Bad Id" is not a kebab-case tour id',
    );
    expect(validateRenames(['a'])[0]?.message).toMatch(/JSON object/u);
  });

  it('tours/renames.json of this repository is valid', () => {
    const renames: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../tours/renames.json'), 'utf8'),
    );
    expect(validateRenames(renames)).toEqual([]);
  });
});

describe('URL patterns as authors read them (issue 13)', () => {
  it('a pattern written in Chinese matches the percent-encoded address the browser reports', () => {
    const wiki =
      'http://wiki.gov.example/index.php/%E7%89%B9%E6%AE%8A:%E7%94%A8%E6%88%B7%E7%99%BB%E5%BD%95?returnto=%E9%A6%96%E9%A1%B5';
    expect(matchUrlGlob('/index.php/特殊:用户登录*', wiki)).toBe(true);
    expect(matchUrlGlob('/index.php/特殊:用户登录', wiki)).toBe(true); // query strings are incidental
    expect(matchUrlGlob('http://wiki.gov.example/index.php/特殊:*', wiki)).toBe(true);
    // The encoded writing still works, and a different page still does not match.
    expect(matchUrlGlob('/index.php/%E7%89%B9%E6%AE%8A:*', wiki)).toBe(true);
    expect(matchUrlGlob('/index.php/首页*', wiki)).toBe(false);
  });

  it('SPA routes in the fragment match decoded too', () => {
    expect(
      matchUrlGlob('/index.html#/办件/*', new URL('http://oa.example/index.html#/办件/列表')),
    ).toBe(true);
  });

  it('GBK and broken escapes never throw and stay literal', () => {
    const gbk = 'http://oa.example/files/%D5%C5%C8%FD.html';
    expect(matchUrlGlob('/files/%D5%C5%C8%FD.html', gbk)).toBe(true);
    expect(matchUrlGlob('/files/张三.html', gbk)).toBe(false);
    expect(matchUrlGlob('/a/%zz/用户*', 'http://oa.example/a/%zz/%E7%94%A8%E6%88%B7/x')).toBe(true);
  });
});

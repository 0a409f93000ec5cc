import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { helpDocs, parseHelpDocKey } from '../../../features/help/docs';
import {
  MISS_DEDUPE_MS,
  recordSearchMiss,
  searchMissesCsv,
  summarizeSearchMisses,
} from '../../../features/help/misses';
import { createHelpIndex } from '../../../features/help/search-index';
import { loadTours } from '../../../features/tour/load';
import { loadProjectHelp } from '../../../features/help/build-plugin';
import { loadProjectRules } from '../../../features/rules/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';

const repo = resolve(import.meta.dirname, '../../..');
const dirs = tourDirs(repo, {});
const { articles } = loadProjectHelp(repo, dirs);
const { tours } = loadTours(dirs, { cwd: repo });
const { rules } = loadProjectRules(repo, dirs);

describe('the popup help index over the real articles and tours', () => {
  const started = performance.now();
  const index = createHelpIndex(helpDocs(articles, tours, 'zh_CN', rules.tips));
  const buildMs = performance.now() - started;
  const top = (query: string, currentUrl?: string) =>
    index
      .search(query, currentUrl ? { currentUrl, limit: 5 } : { limit: 5 })
      .map((hit) => parseHelpDocKey(hit.id).id);

  it('indexes every article and tour', () => {
    expect(rules.tips.length).toBeGreaterThan(0);
    expect(index.size).toBe(articles.length + tours.length + rules.tips.length);
    // Printed for the record (Node; the popup measures its own build in Chromium).
    console.info(`help index: ${index.size} docs built in ${buildMs.toFixed(1)} ms (Node, cold)`);
  });

  it('answers the training plan questions by Chinese words, pinyin, initials and synonyms', () => {
    expect(top('附件上传失败')[0]).toBe('faq-attachment-upload-failed');
    expect(top('审核流程卡顿')[0]).toBe('faq-review-stuck');
    expect(top('账号被锁定')).toContain('faq-login-failed');
    expect(top('gongwen').length).toBeGreaterThan(0);
    expect(top('gongwen').some((id) => id.includes('gongwen') || id.includes('document'))).toBe(
      true,
    );
    expect(top('gw').length).toBeGreaterThan(0);
    expect(top('口令')).toContain('sec-password-rules');
    expect(top('三不准')[0]).toBe('norm-three-nots-four-musts');
    expect(top('命名规则')[0]).toBe('norm-document-naming');
  });

  it('finds compliance tips as rules', () => {
    const hits = index.search('导出数据 保密', { limit: 5 });
    expect(hits.map((hit) => hit.id)).toContain('rule:no-data-leak-export');
  });

  it('marks what applies to the current page and lists it for an empty query', () => {
    const url = 'http://127.0.0.1:4173/login.html';
    const hits = index.search('密码', { currentUrl: url, limit: 10 });
    const here = hits.filter((hit) => hit.onCurrentPage).map((hit) => parseHelpDocKey(hit.id).id);
    expect(here).toContain('faq-login-failed');
    expect(index.forPage(url).map((doc) => doc.id)).toEqual([
      'article:faq-login-failed',
      'tour:anquan-login-lockout',
    ]);
  });

  it('finds English text in English mode', () => {
    const en = createHelpIndex(helpDocs(articles, tours, 'en'));
    const ids = en.search('password', { limit: 5 }).map((hit) => parseHelpDocKey(hit.id).id);
    expect(ids).toContain('sec-password-rules');
  });
});

describe('search misses', () => {
  let db: ZhiyinDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('records a scrubbed query once per dedupe window and summarises by query', async () => {
    db = new ZhiyinDatabase(`misses-${Math.random()}`);
    const t0 = Date.UTC(2026, 10, 28, 2);
    const page = 'http://127.0.0.1:4173/index.html?token=abc#/docs/new';
    expect(await recordSearchMiss(db.searchMisses, '  打印  公章 ', page, t0)).toBe(true);
    expect(await recordSearchMiss(db.searchMisses, '打印 公章', page, t0 + 1000)).toBe(false);
    expect(await recordSearchMiss(db.searchMisses, '打印 公章', null, t0 + MISS_DEDUPE_MS)).toBe(
      true,
    );
    expect(await recordSearchMiss(db.searchMisses, '13812345678 怎么办', null, t0)).toBe(true);
    expect(await recordSearchMiss(db.searchMisses, '   ', null, t0)).toBe(false);

    const records = await db.searchMisses.toArray();
    expect(records.map((record) => record.query)).toContain('[手机号] 怎么办');
    expect(records[0]?.url).toBe('http://127.0.0.1:4173/index.html?token=#/docs/new');

    const summary = summarizeSearchMisses(records);
    expect(summary[0]).toMatchObject({ query: '打印 公章', count: 2, lastAt: t0 + MISS_DEDUPE_MS });
    const csv = searchMissesCsv(summary);
    expect(csv.startsWith('\uFEFFquery,count,firstAt,lastAt,pages\r\n打印 公章,2,')).toBe(true);
  });

  it('defuses spreadsheet formulas in the CSV', () => {
    const csv = searchMissesCsv([
      { query: '=HYPERLINK("x")', count: 1, firstAt: 0, lastAt: 0, pages: [] },
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

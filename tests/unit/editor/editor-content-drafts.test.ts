import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleDraftToItem,
  articleToDraft,
  checkArticleDraft,
  checkTipDraft,
  newArticleDraft,
  newTipDraft,
  parseContentDraft,
  parseList,
  ruleToTipDraft,
  tipDraftToRule,
  type ArticleDraft,
  type TipDraft,
} from '../../../features/editor/content-drafts';
import { loadHelpArticles } from '../../../features/help/load';
import { HelpArticleSchema } from '../../../features/help/schema';
import { loadRules } from '../../../features/rules/load';
import { loadTours } from '../../../features/tour/load';
import { TipRuleSchema } from '../../../features/rules/schema';

const ROOT = resolve(import.meta.dirname, '../../..');
const TOUR_IDS = ['gongwen-new-document', 'gongwen-review'];
const MARKERS = ['permission-denied', 'password-changed'];

const article = (over: Partial<ArticleDraft> = {}): ArticleDraft => ({
  ...newArticleDraft('draft-a', 1),
  articleId: 'faq-seal-missing',
  title: '盖章页缺失怎么办',
  keywords: ['盖章', '签章'],
  applies: ['/index.html#/docs/*'],
  tours: ['gongwen-new-document'],
  body: '先在**附件**中上传盖章页。',
  ...over,
});
const tip = (over: Partial<TipDraft> = {}): TipDraft => ({
  ...newTipDraft('draft-t', 1),
  tipId: 'no-private-copy',
  title: '不准私自复制公文',
  body: '公文只能在系统内流转。',
  actions: ['copy'],
  personalData: true,
  ...over,
});
const paths = (issues: { path: string; message: string }[]) => issues.map((issue) => issue.path);

describe('article drafts', () => {
  it('become the article file the build reads, and validate with its schema', () => {
    const draft = article({ titleEn: 'Seal page missing', keywordsEn: ['seal'] });
    const item = articleDraftToItem(draft);
    expect(item).toEqual({
      id: 'faq-seal-missing',
      title: '盖章页缺失怎么办',
      module: '操作',
      keywords: ['盖章', '签章'],
      applies: ['/index.html#/docs/*'],
      tours: ['gongwen-new-document'],
      body: '先在**附件**中上传盖章页。',
      i18n: { en: { title: 'Seal page missing', keywords: ['seal'] } },
    });
    const checked = checkArticleDraft(draft, { tourIds: TOUR_IDS });
    expect(checked.issues).toEqual([]);
    expect(checked.article).toEqual(HelpArticleSchema.parse(item));
  });

  it('names every problem with its path, in the build words', () => {
    const checked = checkArticleDraft(
      article({ articleId: 'Seal Missing', title: '  ', body: '', tours: ['gongwen-reveiw'] }),
      { tourIds: TOUR_IDS },
    );
    expect(checked.article).toBeNull();
    expect(paths(checked.issues)).toEqual(['id', 'title', 'body', 'tours[0]']);
    const [id, title, body, tour] = checked.issues.map((issue) => issue.message);
    expect(id).toContain('文章 id 只能用小写英文字母');
    expect(title).toContain('title（标题）不能为空');
    expect(body).toContain('body（正文）不能为空');
    expect(tour).toContain('没有 id 为 "gongwen-reveiw" 的引导');
    expect(tour).toContain('"gongwen-review"');
  });

  it('a new draft is not publishable until the trainer writes it', () => {
    const issues = checkArticleDraft(newArticleDraft('x', Date.UTC(2026, 11, 7)), {
      tourIds: [],
    }).issues;
    expect(paths(issues)).toEqual(['title', 'body']);
  });

  it('every bundled article becomes a draft and comes back unchanged', () => {
    const tours = loadTours([resolve(ROOT, 'tours')], { cwd: ROOT }).tours;
    const { articles, errors } = loadHelpArticles([resolve(ROOT, 'tours')], {
      cwd: ROOT,
      tourIds: tours.map((tour) => tour.id),
    });
    expect(errors).toEqual([]);
    expect(articles.length).toBeGreaterThan(3);
    for (const bundled of articles) {
      const again = HelpArticleSchema.parse(articleDraftToItem(articleToDraft(bundled, 'd', 1)));
      expect(again).toEqual(bundled);
    }
  });
});

describe('tip drafts', () => {
  it('become the tip rule the build reads, and validate with its schema', () => {
    const draft = tip({
      urls: ['/index.html#/docs*'],
      roleMode: 'except',
      roles: ['管理人员'],
      titleEn: 'No private copies',
      bodyEn: 'Documents stay in the system.',
      source: '三不准',
    });
    const rule = tipDraftToRule(draft);
    expect(rule).toEqual({
      id: 'no-private-copy',
      where: {
        action: 'copy',
        url: '/index.html#/docs*',
        personalData: true,
        roles: { except: ['管理人员'] },
      },
      tip: {
        severity: 'warning',
        title: '不准私自复制公文',
        body: '公文只能在系统内流转。',
        version: 1,
        source: '三不准',
        i18n: { en: { title: 'No private copies', body: 'Documents stay in the system.' } },
      },
      frequency: 'session',
      acknowledge: false,
      snooze: '1h',
      dismissible: false,
    });
    const checked = checkTipDraft(draft, { markerIds: MARKERS });
    expect(checked.issues).toEqual([]);
    expect(checked.rule).toEqual(TipRuleSchema.parse(rule));
  });

  it('names every problem with its path, in the build words', () => {
    const cases: [Partial<TipDraft>, string, string][] = [
      [{ titleEn: 'Only a title' }, 'tip.i18n.en.body', '缺少必填项 body'],
      [{ actions: ['marker'] }, 'where.marker', 'action 为 marker 时必须写 marker'],
      [{ actions: ['marker'], marker: 'permision-denied' }, 'where.marker', '"permission-denied"'],
      [{ severity: 'critical', dismissible: true }, 'dismissible', '不能提供“不再显示”'],
      [{ snooze: '2 weeks' }, 'snooze', '时间间隔应写成'],
      [{ version: 0 }, 'tip.version', '从 1 开始'],
      [{ tipId: 'No Copy' }, 'id', '提示 id只能用小写英文字母'],
      [{ actions: ['page-open'] }, 'where.personalData', 'personalData 只适用于'],
      [
        { dueSince: 'password-change', dueAfter: '3mo' },
        'due.since',
        '没有 id 为 "password-change" 的标记',
      ],
      [{ dueSince: 'password-changed', dueAfter: 'soon' }, 'due.after', '时间间隔应写成'],
      [{ roleMode: 'only', roles: [] }, 'where.roles.only', ''],
    ];
    for (const [over, path, words] of cases) {
      const checked = checkTipDraft(tip(over), { markerIds: MARKERS });
      expect(checked.rule, path).toBeNull();
      const found = checked.issues.find((issue) => issue.path === path);
      expect(found, `${path} in ${JSON.stringify(checked.issues)}`).toBeDefined();
      expect(found?.message).toContain(words);
    }
  });

  it('a tip without any action says so at where.action', () => {
    const checked = checkTipDraft(tip({ actions: [], personalData: undefined }), {
      markerIds: MARKERS,
    });
    expect(paths(checked.issues)).toContain('where.action');
  });

  it('every bundled tip becomes a draft and comes back unchanged', () => {
    const { rules, errors } = loadRules([resolve(ROOT, 'tours')], { cwd: ROOT });
    expect(errors).toEqual([]);
    expect(rules.tips.length).toBeGreaterThan(3);
    const markerIds = rules.markers.map((marker) => marker.id);
    for (const bundled of rules.tips) {
      const draft = ruleToTipDraft(bundled, 'd', 1);
      const checked = checkTipDraft(draft, { markerIds });
      expect(checked.issues, bundled.id).toEqual([]);
      // A one-item URL list reads back as that URL (the same glob for the engine).
      const url = bundled.where.url;
      const single = Array.isArray(url) && url.length === 1 ? url[0] : url;
      expect(checked.rule).toEqual({
        ...bundled,
        where: { ...bundled.where, ...(url === undefined ? {} : { url: single }) },
      });
    }
  });
});

describe('stored drafts are hostile input', () => {
  it('accepts the editor’s drafts and refuses anything else with the first problem', () => {
    expect(parseContentDraft(article())).toEqual({ draft: article() });
    expect(parseContentDraft(tip())).toEqual({ draft: tip() });
    expect(parseContentDraft({ ...tip(), kind: 'guard' })).toHaveProperty('error');
    expect(parseContentDraft({ ...tip(), script: 'x' })).toHaveProperty('error');
    const long = parseContentDraft(article({ title: 'x'.repeat(201) }));
    expect('error' in long && long.error).toMatch(/^title: /u);
  });
  it('reads keyword lists as typed: commas, 、 and new lines', () => {
    expect(parseList('上传， 格式、大小\n缓存,, ')).toEqual(['上传', '格式', '大小', '缓存']);
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import {
  newArticleDraft,
  newTipDraft,
  type ArticleDraft,
  type TipDraft,
} from '../../../features/editor/content-drafts';
import { createEditorRoutes } from '../../../features/editor/background/routes';
import { buildPayload, publishPack, type PublishRequest } from '../../../features/editor/publish';
import { importPublicKey } from '../../../features/packs/crypto';
import { openPack } from '../../../features/packs/open';
import { HelpArticleSchema } from '../../../features/help/schema';
import { TipRuleSchema } from '../../../features/rules/schema';
import type { Tour } from '../../../features/tour/schema';
import { TEST_PRIVATE_JWK, TEST_PUBLIC_SPKI } from '../packs/fixtures';

const KEY_TEXT = JSON.stringify(TEST_PRIVATE_JWK);
/** A tour in force the article links (only its id matters to the checks). */
const BUNDLED = { id: 'gongwen-new-document' } as Tour;

const article = (over: Partial<ArticleDraft> = {}): ArticleDraft => ({
  ...newArticleDraft('draft-a', 1),
  articleId: 'faq-seal-missing',
  title: '盖章页缺失怎么办',
  keywords: ['盖章'],
  tours: ['gongwen-new-document'],
  body: '先在**附件**中上传盖章页。',
  ...over,
});
const tip = (over: Partial<TipDraft> = {}): TipDraft => ({
  ...newTipDraft('draft-t', 1),
  tipId: 'no-private-copy',
  title: '不准私自复制公文',
  body: '公文只能在系统内流转。',
  actions: ['marker'],
  marker: 'permission-denied',
  ...over,
});
const request = (over: Partial<PublishRequest> = {}): PublishRequest => ({
  packId: 'xunlian-neirong',
  version: 1,
  drafts: [],
  articles: [article()],
  tips: [tip()],
  toursInForce: [BUNDLED],
  markerIds: ['permission-denied'],
  lastVersion: null,
  now: new Date('2026-12-07T08:00:00Z'),
  ...over,
});

describe('publish: articles and tips next to tours', () => {
  it('signs a pack of articles and tips alone; the learner opens it and both validate', async () => {
    const result = await publishPack(request(), KEY_TEXT);
    expect(result.issues).toEqual([]);
    const pack = result.pack;
    if (!pack) throw new Error('not published');
    expect(pack.articleIds).toEqual(['faq-seal-missing']);
    expect(pack.tipIds).toEqual(['no-private-copy']);
    expect(pack.tourIds).toEqual([]);
    const opened = await openPack(pack.text, {
      keys: [await importPublicKey(TEST_PUBLIC_SPKI)],
      bundledTours: [BUNDLED],
      last: null,
    });
    expect(opened.status).toBe('valid');
    if (opened.status !== 'valid') return;
    const [help] = opened.content.help;
    expect(help?.title).toBe('盖章页缺失怎么办');
    expect(HelpArticleSchema.parse(help)).toEqual(help);
    const tips = opened.content.rules.flatMap((file) => file.tips ?? []);
    expect(tips.map((rule) => rule.id)).toEqual(['no-private-copy']);
    expect(TipRuleSchema.parse(tips[0])).toEqual(tips[0]);
    expect(opened.content.rules.flatMap((file) => file.markers ?? [])).toEqual([]);
  });

  it('names the broken article and tip with the paths inside them, and signs nothing', async () => {
    const result = await publishPack(
      request({
        articles: [article({ body: ' ', tours: ['gongwen-nope'] }), article({ title: '重复' })],
        tips: [tip({ marker: 'no-such-marker', titleEn: 'Title only' })],
      }),
      KEY_TEXT,
    );
    expect(result.pack).toBeNull();
    const lines = result.issues.map((issue) => `${issue.where}|${issue.path}|${issue.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^帮助文章 \/ article “盖章页缺失怎么办”\|body\|.*不能为空/u),
        expect.stringMatching(
          /^帮助文章 \/ article “盖章页缺失怎么办”\|tours\[0\]\|没有 id 为 "gongwen-nope"/u,
        ),
        expect.stringMatching(
          /^帮助文章 \/ article “重复”\|id\|文章 id "faq-seal-missing" 与草稿/u,
        ),
        expect.stringMatching(
          /^规范提示 \/ tip “不准私自复制公文”\|where\.marker\|没有 id 为 "no-such-marker" 的标记/u,
        ),
        expect.stringMatching(
          /^规范提示 \/ tip “不准私自复制公文”\|tip\.i18n\.en\.body\|缺少必填项 body/u,
        ),
      ]),
    );
  });

  it('an article linking a tour that is not in force is refused; so is an empty selection', () => {
    const linked = buildPayload(
      request({ toursInForce: [], articles: [article({ tours: ['gongwen-new-document'] })] }),
    );
    expect(linked.issues.map((issue) => issue.path)).toEqual(['tours[0]']);
    const empty = buildPayload(request({ articles: [], tips: [] }));
    expect(empty.issues[0]?.message).toContain('至少选择一份草稿');
  });
});

describe('editor routes: article and tip drafts in Dexie', () => {
  let name = '';
  afterEach(async () => {
    await Dexie.delete(name);
  });

  it('stores, lists, reads and deletes drafts; refuses a malformed one with its reason', async () => {
    name = `zhiyin-editor-routes-${Math.random()}`;
    const db = new ZhiyinDatabase(name);
    let now = 100;
    const routes = createEditorRoutes({ db, now: () => now });
    const sender = {} as never;
    expect(await routes['page:putContentDraft'].handle({ draft: article() }, sender)).toEqual({
      saved: true,
    });
    now = 200;
    expect(await routes['page:putContentDraft'].handle({ draft: tip() }, sender)).toEqual({
      saved: true,
    });
    const bad = await routes['page:putContentDraft'].handle(
      { draft: { ...tip({ id: 'draft-x' }), severity: 'loud' } as never },
      sender,
    );
    expect(bad.saved).toBe(false);
    expect(bad.reason).toContain('severity');
    const listed = await routes['page:listContentDrafts'].handle(undefined as never, sender);
    expect(listed.map((item) => [item.kind, item.itemId, item.updatedAt])).toEqual([
      ['tip', 'no-private-copy', 200],
      ['article', 'faq-seal-missing', 100],
    ]);
    expect(await routes['page:getContentDraft'].handle({ id: 'draft-a' }, sender)).toMatchObject({
      title: '盖章页缺失怎么办',
    });
    await routes['page:deleteContentDraft'].handle({ id: 'draft-a' }, sender);
    expect(await routes['page:getContentDraft'].handle({ id: 'draft-a' }, sender)).toBeNull();
    await expect(routes['page:getContentDraft'].handle({ id: 7 as never }, sender)).rejects.toThrow(
      'bad draft id',
    );
    db.close();
  });
});

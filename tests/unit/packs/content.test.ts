/**
 * Every kind a pack carries reaches learners (features/packs/catalog.ts): help articles (found by
 * the popup's Chinese-aware search), compliance tips (decided by the background's rules service),
 * quizzes, checklists; the same replace-by-id rule as tours; updates and retirements apply in
 * place, to the lists the services already hold.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  copyContent,
  mergeChecklists,
  mergeContent,
  replaceContentInPlace,
  type ContentSet,
} from '../../../features/packs/catalog';
import type { PackContent } from '../../../features/packs/validate';
import { validatePackPayload } from '../../../features/packs/validate';
import { helpDocs } from '../../../features/help/docs';
import { createHelpIndex } from '../../../features/help/search-index';
import {
  createMemoryRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import type { Checklists } from '../../../features/checklist/schema';
import type { Tour } from '../../../features/tour/schema';
import { checklistsInForce } from '../../../features/checklist/in-force';
import { fetchPackContents, samePacks } from '../../../features/packs/views/use-pack-content';
import { packTour } from './fixtures';

const ROLES = ['管理人员', '业务操作人员', '技术支持人员', '基层用户'] as const;
const forAll = <T extends object>(tour: T) => ({ ...tour, audience: [...ROLES] });

/** A pack payload checked with the build's schemas, as the background stores it. */
function validPack(id: string, version: number, extra: Record<string, unknown>): PackContent {
  const result = validatePackPayload({ id, version, ...extra }, { bundledTours: BUNDLED_TOURS });
  if (!result.content) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

const BUNDLED_TOURS = [
  packTour('bundled-a', '已有引导甲'),
  packTour('bundled-b', '已有引导乙'),
].map(
  (tour) =>
    validatePackPayload({ id: 'x', version: 1, tours: [tour] }, { bundledTours: [] }).content
      ?.tours[0] as Tour,
);

const article = (id: string, title: string, body: string, keywords: string[] = []) => ({
  id,
  title,
  module: '操作' as const,
  keywords,
  applies: ['/index.html#/docs*'],
  body,
});

const tipFile = (id: string, title: string, url = '*index.html#/docs*') => ({
  tips: [
    {
      id,
      where: { action: 'page-open', url: [url] },
      frequency: 'session',
      acknowledge: true,
      tip: { severity: 'info', version: 1, title, body: `${title}。请按规范操作。` },
    },
  ],
});

/** A real quiz file of tours/quizzes under another id and title (the schema asks for a lot). */
const quiz = (id: string, title: string) => ({
  ...(parse(
    readFileSync(resolve(import.meta.dirname, '../../../tours/quizzes/caozuo.yaml'), 'utf8'),
  ) as object),
  id,
  title,
});

function bundled(): ContentSet {
  const checklists = Object.fromEntries(
    ROLES.map((role) => [role, [{ tourId: 'bundled-a', page: '/index.html#/' }]]),
  ) as Checklists;
  return {
    tours: BUNDLED_TOURS,
    help: [
      {
        ...article('faq-login', '登录失败怎么办', '检查账号密码。'),
        keywords: [],
        applies: [],
        tours: [],
      },
    ],
    rules: { markers: [], tips: [], guards: [] },
    quizzes: [],
    checklists,
  };
}

describe('content in force', () => {
  it('a pack article is found by the help search (Chinese words, pinyin initials) and replaces a bundled one of the same id', () => {
    const pack = validPack('xinxi', 1, {
      help: [
        article(
          'faq-seal-apply',
          '电子印章申领流程',
          '向信息中心提交**电子印章**申领表，审核后下发。',
          ['印章', '申领'],
        ),
        article('faq-login', '登录失败（内容包版）', '请先清理浏览器缓存再登录。'),
      ],
    });
    const inForce = mergeContent(bundled(), [pack]);
    expect(inForce.help.map((a) => `${a.id}:${a.title}`)).toEqual([
      'faq-login:登录失败（内容包版）',
      'faq-seal-apply:电子印章申领流程',
    ]);
    const index = createHelpIndex(helpDocs(inForce.help, inForce.tours, 'zh_CN'));
    expect(index.search('怎么申领印章')[0]?.id).toBe('article:faq-seal-apply');
    expect(index.search('dzyz')[0]?.id).toBe('article:faq-seal-apply');
    expect(index.search('清理缓存')[0]?.id).toBe('article:faq-login');
  });

  it('a pack tip fires on its page through the rules service, and a pack update replaces it in place', async () => {
    const content = copyContent(bundled());
    const service = createRulesService({
      rules: content.rules,
      store: createMemoryRulesStore(),
      session: () => 's1',
      role: () => '业务操作人员',
    });
    const url = 'http://127.0.0.1:4000/index.html#/docs/new';
    const open = () =>
      service
        .onAction({ url, action: { kind: 'page-open', markers: [] } })
        .then((tips) => tips.map((tip) => `${tip.tipId}:${tip.title}`));
    expect(await open()).toEqual([]);
    expect(await service.forPage(url)).toMatchObject({ load: false });

    const first = validPack('xinxi', 1, { rules: [tipFile('seal-reminder', '用印前核对文号')] });
    replaceContentInPlace(content, mergeContent(bundled(), [first]));
    expect(await service.forPage(url)).toMatchObject({ load: true });
    expect(await open()).toEqual(['seal-reminder:用印前核对文号']);

    // Version 2 changes the tip's text; the service holds the same rule set object.
    const second = validPack('xinxi', 2, {
      rules: [tipFile('seal-reminder', '用印前核对文号和密级')],
    });
    replaceContentInPlace(content, mergeContent(bundled(), [first, second]));
    await service.onResponse({
      tipId: 'seal-reminder',
      contentVersion: 1,
      response: 'acknowledge',
      url,
    });
    // Version 3 drops it: nothing fires, and an answer to it is refused.
    const third = validPack('xinxi', 3, {});
    replaceContentInPlace(content, mergeContent(bundled(), [third]));
    expect(await open()).toEqual([]);
    await expect(
      service.onResponse({
        tipId: 'seal-reminder',
        contentVersion: 1,
        response: 'acknowledge',
        url,
      }),
    ).rejects.toThrow(/unknown tip/);
  });

  it('quizzes: added and replaced by id; the lists keep their identity across updates', () => {
    const content = copyContent({ ...bundled(), quizzes: [] });
    const quizzes = content.quizzes;
    const tours = content.tours;
    const pack = validPack('xinxi', 1, { quizzes: [quiz('seal-quiz', '电子印章测验')] });
    replaceContentInPlace(content, mergeContent(bundled(), [pack]));
    expect(content.quizzes).toBe(quizzes);
    expect(content.tours).toBe(tours);
    expect(quizzes.map((q) => q.title)).toEqual(['电子印章测验']);
    const next = validPack('xinxi', 2, { quizzes: [quiz('seal-quiz', '电子印章测验（第二版）')] });
    replaceContentInPlace(content, mergeContent(bundled(), [pack, next]));
    expect(quizzes.map((q) => q.title)).toEqual(['电子印章测验（第二版）']);
  });

  it('checklists: a pack’s replace the bundled ones; renamed items follow, retired ones leave', () => {
    const pack = validPack('xinxi', 1, {
      tours: [
        forAll(packTour('seal-tour', '申领电子印章')),
        packTour('bundled-b2', '已有引导乙（新）'),
      ],
      renames: { 'bundled-b': 'bundled-b2' },
      checklists: Object.fromEntries(ROLES.map((role) => [role, ['seal-tour']])),
    });
    const inForce = mergeContent(bundled(), [pack]);
    expect(inForce.checklists['基层用户'].map((item) => item.tourId)).toEqual(['seal-tour']);
    expect(inForce.checklists['基层用户'][0]?.page).toBe('/index.html#/');
    // Without the pack, the bundled checklist.
    expect(mergeContent(bundled(), []).checklists['基层用户'].map((i) => i.tourId)).toEqual([
      'bundled-a',
    ]);

    // A later pack retires bundled-a; the bundled checklist's item for a renamed tour follows it.
    const base = bundled();
    const withB = Object.fromEntries(
      ROLES.map((role) => [
        role,
        [
          { tourId: 'bundled-a', page: '/a' },
          { tourId: 'bundled-b', page: '/b' },
        ],
      ]),
    ) as Checklists;
    const renameOnly = validPack('xinxi', 2, {
      tours: [packTour('bundled-b2')],
      renames: { 'bundled-b': 'bundled-b2' },
      retire: ['bundled-a'],
    });
    const merged = mergeChecklists(withB, [renameOnly], new Set(['bundled-b2']));
    expect(merged['管理人员']).toEqual([{ tourId: 'bundled-b2', page: '/b' }]);
    expect(base.checklists['管理人员'].map((item) => item.tourId)).toEqual(['bundled-a']);
  });

  it('extension pages: the dashboard’s checklist comes from the pack, against bundled + pack tours', () => {
    const pack = validPack('xinxi', 1, {
      tours: [forAll(packTour('seal-tour', '申领电子印章'))],
      checklists: Object.fromEntries(ROLES.map((role) => [role, ['seal-tour']])),
    });
    const base = bundled();
    expect(checklistsInForce([pack], base.checklists, base.tours)['管理人员']).toEqual([
      { tourId: 'seal-tour', page: '/index.html#/' },
    ]);
    expect(checklistsInForce([], base.checklists, base.tours)).toEqual(base.checklists);
  });

  it('extension pages: a background that does not answer means the bundled content alone', async () => {
    expect(await fetchPackContents(() => Promise.reject(new Error('no receiver')), 1000)).toEqual(
      [],
    );
    expect(await fetchPackContents(() => new Promise(() => undefined), 5)).toEqual([]);
    const pack = validPack('xinxi', 1, {});
    expect(await fetchPackContents(async () => [pack], 1000)).toEqual([pack]);
    expect(samePacks([pack], [validPack('xinxi', 1, {})])).toBe(true);
    expect(samePacks([pack], [validPack('xinxi', 2, {})])).toBe(false);
  });
});

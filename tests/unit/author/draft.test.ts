import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftToTour,
  draftYaml,
  newDraft,
  pageGlob,
  parseDraft,
  uniqueStepId,
  type DraftStep,
  type TourDraft,
} from '../../../features/author/draft';
import { loadTours } from '../../../features/tour/load';
import { VALIDATOR_IDS } from '../../../lib/validators';

let keys = 0;
const step = (over: Partial<DraftStep>): DraftStep => ({
  key: `k-${(keys += 1)}`,
  id: 'biao-ti',
  proposals: [
    {
      locator: { label: '标题' },
      frame: null,
      description: 'label "标题"',
      kind: 'label',
    },
    {
      locator: { role: 'textbox', name: '标题' },
      frame: null,
      description: 'role textbox "标题"',
      kind: 'role',
    },
  ],
  selected: 0,
  advance: 'input',
  title: '填写「标题」',
  body: '在「标题」中填写内容。',
  ...over,
});

function sample(): TourDraft {
  return newDraft({
    id: 'draft-1',
    now: Date.UTC(2026, 11, 7, 4, 51),
    startUrl: 'http://127.0.0.1:4173/index.html?token=abc#/docs',
    pageTitle: '公文处理',
    steps: [
      step({
        id: 'xin-jian-gong-wen',
        advance: 'navigation',
        navigationUrl: '/index.html#/docs/new',
        proposals: [
          {
            locator: { role: 'link', name: '新建公文' },
            frame: null,
            description: 'role link "新建公文"',
            kind: 'role',
          },
        ],
        title: '点击「新建公文」',
        body: '点击「新建公文」。',
      }),
      step({ page: '/index.html#/docs/new' }),
      step({
        id: 'zheng-wen',
        proposals: [
          {
            locator: { label: '正文' },
            frame: [{ css: [{ selector: '#editor', note: 'the editor frame' }] }],
            description: 'label "正文"',
            kind: 'label',
          },
        ],
        title: '填写「正文」',
        body: '输入**正文**。',
        titleEn: 'Type the body',
      }),
      step({
        id: 'page',
        proposals: [],
        advance: 'next',
        title: '进入新页面',
        body: '页面已切换。',
      }),
    ],
  });
}

describe('page globs from recorded URLs', () => {
  it('keeps path and hash, drops the query, widens segments with digits', () => {
    expect(pageGlob('http://h/index.html?x=1#/docs/doc-17')).toBe('/index.html#/docs/*');
    expect(pageGlob('http://h/index.html#/docs/new')).toBe('/index.html#/docs/new');
    expect(pageGlob('http://h/a/2026/03/list.html')).toBe('/a/*/list.html');
    expect(pageGlob('http://h/index.html#/report?id=5')).toBe('/index.html#/report');
    expect(pageGlob('not a url')).toBe('*');
  });
});

describe('draft → tour', () => {
  it('builds a tour the build schema accepts, with the chosen locators, advances and English', () => {
    const draft = sample();
    expect(draft.urls).toEqual(['/index.html#/docs']);
    expect(draft.tourId).toMatch(/^luzhi-20261207-\d{4}$/u);
    const { tour, issues } = checkDraft(draft);
    expect(issues).toEqual([]);
    expect(tour?.steps.map((s) => s.advance)).toEqual([
      { on: 'navigation', url: '/index.html#/docs/new' },
      { on: 'input' },
      { on: 'input' },
      { on: 'next' },
    ]);
    expect(tour?.steps[1]?.page).toBe('/index.html#/docs/new');
    expect(tour?.steps[2]?.frame).toEqual([
      { css: [{ selector: '#editor', note: 'the editor frame' }] },
    ]);
    expect(tour?.steps[3]?.target).toBeUndefined();
    expect(tour?.i18n?.en?.steps?.['zheng-wen']).toEqual({ title: 'Type the body' });
  });

  it('uses the proposal the author selected', () => {
    const draft = sample();
    const steps = [...draft.steps];
    steps[1] = { ...steps[1]!, selected: 1 };
    expect(draftToTour({ ...draft, steps }).steps[1]?.target).toEqual({
      role: 'textbox',
      name: '标题',
    });
  });

  it('explains problems in the build’s bilingual words, placed on the step', () => {
    const draft = sample();
    const steps = [...draft.steps];
    steps[0] = { ...steps[0]!, body: ' ' };
    steps[2] = { ...steps[2]!, id: 'biao-ti' };
    const { tour, issues } = checkDraft({ ...draft, steps, tourId: 'Bad Id', audience: [] });
    expect(tour).toBeNull();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'id',
          message: expect.stringContaining('引导 id 只能用小写英文字母'),
        }),
        expect.objectContaining({
          path: 'audience',
          message: expect.stringContaining(' / audience needs at least one role'),
        }),
        expect.objectContaining({
          path: 'steps[0].body',
          stepIndex: 0,
          message: expect.stringContaining('body 不能为空'),
        }),
        expect.objectContaining({
          path: 'steps[2].id',
          stepIndex: 2,
          message: expect.stringContaining('步骤 id "biao-ti" 重复'),
        }),
      ]),
    );
  });

  it('a navigation step without a URL is an issue, not a crash', () => {
    const draft = sample();
    const steps = [...draft.steps];
    steps[0] = { ...steps[0]!, navigationUrl: undefined } as DraftStep;
    delete (steps[0] as Partial<DraftStep>).navigationUrl;
    const { issues } = checkDraft({ ...draft, steps });
    expect(issues.map((issue) => issue.path)).toContain('steps[0].advance.url');
  });
});

describe('exported YAML', () => {
  it('loads with the build’s own loader, unchanged (round trip)', () => {
    const draft = sample();
    const yaml = draftYaml(draft);
    expect(yaml).toContain('target: { label: 标题 }');
    expect(yaml).toContain('advance: { on: navigation, url: /index.html#/docs/new }');
    const dir = mkdtempSync(join(tmpdir(), 'draft-yaml-'));
    try {
      mkdirSync(join(dir, draft.tourId));
      writeFileSync(join(dir, draft.tourId, 'tour.yaml'), yaml);
      const loaded = loadTours([dir], { validatorIds: VALIDATOR_IDS, renames: {} });
      expect(loaded.errors).toEqual([]);
      expect(loaded.tours).toEqual([checkDraft(draft).tour]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('drafts from messages are hostile input', () => {
  it('accepts a well-formed draft', () => {
    const draft = sample();
    expect(parseDraft(draft)).toEqual({ draft });
  });
  it('refuses unknown keys, wrong types, out-of-range selections and oversized lists', () => {
    expect(parseDraft({ ...sample(), extra: 1 })).toMatchObject({ error: expect.any(String) });
    expect(parseDraft({ ...sample(), steps: 'x' })).toMatchObject({
      error: expect.stringContaining('steps'),
    });
    const draft = sample();
    expect(parseDraft({ ...draft, steps: [{ ...draft.steps[0]!, selected: 5 }] })).toMatchObject({
      error: expect.stringContaining('selected'),
    });
    expect(
      parseDraft({ ...draft, steps: Array.from({ length: 61 }, () => draft.steps[0]) }),
    ).toMatchObject({ error: expect.stringContaining('steps') });
    expect(parseDraft(null)).toMatchObject({ error: expect.any(String) });
  });
});

describe('step ids', () => {
  it('adds -2, -3 to a taken id and replaces an unusable one', () => {
    expect(uniqueStepId('biao-ti', new Set(['biao-ti', 'biao-ti-2']))).toBe('biao-ti-3');
    expect(uniqueStepId('Bad Id', new Set())).toBe('step');
  });
});

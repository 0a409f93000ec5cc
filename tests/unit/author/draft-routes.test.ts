/**
 * The drafts' routes (features/author/background/routes.ts): drafts from a page's author script
 * and from the editor are hostile input, stored only when well-formed; a preview starts only for a
 * draft the build's schema accepts, in a tab where Zhiyin answers.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { createAuthorRoutes, MAX_DRAFTS } from '../../../features/author/background/routes';
import type { TourDraft } from '../../../features/author/draft';
import type { TourInstruction } from '../../../features/tour/protocol';
import type { Tour } from '../../../features/tour/schema';
import { dispatch, MessageRefused } from '../../../lib/messaging/router';

const PAGE = { ok: true, kind: 'extension-page', url: 'chrome-extension://x/editor.html' } as const;
const TAB = { ok: true, kind: 'content', tabId: 3, frameId: 0, url: 'http://127.0.0.1/' } as const;

const draft = (id = 'd-1'): TourDraft => ({
  id,
  tourId: 'luzhi-test',
  title: '录制的引导',
  summary: '录制的操作',
  module: '操作',
  audience: ['业务操作人员'],
  urls: ['/index.html*'],
  steps: [
    {
      key: 'a',
      id: 'biao-ti',
      proposals: [
        { locator: { label: '标题' }, frame: null, description: 'label "标题"', kind: 'label' },
      ],
      selected: 0,
      advance: 'input',
      title: '填写「标题」',
      body: '在**标题**中填写内容。',
    },
  ],
  createdAt: 1,
  updatedAt: 1,
});

let db: ZhiyinDatabase;
let previews: { tabId: number; tour: Tour; url: string; fromStep: number }[];
let pageAnswers: boolean;
beforeEach(() => {
  db = new ZhiyinDatabase(`drafts-${Math.random()}`);
  previews = [];
  pageAnswers = true;
});

const routes = () =>
  createAuthorRoutes({
    db,
    now: () => 5_000,
    startPreview: async (tabId, tour, url, fromStep) => {
      previews.push({ tabId, tour, url, fromStep });
      return { run: 'r' } as TourInstruction;
    },
    compile: (tour) => ({ ...tour, markdown: { compiled: [] } }),
    tabUrl: async () => 'http://127.0.0.1/index.html',
    pingTab: async () => (pageAnswers ? { url: '', title: '' } : null),
    sendTourInstruction: async () => true,
    openEditor: async () => undefined,
  });

describe('tour draft routes', () => {
  it('stores a recorded draft from a page and lists it for the editor', async () => {
    const r = routes();
    expect(await dispatch(r, 'content:saveDraft', { draft: draft() }, TAB)).toEqual({
      saved: true,
    });
    expect(await dispatch(r, 'page:listDrafts', undefined, PAGE)).toEqual([
      { id: 'd-1', tourId: 'luzhi-test', title: '录制的引导', stepCount: 1, updatedAt: 5_000 },
    ]);
    expect((await dispatch(r, 'page:getDraft', { id: 'd-1' }, PAGE))?.steps[0]?.id).toBe('biao-ti');
    // Pages cannot read drafts; content scripts cannot delete them.
    await expect(dispatch(r, 'page:listDrafts', undefined, TAB)).rejects.toThrow(MessageRefused);
    await expect(dispatch(r, 'page:deleteDraft', { id: 'd-1' }, TAB)).rejects.toThrow(
      MessageRefused,
    );
  });

  it('refuses a malformed draft with a reason and keeps what was there', async () => {
    const r = routes();
    await dispatch(r, 'page:putDraft', { draft: draft() }, PAGE);
    const bad = { ...draft(), steps: [{ ...draft().steps[0], proposals: 'x' }] } as never;
    const reply = await dispatch(r, 'page:putDraft', { draft: bad }, PAGE);
    expect(reply.saved).toBe(false);
    expect(reply.reason).toMatch(/^草稿格式不正确 \/ invalid draft: steps\[0\]\.proposals/u);
    expect((await db.tourDrafts.get('d-1'))?.steps[0]?.proposals).toHaveLength(1);
  });

  it(`keeps at most ${MAX_DRAFTS} drafts`, async () => {
    await db.tourDrafts.bulkPut(
      Array.from({ length: MAX_DRAFTS }, (_, i) => ({ ...draft(`old-${i}`), updatedAt: i })),
    );
    const r = routes();
    const reply = await dispatch(r, 'content:saveDraft', { draft: draft('new') }, TAB);
    expect(reply).toMatchObject({
      saved: false,
      reason: expect.stringContaining('请先在编辑器中删除'),
    });
    // An existing draft can still be saved.
    expect(await dispatch(r, 'page:putDraft', { draft: draft('old-3') }, PAGE)).toEqual({
      saved: true,
    });
  });

  it('previews a valid draft from the chosen step, compiled like the build', async () => {
    const r = routes();
    await dispatch(r, 'page:putDraft', { draft: draft() }, PAGE);
    expect(
      await dispatch(r, 'page:previewDraft', { id: 'd-1', tabId: 9, fromStep: 0 }, PAGE),
    ).toEqual({ started: true });
    expect(previews).toHaveLength(1);
    expect(previews[0]).toMatchObject({
      tabId: 9,
      fromStep: 0,
      url: 'http://127.0.0.1/index.html',
    });
    expect(previews[0]?.tour).toMatchObject({ id: 'luzhi-test', markdown: { compiled: [] } });
    expect(previews[0]?.tour.steps[0]?.advance).toEqual({ on: 'input' });
  });

  it('does not preview an invalid draft, nor in a tab where Zhiyin does not run', async () => {
    const r = routes();
    await dispatch(r, 'page:putDraft', { draft: { ...draft(), tourId: 'Not Kebab' } }, PAGE);
    const invalid = await dispatch(
      r,
      'page:previewDraft',
      { id: 'd-1', tabId: 9, fromStep: 0 },
      PAGE,
    );
    expect(invalid.started).toBe(false);
    expect(invalid.reason).toContain('草稿还有 1 个问题');
    expect(invalid.reason).toContain('引导 id 只能用小写英文字母');
    await dispatch(r, 'page:putDraft', { draft: draft() }, PAGE);
    pageAnswers = false;
    const noPage = await dispatch(
      r,
      'page:previewDraft',
      { id: 'd-1', tabId: 9, fromStep: 0 },
      PAGE,
    );
    expect(noPage).toMatchObject({
      started: false,
      reason: expect.stringContaining('指引未在该页面运行'),
    });
    expect(
      await dispatch(r, 'page:previewDraft', { id: 'nope', tabId: 9, fromStep: 0 }, PAGE),
    ).toMatchObject({ started: false, reason: expect.stringContaining('找不到该草稿') });
    expect(previews).toEqual([]);
  });
});

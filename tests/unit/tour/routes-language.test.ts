/**
 * The popup lists and starts tours in the learner's 界面语言: titles and summaries from the tours'
 * `i18n.en`, and the reason a start was refused in English too.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { TourRecorder } from '../../../features/tour/background/recorder';
import { createTourRoutes } from '../../../features/tour/background/routes';
import { TourSessions, createSessionStore } from '../../../features/tour/background/sessions';
import { TourSchema } from '../../../features/tour/schema';
import type { Language } from '../../../lib/settings/preferences';

const tour = TourSchema.parse({
  id: 'apply-licence',
  title: '受理营业执照申请',
  summary: '从登记到出件',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/service.html*' },
  steps: [{ id: 'a', title: '一', body: '第一条' }],
  i18n: { en: { title: 'Accept a licence application', summary: 'From intake to issue' } },
});

function routes(language: Language, page: 'answers' | 'silent' | 'gone') {
  const db = new ZhiyinDatabase(`tour-routes-language-${Math.random()}`);
  const tours = new TourSessions({
    tours: [tour],
    db,
    store: createSessionStore(null),
    recorder: new TourRecorder(db),
    now: () => Date.now(),
    language: async () => language,
    role: async () => null,
  });
  return createTourRoutes({
    tours,
    tourList: [tour],
    progressOf: async () => null,
    role: async () => null,
    language: async () => language,
    tabUrl: async () => 'http://127.0.0.1/service.html#/apply',
    pingTab: async () => (page === 'gone' ? null : {}),
    sendTourInstruction: async () => page === 'answers',
  });
}
const popup = { ok: true, kind: 'extension-page', url: 'chrome-extension://x/popup.html' } as const;

describe('tour routes in the learner’s language', () => {
  it('lists tour titles and summaries in English when the learner reads English', async () => {
    const [listed] = await routes('en', 'answers')['page:listTours'].handle({ tabId: 1 }, popup);
    expect(listed).toMatchObject({
      title: 'Accept a licence application',
      summary: 'From intake to issue',
      appliesHere: true,
    });
    const [chinese] = await routes('zh_CN', 'answers')['page:listTours'].handle(
      { tabId: 1 },
      popup,
    );
    expect(chinese).toMatchObject({ title: '受理营业执照申请', summary: '从登记到出件' });
  });

  it('says why a start was refused in the learner’s language', async () => {
    const start = (language: Language, page: 'answers' | 'silent' | 'gone', tourId = tour.id) =>
      routes(language, page)['page:startTour'].handle({ tabId: 1, tourId }, popup);
    expect(await start('en', 'gone')).toEqual({
      started: false,
      reason: expect.stringContaining('does not run on this page'),
    });
    expect(await start('en', 'silent')).toEqual({
      started: false,
      reason: expect.stringContaining('reload it'),
    });
    expect(await start('en', 'answers', 'no-such-tour')).toEqual({
      started: false,
      reason: expect.stringContaining('no-such-tour'),
    });
    expect(await start('zh_CN', 'gone')).toEqual({
      started: false,
      reason: expect.stringContaining('指引未在该页面运行'),
    });
    expect(await start('en', 'answers')).toEqual({ started: true });
  });
});

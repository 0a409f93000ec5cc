// @vitest-environment happy-dom
/**
 * 界面语言 switched while a card is open: the card takes the run's texts in the new language from
 * the real background (TourSessions) and stays on its step; a run that ended meanwhile or a
 * background that does not answer changes nothing.
 */
import 'fake-indexeddb/auto';
import { tourWithBackground } from '../../support/tour-harness';
import { describe, expect, it } from 'vitest';
import type { TourView } from '../../../features/tour/content/view';
import { TourSchema, type Tour } from '../../../features/tour/schema';
import type { Language } from '../../../lib/settings/preferences';

const tour = TourSchema.parse({
  id: 'two-notes',
  title: '两条说明',
  summary: '两个居中的说明步骤',
  module: '认知',
  audience: ['基层用户'],
  applies: { url: '/index.html*' },
  steps: [
    { id: 'a', title: '一', body: '第一条' },
    { id: 'b', title: '二', body: '第二条' },
  ],
  i18n: {
    en: {
      title: 'Two notes',
      steps: { a: { title: 'One', body: 'The first' }, b: { title: 'Two', body: 'The second' } },
    },
  },
});
const url = 'http://127.0.0.1/index.html';
const tab = 3;

function setup(tourText?: (run: string, language: Language) => Promise<Tour | null>) {
  return tourWithBackground([tour], tab, {
    controller: (sessions) => ({
      tourText: tourText ?? ((run, language) => sessions.tourText(tab, run, language)),
    }),
  });
}

const shown = (view: TourView | null | undefined) =>
  view ? { step: view.stepIndex, title: view.tour.steps[view.stepIndex]?.title } : null;

describe('tour controller: the learner switches 界面语言 with a card open', () => {
  it('redraws the open card in English on the same step, and later steps follow', async () => {
    const { sessions, controller, renders } = setup();
    controller.apply(await sessions.start(tab, tour.id, url));
    await controller.next();
    expect(shown(renders.at(-1))).toEqual({ step: 1, title: '二' });

    await controller.retext('en');
    expect(shown(renders.at(-1))).toEqual({ step: 1, title: 'Two' });
    expect(renders.at(-1)?.tour.title).toBe('Two notes');

    await controller.back();
    expect(shown(renders.at(-1))).toEqual({ step: 0, title: 'One' });
    await controller.retext('zh_CN');
    expect(shown(renders.at(-1))).toEqual({ step: 0, title: '一' });
  });

  it('keeps the card as it is when the run ended or the background does not answer', async () => {
    const { sessions, controller, renders } = setup();
    controller.apply(await sessions.start(tab, tour.id, url));
    // The tab's run was replaced (restarted from the popup): the old run's texts are not sent.
    await sessions.start(tab, tour.id, url);
    const before = renders.length;
    await controller.retext('en');
    expect(renders.length).toBe(before);
    expect(shown(renders.at(-1))).toEqual({ step: 0, title: '一' });

    const silent = setup(() => Promise.reject(new Error('no answer')));
    silent.controller.apply(await silent.sessions.start(tab, tour.id, url));
    await silent.controller.retext('en');
    expect(shown(silent.renders.at(-1))).toEqual({ step: 0, title: '一' });
  });
});

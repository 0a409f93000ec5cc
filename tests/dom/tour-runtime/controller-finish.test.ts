// @vitest-environment happy-dom
/**
 * The end of a tour against the real background (TourSessions, replying before it persists): an
 * instruction that reaches the page late — the answer to a route change's hello, sent before
 * 完成 but applied after the tour finished (the overlay bundle is loaded first) — must not bring
 * the step card back. Before instructions were numbered, it did: the card stayed on screen and
 * 完成 then did nothing (the background's session was over), i.e. "the tour did not finish".
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TourSchema } from '../../../features/tour/schema';
import type { TourInstruction } from '../../../features/tour/protocol';
import { tourWithBackground } from '../../support/tour-harness';

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
});
const url = 'http://127.0.0.1/index.html';
const tab = 7;

function setup() {
  return tourWithBackground([tour], tab);
}

describe('tour controller: the end of a tour', () => {
  it('a route change answered before 完成 but applied after the finish leaves no card', async () => {
    const { sessions, controller, renders, ended } = setup();
    controller.apply(await sessions.start(tab, tour.id, url));
    expect(renders.at(-1)).toMatchObject({ stepIndex: 0, mode: 'centred' });
    await controller.next();
    expect(renders.at(-1)).toMatchObject({ stepIndex: 1, mode: 'centred' });

    // The page's route changed (hash): the background answers the hello with the last step
    // again; the content script holds that answer while it loads the overlay bundle.
    const late: TourInstruction | null = (
      await sessions.pageLoaded(tab, `${url}#/list`, { autoStart: false })
    ).tour;
    expect(late).toMatchObject({ status: 'running', stepIndex: 1 });

    // 完成 on the last card: the tour finishes, the card goes away.
    await controller.next();
    expect(renders.at(-1)).toBeNull();
    expect(ended).toEqual(['finished']);

    // The held answer arrives now: it is older than the finish and changes nothing.
    controller.apply(late);
    expect(renders.at(-1)).toBeNull();
    expect(ended).toEqual(['finished']);
    controller.dispose();
  });

  it('a newer instruction still applies (a new start of the same tour after it finished)', async () => {
    const { sessions, controller, renders, ended } = setup();
    controller.apply(await sessions.start(tab, tour.id, url));
    await controller.next();
    await controller.next();
    expect(ended).toEqual(['finished']);
    controller.apply(await sessions.start(tab, tour.id, url));
    expect(renders.at(-1)).toMatchObject({ stepIndex: 0, mode: 'centred' });
    controller.dispose();
  });
});

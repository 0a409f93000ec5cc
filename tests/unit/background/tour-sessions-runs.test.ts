import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { TourRecorder } from '../../../features/tour/background/recorder';
import { TourSessions, createSessionStore } from '../../../features/tour/background/sessions';
import { TourSchema } from '../../../features/tour/schema';

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
const tab = 4;

function sessions() {
  const db = new ZhiyinDatabase(`runs-${Math.random()}`);
  let n = 0;
  return new TourSessions({
    tours: [tour],
    db,
    store: createSessionStore(null),
    recorder: new TourRecorder(db),
    now: () => 1_700_000_000_000 + n++,
    uuid: () => `run-${++n}`,
    language: async () => 'zh_CN',
    role: async () => null,
  });
}

describe('tour runs: the tour is sent once, events about another run change nothing', () => {
  it('a start carries the tour and the runner state; answers to the page’s own events do not', async () => {
    const s = sessions();
    const started = await s.start(tab, tour.id, url);
    expect(started.tour?.id).toBe(tour.id);
    expect(started.snapshot).toMatchObject({ status: 'running', stepIndex: 0 });
    const next = await s.event(tab, { type: 'NEXT', run: started.run });
    expect(next?.tour).toBeUndefined();
    expect(next).toMatchObject({ run: started.run, snapshot: { stepIndex: 1 } });
  });

  it('a late event from a run that was restarted is not applied; the answer resends the run', async () => {
    const s = sessions();
    const first = await s.start(tab, tour.id, url);
    const second = await s.start(tab, tour.id, url);
    expect(second.run).not.toBe(first.run);
    // 下一步 pressed on the first run's card reaches the background after the restart.
    const late = await s.event(tab, { type: 'NEXT', run: first.run });
    expect(late).toMatchObject({ run: second.run, snapshot: { stepIndex: 0 }, effects: [] });
    expect(late?.tour?.id).toBe(tour.id);
    expect(await s.current(tab)).toMatchObject({ stepIndex: 0, status: 'running' });
  });
});

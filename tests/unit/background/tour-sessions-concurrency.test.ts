import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TourRecorder } from '../../../features/tour/background/recorder';
import {
  TourSessions,
  createSessionStore,
  type SessionStore,
} from '../../../features/tour/background/sessions';
import { ZhiyinDatabase } from '../../../app/database';
import { TourSchema } from '../../../features/tour/schema';

const tour = TourSchema.parse({
  id: 'three-notes',
  title: '三条说明',
  summary: '三个居中的说明步骤',
  module: '认知',
  audience: ['基层用户'],
  applies: { url: '/index.html*' },
  steps: [
    { id: 'a', title: '一', body: '第一条' },
    { id: 'b', title: '二', body: '第二条' },
    { id: 'c', title: '三', body: '第三条' },
  ],
});

/** A session store as slow as storage.session under load: every call waits a little. */
function slowStore(): SessionStore {
  const inner = createSessionStore(null);
  const pause = () => new Promise((done) => setTimeout(done, 5));
  return {
    get: async (tabId) => (await pause(), inner.get(tabId)),
    set: async (tabId, session) => (await pause(), inner.set(tabId, session)),
    delete: async (tabId) => (await pause(), inner.delete(tabId)),
  };
}

describe('tour sessions of one tab', () => {
  it('applies messages that arrive together one after the other, losing none', async () => {
    const db = new ZhiyinDatabase(`sessions-${Math.random()}`);
    const sessions = new TourSessions({
      tours: [tour],
      db,
      store: slowStore(),
      recorder: new TourRecorder(db),
      now: () => Date.now(),
      language: async () => 'zh_CN',
      role: async () => null,
    });
    const tab = 7;
    const url = 'http://127.0.0.1/index.html';
    await sessions.start(tab, tour.id, url);

    // Two 下一步 presses and the page reporting in, all before any reply: each must see the
    // state the previous one left (without serialising, both presses read step 0 and the tour
    // ends up on step 1).
    const [first, loaded, second] = await Promise.all([
      sessions.event(tab, { type: 'NEXT' }),
      sessions.pageLoaded(tab, url, { autoStart: false }),
      sessions.event(tab, { type: 'NEXT' }),
    ]);
    expect(first?.stepIndex).toBe(1);
    expect(loaded.tour?.stepIndex).toBe(1);
    expect(second?.stepIndex).toBe(2);
    expect((await sessions.current(tab))?.stepIndex).toBe(2);
    await sessions.persisted();
    db.close();
  });

  it('keeps serving a tab after an operation failed', async () => {
    const db = new ZhiyinDatabase(`sessions-${Math.random()}`);
    const sessions = new TourSessions({
      tours: [tour],
      db,
      store: slowStore(),
      recorder: new TourRecorder(db),
      now: () => Date.now(),
      language: async () => 'zh_CN',
      role: async () => null,
    });
    const results = await Promise.allSettled([
      sessions.start(3, 'no-such-tour', 'http://127.0.0.1/index.html'),
      sessions.start(3, tour.id, 'http://127.0.0.1/index.html'),
    ]);
    expect(results[0]?.status).toBe('rejected');
    expect(results[1]?.status).toBe('fulfilled');
    expect((await sessions.current(3))?.tourId).toBe(tour.id);
    await sessions.persisted();
    db.close();
  });
});

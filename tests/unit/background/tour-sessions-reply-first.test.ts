import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TourRecorder } from '../../../features/tour/background/recorder';
import {
  TourSessions,
  createSessionStore,
  type SessionStore,
  type StoredSession,
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
const url = 'http://127.0.0.1/index.html';

/** A session store whose writes wait until the test lets them through (storage.session under load). */
function gatedStore() {
  const inner = createSessionStore(null);
  let open = false;
  let release: () => void = () => {};
  const gate = new Promise<void>((done) => (release = done));
  const written: (StoredSession | null)[] = [];
  const store: SessionStore = {
    get: (tabId) => inner.get(tabId),
    set: async (tabId, session) => {
      if (!open) await gate;
      written.push(structuredClone(session));
      await inner.set(tabId, session);
    },
    delete: async (tabId) => {
      if (!open) await gate;
      written.push(null);
      await inner.delete(tabId);
    },
  };
  return {
    store,
    written,
    open: () => {
      open = true;
      release();
    },
  };
}

function sessionsWith(store: SessionStore, db: ZhiyinDatabase) {
  return new TourSessions({
    tours: [tour],
    db,
    store,
    recorder: new TourRecorder(db),
    now: () => Date.now(),
    language: async () => 'zh_CN',
    role: async () => null,
  });
}

describe('tour sessions reply before they persist', () => {
  it('answers every step while storage is still busy, then writes all of it in order', async () => {
    const db = new ZhiyinDatabase(`reply-first-${Math.random()}`);
    const gated = gatedStore();
    const sessions = sessionsWith(gated.store, db);
    const tab = 4;

    // Storage does not answer at all yet: the replies must not wait for it.
    const started = await sessions.start(tab, tour.id, url);
    const first = await sessions.event(tab, { type: 'NEXT' });
    const second = await sessions.event(tab, { type: 'NEXT' });
    expect([started.stepIndex, first?.stepIndex, second?.stepIndex]).toEqual([0, 1, 2]);
    expect(gated.written).toEqual([]);
    expect(await db.tourEvents.count()).toBe(0);

    gated.open();
    await sessions.persisted(tab);
    expect(gated.written.map((session) => session?.snapshot.stepIndex)).toEqual([0, 1, 2]);
    const events = await db.tourEvents.orderBy('id').toArray();
    expect(events.map((event) => `${event.kind}:${event.stepIndex ?? '-'}`)).toEqual([
      'started:-',
      'step-shown:0',
      'step-completed:0',
      'step-shown:1',
      'step-completed:1',
      'step-shown:2',
    ]);
    expect((await db.tourProgress.get(tour.id))?.lastStepIndex).toBe(2);
    db.close();
  });

  it('a restarted service worker continues from storage.session where the tour was', async () => {
    const db = new ZhiyinDatabase(`reply-first-${Math.random()}`);
    const store = createSessionStore(null);
    const before = sessionsWith(store, db);
    await before.start(9, tour.id, url);
    await before.event(9, { type: 'NEXT' });
    await before.persisted();

    // A new worker: nothing in memory, the same storage.session.
    const after = sessionsWith(store, db);
    expect(await after.current(9)).toEqual({ tourId: tour.id, status: 'running', stepIndex: 1 });
    const loaded = await after.pageLoaded(9, url, { autoStart: false });
    expect(loaded.tour?.stepIndex).toBe(1);
    expect((await after.event(9, { type: 'NEXT' }))?.stepIndex).toBe(2);
    await after.persisted();
    expect((await store.get(9))?.snapshot.stepIndex).toBe(2);
    db.close();
  });

  it('the end of a run is recorded before it is answered', async () => {
    const db = new ZhiyinDatabase(`reply-first-${Math.random()}`);
    const store = createSessionStore(null);
    const sessions = sessionsWith(store, db);
    await sessions.start(2, tour.id, url);
    await sessions.event(2, { type: 'NEXT' });
    await sessions.event(2, { type: 'NEXT' });
    const last = await sessions.event(2, { type: 'NEXT' });
    expect(last?.status).toBe('finished');
    // No waiting: the progress and the stored session already say so.
    expect((await db.tourProgress.get(tour.id))?.status).toBe('completed');
    expect(await store.get(2)).toBeUndefined();
    db.close();
  });

  it('a tab closed mid-tour is remembered as interrupted after its pending writes', async () => {
    const db = new ZhiyinDatabase(`reply-first-${Math.random()}`);
    const gated = gatedStore();
    const sessions = sessionsWith(gated.store, db);
    await sessions.start(5, tour.id, url);
    await sessions.event(5, { type: 'NEXT' });
    const closed = sessions.tabClosed(5);
    gated.open();
    await closed;
    const progress = await db.tourProgress.get(tour.id);
    expect(progress).toMatchObject({ status: 'interrupted', snapshot: { stepIndex: 1 } });
    expect(await gated.store.get(5)).toBeUndefined();
    db.close();
  });
});

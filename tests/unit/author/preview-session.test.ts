import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { TourRecorder } from '../../../features/tour/background/recorder';
import {
  TourSessions,
  createSessionStore,
  type RunEnd,
  type StoredSession,
} from '../../../features/tour/background/sessions';
import { TourSchema } from '../../../features/tour/schema';

const bundled = TourSchema.parse({
  id: 'real-tour',
  title: '真实引导',
  summary: '已发布的引导',
  module: '认知',
  audience: ['基层用户'],
  applies: { url: '/index.html*' },
  steps: [{ id: 'a', body: '第一条' }],
});
// A draft that reuses the real tour's id: a preview must still never touch its progress.
const draft = TourSchema.parse({
  id: 'real-tour',
  title: '草稿',
  summary: '录制的草稿',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/index.html*' },
  steps: [
    { id: 'one', body: '第一步' },
    { id: 'two', body: '第二步' },
    { id: 'three', body: '第三步' },
  ],
});
const url = 'http://127.0.0.1/index.html';
const tab = 7;

function setup() {
  const db = new ZhiyinDatabase(`preview-${Math.random()}`);
  const memory = new Map<string, unknown>();
  const area = {
    get: async (key: string) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) memory.set(key, structuredClone(value));
    },
    remove: async (key: string) => void memory.delete(key),
  };
  const ended: RunEnd[] = [];
  let n = 0;
  const make = () =>
    new TourSessions({
      tours: [bundled],
      db,
      store: createSessionStore(area),
      recorder: new TourRecorder(db),
      now: () => 1_700_000_000_000 + n++,
      uuid: () => `run-${++n}`,
      language: async () => 'zh_CN',
      role: async () => null,
      hooks: {
        ended: async (info) => {
          ended.push(info);
          return null;
        },
      },
    });
  return { db, memory, ended, make };
}

describe('preview of a draft tour (editor 预览)', () => {
  it('runs the draft from the chosen step and writes no progress, events or run ends', async () => {
    const { db, ended, make } = setup();
    const sessions = make();
    const started = await sessions.startPreview(tab, draft, url, 1);
    expect(started.tour?.title).toBe('草稿');
    expect(started.snapshot).toMatchObject({ status: 'running', stepIndex: 1, stepId: 'two' });
    let instruction = await sessions.event(tab, { type: 'NEXT', run: started.run });
    expect(instruction?.stepIndex).toBe(2);
    instruction = await sessions.event(tab, { type: 'NEXT', run: started.run });
    expect(instruction?.status).toBe('finished');
    await sessions.persisted();
    expect(await db.tourProgress.toArray()).toEqual([]);
    expect(await db.tourEvents.toArray()).toEqual([]);
    expect(ended).toEqual([]);
  });

  it('survives a worker restart: the draft travels with the stored session', async () => {
    const { memory, make } = setup();
    const first = make();
    const started = await first.startPreview(tab, draft, url, 0);
    await first.persisted();
    const stored = memory.get(`tourSession:${tab}`) as StoredSession;
    expect(stored.variant).toMatchObject({ kind: 'preview', tour: { title: '草稿' } });
    // A new worker: the bundled tour of that id is NOT what continues.
    const second = make();
    const next = await second.event(tab, { type: 'NEXT', run: started.run });
    expect(next?.stepIndex).toBe(1);
    expect(await second.current(tab)).toMatchObject({ stepIndex: 1, status: 'running' });
    const session = await second.session(tab);
    expect(session?.tour.steps.map((step) => step.id)).toEqual(['one', 'two', 'three']);
  });

  it('closing the tab mid-preview leaves nothing to resume', async () => {
    const { db, ended, memory, make } = setup();
    const sessions = make();
    await sessions.startPreview(tab, draft, url, 0);
    await sessions.tabClosed(tab);
    expect(await db.tourProgress.toArray()).toEqual([]);
    expect(ended).toEqual([]);
    expect(memory.size).toBe(0);
  });

  it('a real tour started afterwards in the tab is recorded as usual', async () => {
    const { db, make } = setup();
    const sessions = make();
    await sessions.startPreview(tab, draft, url, 0);
    const real = await sessions.start(tab, bundled.id, url);
    expect(real.tour?.title).toBe('真实引导');
    await sessions.event(tab, { type: 'NEXT', run: real.run });
    await sessions.persisted();
    expect((await db.tourProgress.get('real-tour'))?.status).toBe('completed');
  });
});

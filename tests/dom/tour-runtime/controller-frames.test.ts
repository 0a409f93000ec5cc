// @vitest-environment happy-dom
/**
 * The controller's cross-origin frame hook (features/tour/content/controller.ts, `delegate`): a lookup
 * that stops at a cross-origin frame is delegated through the frame channel; the card is drawn
 * for the frame's target, the frame's actions advance the step, and the frame going away turns
 * the step into 找不到该元素 (frame-gone). The background is a real runner; the frame is a fake
 * channel. The lookup itself is stubbed to stop at the frame (happy-dom cannot host a real
 * cross-origin iframe).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TourController } from '../../../features/tour/content/controller';
import type { FrameChannel } from '../../../features/frames/content/delegate';
import type { FrameLocateRequest, FrameUpdate } from '../../../features/frames/protocol';
import type { TourView } from '../../../features/tour/content/view';
import { TourRunner } from '../../../features/tour/runner';
import { TourSchema } from '../../../features/tour/schema';
import type * as StepDom from '../../../features/tour/content/step-dom';
import type {
  ContentEffect,
  ContentTourEvent,
  TourInstruction,
} from '../../../features/tour/protocol';

vi.mock('../../../features/tour/content/step-dom', async (original) => ({
  ...(await original<typeof StepDom>()),
  lookUpStepTarget: async () => ({
    kind: 'delegate',
    frameUrl: 'http://localhost/legacy/exchange.html',
    frameElement: document.querySelector('div.frame'),
    remainingFrames: [],
    outcome: { kind: 'not-found', alternatives: 1 },
  }),
}));

const tour = TourSchema.parse({
  id: 'exchange',
  title: '收文登记',
  summary: '外部平台',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/exchange.html*' },
  steps: [
    {
      id: 'unit',
      body: '填写来文单位',
      frame: [{ css: [{ selector: 'iframe', note: 'the platform' }] }],
      target: { label: '来文单位' },
      advance: { on: 'input' },
    },
    { id: 'done', body: '完成' },
  ],
});

const tick = () => new Promise((done) => setTimeout(done, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await tick();
  expect(check()).toBe(true);
}

function setup() {
  document.body.innerHTML = '<div class="frame"></div>';
  const runner = new TourRunner(tour, { now: () => 0 });
  const sent: ContentTourEvent[] = [];
  const instruction = (effects: ReturnType<TourRunner['dispatch']>): TourInstruction => ({
    run: 'run-1',
    snapshot: structuredClone(runner.state),
    tour,
    status: runner.state.status,
    stepIndex: runner.state.stepIndex,
    effects: effects.filter((effect): effect is ContentEffect => effect.type !== 'record'),
  });
  const requests: FrameLocateRequest[] = [];
  const released: string[] = [];
  let deliver: ((update: FrameUpdate) => void) | null = null;
  const frames: FrameChannel = {
    locate: async (request) => {
      requests.push(request);
      return { kind: 'found', rect: { x: 10, y: 20, width: 300, height: 28 }, hidden: false };
    },
    release: async (id) => void released.push(id),
    listen: (_id, listener) => {
      deliver = listener;
      return () => (deliver = null);
    },
  };
  const renders: (TourView | null)[] = [];
  const controller = new TourController({
    document,
    lookup: { layout: false },
    frames,
    send: async ({ run: _run, ...event }) => {
      sent.push(event);
      if (event.type === 'SUBMIT') return null;
      return instruction(runner.dispatch(event));
    },
    render: (view) => renders.push(view),
    report: async () => ({ scrubSummary: null }),
    finished: () => {},
  });
  controller.apply(instruction(runner.dispatch({ type: 'START' })));
  const frame = (update: Omit<FrameUpdate, 'id'>) =>
    deliver?.({ ...update, id: requests[0]?.id ?? '' } as FrameUpdate);
  return { controller, runner, sent, requests, released, renders, frame };
}

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

describe('tour controller: targets in a cross-origin frame', () => {
  it('draws the card for the frame’s target and advances on the frame’s input', async () => {
    const t = setup();
    dispose = () => t.controller.dispose();
    await until(() => t.runner.state.status === 'running');
    expect(t.requests[0]).toMatchObject({ stepIndex: 0, advance: 'input' });
    const view = t.renders.at(-1);
    expect(view).toMatchObject({ mode: 'located', stepIndex: 0, element: null });
    expect(view?.frameTarget?.current().rect).toEqual({ x: 10, y: 20, width: 300, height: 28 });

    t.frame({ kind: 'action', action: 'input', value: '省档案局' } as Omit<FrameUpdate, 'id'>);
    await until(() => t.runner.state.stepIndex === 1);
    expect(t.sent).toContainEqual({
      type: 'USER_ACTION',
      stepIndex: 0,
      kind: 'input',
      value: '省档案局',
    });
    // Leaving the step released the frame.
    expect(t.released).toEqual([t.requests[0]?.id]);
    expect(t.renders.at(-1)).toMatchObject({ mode: 'centred', stepIndex: 1 });
  });

  it('turns the step into 找不到该元素 (frame-gone) when the frame goes away', async () => {
    const t = setup();
    dispose = () => t.controller.dispose();
    await until(() => t.runner.state.status === 'running');
    t.frame({ kind: 'gone' } as Omit<FrameUpdate, 'id'>);
    await until(() => t.renders.at(-1)?.mode === 'missing');
    expect(t.renders.at(-1)).toMatchObject({ stepIndex: 0, missingReason: 'frame-gone' });
    expect(t.runner.state.missing).toEqual({ reason: 'frame-gone' });
  });
});

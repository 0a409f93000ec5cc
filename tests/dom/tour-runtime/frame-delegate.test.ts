// @vitest-environment happy-dom
/**
 * The owner frame's side of a cross-origin delegation (features/frames/content/delegate.ts) against
 * a fake channel standing in for the background and the frame, and the virtual reference the card
 * is anchored to (features/frames/content/frame-reference.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { frameTargetReference } from '../../../features/frames/content/frame-reference';
import type { UserAction } from '../../../features/tour/advance';
import type { MissingReason } from '../../../features/tour/runner';
import type { ResolveTargetEffect } from '../../../features/tour/content/step-dom';
import {
  delegateToFrame,
  frameAdvance,
  type FrameChannel,
} from '../../../features/frames/content/delegate';
import type {
  FrameLocateReply,
  FrameLocateRequest,
  FrameUpdate,
} from '../../../features/frames/protocol';

const effect = {
  type: 'resolve-target',
  stepIndex: 2,
  stepId: 'unit',
  target: { label: '来文单位' },
  frame: [{ css: [{ selector: 'iframe', note: 'platform' }] }],
  timeoutMs: 5000,
} as unknown as ResolveTargetEffect;

function setup(reply: FrameLocateReply | Error) {
  // Stands in for the iframe element (happy-dom would try to load a real iframe): only its box is used.
  document.body.innerHTML = '<div title="省公文交换平台"></div>';
  const frameElement = document.querySelector('div') as HTMLElement;
  const requests: FrameLocateRequest[] = [];
  const released: string[] = [];
  let deliver: ((update: FrameUpdate) => void) | null = null;
  const channel: FrameChannel = {
    locate: async (request) => {
      requests.push(request);
      if (reply instanceof Error) throw reply;
      return reply;
    },
    release: async (id) => void released.push(id),
    listen: (_id, listener) => {
      deliver = listener;
      return () => (deliver = null);
    },
  };
  const abort = new AbortController();
  const actions: UserAction[] = [];
  const gone: MissingReason[] = [];
  const run = () =>
    delegateToFrame(
      effect,
      {
        kind: 'delegate',
        frameUrl: 'http://localhost/legacy/exchange.html',
        frameElement,
        remainingFrames: [],
        outcome: { kind: 'not-found', alternatives: 1 },
      },
      'input',
      channel,
      {
        signal: abort.signal,
        onAction: (action) => actions.push(action),
        onGone: (reason) => gone.push(reason),
      },
    );
  type Update = FrameUpdate extends infer U
    ? U extends FrameUpdate
      ? Omit<U, 'id'>
      : never
    : never;
  const send = (update: Update) =>
    deliver?.({ id: requests[0]?.id ?? '', ...update } as FrameUpdate);
  return { run, requests, released, abort, actions, gone, send, frameElement };
}

const FOUND: FrameLocateReply = {
  kind: 'found',
  rect: { x: 10, y: 400, width: 300, height: 28 },
  hidden: false,
};

describe('delegateToFrame', () => {
  it('asks the frame with the step, then follows the rects it reports', async () => {
    const t = setup(FOUND);
    const result = await t.run();
    expect(t.requests[0]).toMatchObject({
      stepIndex: 2,
      frameUrl: 'http://localhost/legacy/exchange.html',
      target: { label: '来文单位' },
      timeoutMs: 5000,
      advance: 'input',
    });
    expect(t.requests[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.event).toEqual({ type: 'TARGET_FOUND', stepIndex: 2 });
    expect(result.target.current()).toEqual({ rect: FOUND.rect, hidden: false });
    const moved = vi.fn();
    result.target.subscribe(moved);
    t.send({ kind: 'rect', rect: { x: 10, y: 360, width: 300, height: 28 }, hidden: true });
    expect(moved).toHaveBeenCalledOnce();
    expect(result.target.current()).toEqual({
      rect: { x: 10, y: 360, width: 300, height: 28 },
      hidden: true,
    });
  });

  it('turns the frame’s actions into the learner’s actions', async () => {
    const t = setup(FOUND);
    await t.run();
    t.send({ kind: 'action', action: 'input', value: '省', typing: true });
    t.send({ kind: 'action', action: 'input', value: '省档案局' });
    t.send({ kind: 'action', action: 'click' });
    t.send({ kind: 'action', action: 'change' });
    expect(t.actions).toEqual([
      { kind: 'input', value: '省', typing: true },
      { kind: 'input', value: '省档案局' },
      { kind: 'click' },
      { kind: 'change' },
    ]);
  });

  it('says frame-gone once when the frame goes away, releases it and ignores it afterwards', async () => {
    const t = setup(FOUND);
    await t.run();
    t.send({ kind: 'gone' });
    t.send({ kind: 'gone' });
    t.send({ kind: 'action', action: 'click' });
    expect(t.gone).toEqual(['frame-gone']);
    expect(t.actions).toEqual([]);
    expect(t.released).toHaveLength(1);
  });

  it('releases the frame when the step ends', async () => {
    const t = setup(FOUND);
    await t.run();
    t.abort.abort();
    expect(t.released).toEqual([t.requests[0]?.id]);
    t.send({ kind: 'action', action: 'click' });
    expect(t.actions).toEqual([]);
  });

  it('passes the frame’s missing reason on, and says cross-origin-frame when the frame cannot be reached', async () => {
    const missing = setup({ kind: 'missing', reason: 'ambiguous' });
    await expect(missing.run()).resolves.toEqual({
      kind: 'event',
      event: { type: 'TARGET_MISSING', stepIndex: 2, reason: 'ambiguous' },
    });
    expect(missing.released).toHaveLength(1);
    const unreachable = setup(new Error('Receiving end does not exist'));
    await expect(unreachable.run()).resolves.toEqual({
      kind: 'event',
      event: { type: 'TARGET_MISSING', stepIndex: 2, reason: 'cross-origin-frame' },
    });
  });

  it('sends nothing when the step ended while the frame was looking', async () => {
    const t = setup(FOUND);
    const pending = t.run();
    t.abort.abort();
    await expect(pending).resolves.toEqual({ kind: 'aborted' });
  });
});

describe('frameAdvance', () => {
  it('watches only what the step advances on', () => {
    const step = (on: string) => ({ advance: { on } }) as Parameters<typeof frameAdvance>[0];
    expect(frameAdvance(step('input'))).toBe('input');
    expect(frameAdvance(step('click'))).toBe('click');
    expect(frameAdvance(step('change'))).toBe('change');
    expect(frameAdvance(step('next'))).toBe('none');
    expect(frameAdvance(undefined)).toBe('none');
  });
});

describe('frameTargetReference', () => {
  it('is the iframe’s box + its border and padding + the rect the frame reported', () => {
    const t = setup(FOUND);
    t.frameElement.style.padding = '4px';
    vi.spyOn(t.frameElement, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 200, y: 190, width: 960, height: 420 }),
    );
    vi.spyOn(t.frameElement, 'clientLeft', 'get').mockReturnValue(1);
    vi.spyOn(t.frameElement, 'clientTop', 'get').mockReturnValue(1);
    const reference = frameTargetReference({
      frameElement: t.frameElement,
      current: () => ({ rect: FOUND.rect, hidden: false }),
      subscribe: () => () => {},
    });
    const box = reference.getBoundingClientRect();
    expect({ x: box.x, y: box.y, width: box.width, height: box.height }).toEqual({
      x: 200 + 1 + 4 + 10,
      y: 190 + 1 + 4 + 400,
      width: 300,
      height: 28,
    });
    expect(reference.contextElement).toBe(t.frameElement);
  });
});

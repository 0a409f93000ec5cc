import { describe, expect, it, vi } from 'vitest';
import { createHostPolicy } from '../../../lib/hosts/host-policy';
import {
  createFrameRoutes,
  FrameDelegations,
  frameDelegationStore,
  type DelegationStore,
  type FrameInfo,
  type FrameServices,
  type StoredDelegation,
} from '../../../features/frames/background/routes';
import { dispatch, MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import type { FramesMessages } from '../../../features/frames/protocol';
import { checkSender, type SenderInfo } from '../../../lib/messaging/sender';
import type {
  FrameLocateReply,
  FrameLocateRequest,
  FrameUpdate,
} from '../../../features/frames/protocol';

const TAB = 7;
const TOP = 'http://127.0.0.1:4173/exchange.html';
const PLATFORM = 'http://localhost:4173/legacy/exchange.html';
const allowed = createHostPolicy(['http://localhost/*', 'http://127.0.0.1/*']);
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ID2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function request(extra: Partial<FrameLocateRequest> = {}): FrameLocateRequest {
  return {
    id: ID,
    stepIndex: 0,
    frameUrl: PLATFORM,
    remainingFrames: [],
    target: { label: '来文单位' },
    timeoutMs: 1000,
    advance: 'input',
    ...extra,
  };
}

const FOUND: FrameLocateReply = {
  kind: 'found',
  rect: { x: 10, y: 20, width: 300, height: 28 },
  hidden: false,
};

/** A tab with frames; each frame's agent answers what `answers` says. */
function setup(
  frames: FrameInfo[] = [
    { frameId: 0, parentFrameId: -1, url: TOP },
    { frameId: 3, parentFrameId: 0, url: `${PLATFORM}#form` },
  ],
  answers: Record<number, FrameLocateReply> = { 3: FOUND },
) {
  const injected: number[] = [];
  const released: [number, string][] = [];
  const forwarded: [number, FrameUpdate][] = [];
  const services: FrameServices = {
    frames: async () => frames,
    frameLoaded: vi.fn(async () => null),
    isAllowedHost: allowed,
    injectAgent: async (_tab, frameId) => void injected.push(frameId),
    locate: async (_tab, frameId) => {
      const answer = answers[frameId];
      if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer;
    },
    release: async (_tab, frameId, id) => void released.push([frameId, id]),
    forward: async (_tab, frameId, update) => void forwarded.push([frameId, update]),
  };
  const delegations = new FrameDelegations(services);
  return { delegations, services, injected, released, forwarded };
}

describe('FrameDelegations: reaching the frame', () => {
  it('maps the iframe URL to its frame id (fragment ignored), injects the agent there, answers found', async () => {
    const { delegations, injected } = setup();
    await expect(delegations.locate(TAB, 0, request())).resolves.toEqual(FOUND);
    expect(injected).toEqual([3]);
    expect(delegations.size).toBe(1);
  });

  it('never enters a frame on a host Zhiyin is not configured for', async () => {
    const url = 'http://unrelated-system.test:4173/legacy/exchange.html';
    const { delegations, injected } = setup([{ frameId: 3, parentFrameId: 0, url }]);
    await expect(delegations.locate(TAB, 0, request({ frameUrl: url }))).resolves.toEqual({
      kind: 'missing',
      reason: 'cross-origin-frame',
    });
    expect(injected).toEqual([]);
    expect(delegations.size).toBe(0);
  });

  it('waits for a frame that is still loading, then looks there', async () => {
    const { delegations, services, injected } = setup([
      { frameId: 0, parentFrameId: -1, url: TOP },
    ]);
    services.frameLoaded = vi.fn(async () => 3);
    await expect(delegations.locate(TAB, 0, request())).resolves.toEqual(FOUND);
    expect(services.frameLoaded).toHaveBeenCalledWith(TAB, PLATFORM, 1000, expect.any(AbortSignal));
    expect(injected).toEqual([3]);
  });

  it('says not-found when the frame never loads within the step time', async () => {
    const { delegations } = setup([{ frameId: 0, parentFrameId: -1, url: TOP }]);
    await expect(delegations.locate(TAB, 0, request())).resolves.toEqual({
      kind: 'missing',
      reason: 'not-found',
    });
  });

  it('with two frames of that URL keeps the one that found the target and releases the other', async () => {
    const { delegations, released } = setup(
      [
        { frameId: 3, parentFrameId: 0, url: PLATFORM },
        { frameId: 4, parentFrameId: 0, url: PLATFORM },
      ],
      { 3: { kind: 'missing', reason: 'hidden' }, 4: FOUND },
    );
    await expect(delegations.locate(TAB, 0, request())).resolves.toEqual(FOUND);
    expect(released).toEqual([[3, ID]]);
  });

  it('reports the most telling reason when no frame found it', async () => {
    const { delegations } = setup(
      [
        { frameId: 3, parentFrameId: 0, url: PLATFORM },
        { frameId: 4, parentFrameId: 0, url: PLATFORM },
      ],
      { 3: { kind: 'missing', reason: 'not-found' }, 4: { kind: 'missing', reason: 'ambiguous' } },
    );
    await expect(delegations.locate(TAB, 0, request())).resolves.toEqual({
      kind: 'missing',
      reason: 'ambiguous',
    });
    expect(delegations.size).toBe(0);
  });

  it('refuses malformed and reused delegation ids', async () => {
    const { delegations } = setup();
    await expect(delegations.locate(TAB, 0, request({ id: 'x' }))).rejects.toBeInstanceOf(
      MessageRefused,
    );
    await delegations.locate(TAB, 0, request());
    await expect(delegations.locate(TAB, 0, request())).rejects.toBeInstanceOf(MessageRefused);
  });
});

describe('FrameDelegations: updates go only from the delegated frame to its owner', () => {
  const rect: FrameUpdate = { id: ID, kind: 'rect', rect: FOUND.rect, hidden: true };

  it('forwards the delegated frame’s rects and actions to the owner frame', async () => {
    const { delegations, forwarded } = setup();
    await delegations.locate(TAB, 0, request());
    await delegations.update(TAB, 3, rect);
    await delegations.update(TAB, 3, {
      id: ID,
      kind: 'action',
      action: 'input',
      value: '省档案局',
    });
    expect(forwarded).toEqual([
      [0, rect],
      [0, { id: ID, kind: 'action', action: 'input', value: '省档案局' }],
    ]);
  });

  it('refuses updates from another frame, another tab, or for an unknown delegation', async () => {
    const { delegations, forwarded } = setup();
    await delegations.locate(TAB, 0, request());
    await expect(delegations.update(TAB, 4, rect)).rejects.toBeInstanceOf(MessageRefused);
    await expect(delegations.update(8, 3, rect)).rejects.toBeInstanceOf(MessageRefused);
    await expect(delegations.update(TAB, 3, { ...rect, id: ID2 })).rejects.toBeInstanceOf(
      MessageRefused,
    );
    // The owner frame cannot pose as the delegated frame either.
    await expect(delegations.update(TAB, 0, rect)).rejects.toBeInstanceOf(MessageRefused);
    expect(forwarded).toEqual([]);
  });

  it('tells the owner when the delegated frame navigates away, then refuses its updates', async () => {
    const { delegations, forwarded } = setup();
    await delegations.locate(TAB, 0, request());
    await delegations.frameNavigated(TAB, 3);
    expect(forwarded).toEqual([[0, { id: ID, kind: 'gone' }]]);
    await expect(delegations.update(TAB, 3, rect)).rejects.toBeInstanceOf(MessageRefused);
  });

  it('releases the delegated frame when the owner ends the step or navigates, not when another frame asks', async () => {
    const { delegations, released } = setup();
    await delegations.locate(TAB, 0, request());
    await delegations.release(TAB, 3, ID); // not the owner: ignored
    expect(delegations.size).toBe(1);
    await delegations.release(TAB, 0, ID);
    expect(released).toEqual([[3, ID]]);
    expect(delegations.size).toBe(0);

    await delegations.locate(TAB, 0, request({ id: ID2 }));
    await delegations.frameNavigated(TAB, 0);
    expect(released).toEqual([
      [3, ID],
      [3, ID2],
    ]);
    expect(delegations.size).toBe(0);
  });

  it('keeps working after the service worker restarted (delegations in session storage)', async () => {
    const stored = new Map<string, StoredDelegation>();
    const store: DelegationStore = {
      get: async (id) => stored.get(id),
      all: async () => [...stored.values()],
      set: async (delegation) => void stored.set(delegation.id, delegation),
      delete: async (id) => void stored.delete(id),
    };
    const before = setup();
    before.services.store = store;
    await before.delegations.locate(TAB, 0, request());
    expect([...stored.values()]).toEqual([{ id: ID, tabId: TAB, ownerFrameId: 0, frameId: 3 }]);

    // A new worker: nothing in memory, the same storage.
    const after = setup();
    after.services.store = store;
    await expect(after.delegations.update(TAB, 4, rect)).rejects.toBeInstanceOf(MessageRefused);
    await after.delegations.update(TAB, 3, { id: ID, kind: 'action', action: 'click' });
    expect(after.forwarded).toEqual([[0, { id: ID, kind: 'action', action: 'click' }]]);
    await after.delegations.release(TAB, 0, ID);
    expect(after.released).toEqual([[3, ID]]);
    expect(stored.size).toBe(0);
  });

  it('forgets a closed tab', async () => {
    const { delegations } = setup();
    await delegations.locate(TAB, 0, request());
    await delegations.tabClosed(TAB);
    expect(delegations.size).toBe(0);
  });
});

describe('frame routes behind the router’s sender check', () => {
  const EXTENSION_ID = 'abcdefghijklmnop';
  const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
  const check = (sender: SenderInfo) => checkSender(sender, EXTENSION_ID, ORIGIN, allowed);
  const inFrame = (frameId: number, url: string): SenderInfo => ({
    id: EXTENSION_ID,
    url,
    tab: { id: TAB, url: TOP },
    frameId,
  });

  it('takes the owner frame id from the sender, and refuses extension pages and unknown hosts', async () => {
    const { delegations, forwarded } = setup();
    const routes = createFrameRoutes(delegations) as RouteTable<FramesMessages>;
    await expect(
      dispatch(routes, 'content:frameLocate', request(), check(inFrame(0, TOP))),
    ).resolves.toEqual(FOUND);
    await dispatch(
      routes,
      'content:frameUpdate',
      { id: ID, kind: 'gone' },
      check(inFrame(3, PLATFORM)),
    );
    expect(forwarded).toEqual([[0, { id: ID, kind: 'gone' }]]);

    const popup: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
    await expect(
      dispatch(routes, 'content:frameLocate', request({ id: ID2 }), check(popup)),
    ).rejects.toThrow('may not be sent from extension-page');
    const stranger = inFrame(5, 'http://unrelated-system.test/page.html');
    await expect(
      dispatch(routes, 'content:frameUpdate', { id: ID2, kind: 'gone' }, check(stranger)),
    ).rejects.toThrow('host not configured');
  });

  it('refuses every frame message when the browser has no webNavigation', async () => {
    const routes = createFrameRoutes(undefined) as RouteTable<FramesMessages>;
    await expect(
      dispatch(routes, 'content:frameLocate', request(), check(inFrame(0, TOP))),
    ).rejects.toThrow('cross-origin frames are not available');
  });
});

describe('frameDelegationStore over storage.session', () => {
  it('keeps one key per delegation and lists only its own keys', async () => {
    const items: Record<string, unknown> = { other: 1 };
    const store = frameDelegationStore({
      get: async (keys) =>
        keys === null ? { ...items } : keys in items ? { [keys]: items[keys] } : {},
      set: async (more) => void Object.assign(items, more),
      remove: async (key) => void delete items[key],
    });
    const delegation = { id: ID, tabId: TAB, ownerFrameId: 0, frameId: 3 };
    await store.set(delegation);
    await expect(store.get(ID)).resolves.toEqual(delegation);
    await expect(store.all()).resolves.toEqual([delegation]);
    await store.delete(ID);
    await expect(store.get(ID)).resolves.toBeUndefined();
    expect(items).toEqual({ other: 1 });
  });
});

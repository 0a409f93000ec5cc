/**
 * Cross-origin frame delegation in the background (features/tour/README.md, "Cross-origin frames").
 *
 * The owner frame (the one that draws the card) asks to look a step's target up inside an iframe
 * of another origin. The background maps the iframe's URL to frame ids of the sender's tab
 * (`webNavigation.getAllFrames`), injects the frame agent into each candidate on a configured
 * host, forwards the lookup and keeps the first frame that found the target. From then on it only
 * forwards that frame's updates to that owner, and tells the owner when the frame navigates away.
 * Senders are checked on every message: tab, frame id and delegation id must all match.
 */
import type { FramesMessages } from '../protocol';
import type { FrameLocateReply, FrameLocateRequest, FrameUpdate } from '../protocol';
import { DELEGATION_ID, sameFrameUrl } from '../protocol';
import type { MissingReason } from '../../tour/runner';
import {
  MessageRefused,
  requireService,
  type AcceptedSender,
  type RouteTable,
} from '../../../lib/messaging/router';

export interface FrameInfo {
  frameId: number;
  parentFrameId: number;
  url: string;
}

/** What delegation needs from the browser (browser APIs in entrypoints/background.ts; fakes in tests). */
export interface FrameServices {
  /** `webNavigation.getAllFrames`: every frame of a tab with its URL. */
  frames(tabId: number): Promise<FrameInfo[]>;
  /**
   * Resolves with a frame of the tab whose document at `url` finished loading, or null after
   * `timeoutMs` / on abort (`webNavigation.onCompleted`): the iframe may still be loading.
   */
  frameLoaded(
    tabId: number,
    url: string,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<number | null>;
  /** The content-script hosts: a frame on any other host is never entered. */
  isAllowedHost(url: string): boolean;
  /** Runs the frame agent bundle in one frame (scripting.executeScript). */
  injectAgent(tabId: number, frameId: number): Promise<void>;
  /** `bg:frameLocate` to one frame. */
  locate(tabId: number, frameId: number, request: FrameLocateRequest): Promise<FrameLocateReply>;
  /** `bg:frameRelease` to one frame. */
  release(tabId: number, frameId: number, id: string): Promise<void>;
  /** `bg:frameUpdate` to the owner frame. */
  forward(tabId: number, frameId: number, update: FrameUpdate): Promise<void>;
  /**
   * Where live delegations are kept across service-worker restarts (`storage.session`): a learner
   * who reads a step for a minute before typing must still complete it. Memory only if absent.
   */
  store?: DelegationStore;
}

/** A delegation whose frame found the target, as stored. */
export interface StoredDelegation {
  id: string;
  tabId: number;
  ownerFrameId: number;
  frameId: number;
}

export interface DelegationStore {
  get(id: string): Promise<StoredDelegation | undefined>;
  all(): Promise<StoredDelegation[]>;
  set(delegation: StoredDelegation): Promise<void>;
  delete(id: string): Promise<void>;
}

const STORE_PREFIX = 'frameDelegation:';

/** The delegation store over `storage.session` (one key per delegation: no read-modify-write). */
export function frameDelegationStore(area: {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}): DelegationStore {
  return {
    get: async (id) =>
      (await area.get(STORE_PREFIX + id))[STORE_PREFIX + id] as StoredDelegation | undefined,
    all: async () =>
      Object.entries(await area.get(null))
        .filter(([key]) => key.startsWith(STORE_PREFIX))
        .map(([, value]) => value as StoredDelegation),
    set: (delegation) => area.set({ [STORE_PREFIX + delegation.id]: delegation }),
    delete: (id) => area.remove(STORE_PREFIX + id),
  };
}

interface Delegation {
  id: string;
  tabId: number;
  ownerFrameId: number;
  /** Frames asked to look the target up (released when the delegation ends). */
  candidates: Set<number>;
  /** The frame that found the target: the only one whose updates are forwarded. */
  frameId: number | null;
  abort: AbortController;
}

/** Outcomes ranked by how much they tell the learner and the tour author (the most telling is reported). */
const REASON_RANK: readonly MissingReason[] = [
  'ambiguous',
  'hidden',
  'invalid-locator',
  'not-found',
  'timeout',
  'cross-origin-frame',
  'frame-gone',
];

export class FrameDelegations {
  private readonly live = new Map<string, Delegation>();

  constructor(private readonly services: FrameServices) {}

  /** `content:frameLocate` from the owner frame. */
  async locate(
    tabId: number,
    ownerFrameId: number,
    request: FrameLocateRequest,
  ): Promise<FrameLocateReply> {
    if (!DELEGATION_ID.test(request.id) || this.live.has(request.id)) {
      throw new MessageRefused('invalid delegation id');
    }
    const delegation: Delegation = {
      id: request.id,
      tabId,
      ownerFrameId,
      candidates: new Set(),
      frameId: null,
      abort: new AbortController(),
    };
    this.live.set(request.id, delegation);
    try {
      const reply = await this.lookUp(delegation, request);
      if (reply.kind !== 'found') this.end(delegation);
      return reply;
    } catch (error) {
      this.end(delegation);
      throw error;
    }
  }

  /** `content:frameUpdate` from a delegated frame: forwarded to its owner only. */
  async update(tabId: number, frameId: number, update: FrameUpdate): Promise<void> {
    const delegation = this.live.get(update.id) ?? (await this.restore(update.id));
    if (!delegation || delegation.tabId !== tabId || delegation.frameId !== frameId) {
      throw new MessageRefused('update from a frame that was not delegated to');
    }
    if (update.kind === 'gone') this.end(delegation, false);
    await this.services.forward(tabId, delegation.ownerFrameId, update);
  }

  /** `content:frameRelease` from the owner: the step ended. */
  async release(tabId: number, ownerFrameId: number, id: string): Promise<void> {
    const delegation = this.live.get(id) ?? (await this.restore(id));
    if (!delegation || delegation.tabId !== tabId || delegation.ownerFrameId !== ownerFrameId) {
      return; // already ended (frame gone, tab closed): nothing to release
    }
    this.end(delegation);
  }

  /** A frame of a tab committed a new document (`webNavigation.onCommitted`). */
  async frameNavigated(tabId: number, frameId: number): Promise<void> {
    await this.restoreAll();
    for (const delegation of [...this.live.values()]) {
      if (delegation.tabId !== tabId) continue;
      if (delegation.ownerFrameId === frameId) this.end(delegation);
      else if (delegation.frameId === frameId) {
        this.end(delegation, false);
        void this.services
          .forward(tabId, delegation.ownerFrameId, { id: delegation.id, kind: 'gone' })
          .catch(() => undefined);
      }
    }
  }

  async tabClosed(tabId: number): Promise<void> {
    await this.restoreAll();
    for (const delegation of [...this.live.values()]) {
      if (delegation.tabId === tabId) this.end(delegation, false);
    }
  }

  /** Live delegations (tests, problem reports). */
  get size(): number {
    return this.live.size;
  }

  private async lookUp(
    delegation: Delegation,
    request: FrameLocateRequest,
  ): Promise<FrameLocateReply> {
    const { tabId } = delegation;
    if (!this.services.isAllowedHost(request.frameUrl)) {
      // Zhiyin is not configured for the frame's host: it can never be entered, by design.
      return { kind: 'missing', reason: 'cross-origin-frame' };
    }
    let candidates = this.candidates(await this.services.frames(tabId), request.frameUrl);
    if (candidates.length === 0) {
      // Not loaded yet: wait for it (no polling), up to the step's own time limit.
      const loaded = await this.services.frameLoaded(
        tabId,
        request.frameUrl,
        request.timeoutMs,
        delegation.abort.signal,
      );
      if (loaded === null) {
        return {
          kind: 'missing',
          reason: delegation.abort.signal.aborted ? 'frame-gone' : 'not-found',
        };
      }
      candidates = [loaded];
    }
    for (const frameId of candidates) delegation.candidates.add(frameId);
    const replies = await Promise.all(
      candidates.map(async (frameId) => {
        try {
          await this.services.injectAgent(tabId, frameId);
          const reply = await this.services.locate(tabId, frameId, request);
          // The first frame that found it wins; the others are released at once.
          if (
            reply.kind === 'found' &&
            delegation.frameId === null &&
            this.live.has(delegation.id)
          ) {
            delegation.frameId = frameId;
            await this.services.store
              ?.set({ id: delegation.id, tabId, ownerFrameId: delegation.ownerFrameId, frameId })
              .catch(() => undefined);
          }
          return { frameId, reply };
        } catch {
          return { frameId, reply: { kind: 'missing', reason: 'frame-gone' } as FrameLocateReply };
        }
      }),
    );
    for (const { frameId } of replies) {
      if (frameId !== delegation.frameId) {
        delegation.candidates.delete(frameId);
        void this.services.release(tabId, frameId, delegation.id).catch(() => undefined);
      }
    }
    const winner = replies.find(({ frameId }) => frameId === delegation.frameId);
    if (winner && this.live.has(delegation.id)) return winner.reply;
    if (!this.live.has(delegation.id)) return { kind: 'missing', reason: 'frame-gone' };
    return { kind: 'missing', reason: mostTelling(replies.map(({ reply }) => reply)) };
  }

  /** Frames showing `url` (fragment ignored) on an allowed host. */
  private candidates(frames: FrameInfo[], url: string): number[] {
    return frames
      .filter((frame) => frame.frameId !== 0 && sameFrameUrl(frame.url, url))
      .filter((frame) => this.services.isAllowedHost(frame.url))
      .map((frame) => frame.frameId);
  }

  /** A delegation made before the service worker restarted. */
  private async restore(id: string): Promise<Delegation | undefined> {
    const stored = await this.services.store?.get(id).catch(() => undefined);
    if (!stored) return undefined;
    return this.revive(stored);
  }

  private async restoreAll(): Promise<void> {
    if (!this.services.store) return;
    for (const stored of await this.services.store.all().catch(() => [])) this.revive(stored);
  }

  private revive(stored: StoredDelegation): Delegation {
    const existing = this.live.get(stored.id);
    if (existing) return existing;
    const delegation: Delegation = {
      ...stored,
      candidates: new Set([stored.frameId]),
      abort: new AbortController(),
    };
    this.live.set(stored.id, delegation);
    return delegation;
  }

  private end(delegation: Delegation, release = true): void {
    if (!this.live.delete(delegation.id)) return;
    void this.services.store?.delete(delegation.id).catch(() => undefined);
    delegation.abort.abort();
    if (!release) return;
    for (const frameId of delegation.candidates) {
      void this.services.release(delegation.tabId, frameId, delegation.id).catch(() => undefined);
    }
  }
}

function mostTelling(replies: FrameLocateReply[]): MissingReason {
  let best: MissingReason = 'not-found';
  let bestRank = Number.POSITIVE_INFINITY;
  for (const reply of replies) {
    if (reply.kind !== 'missing') continue;
    const rank = REASON_RANK.indexOf(reply.reason);
    if (rank !== -1 && rank < bestRank) {
      best = reply.reason;
      bestRank = rank;
    }
  }
  return best;
}

function contentSender(sender: AcceptedSender) {
  if (sender.kind !== 'content') throw new MessageRefused('content only');
  return sender;
}

/** The routes of the delegation; `null` (no webNavigation) refuses them with a reason. */
export function createFrameRoutes(
  delegations: FrameDelegations | undefined,
): RouteTable<FramesMessages> {
  const need = requireService(delegations, 'cross-origin frames are not available');
  return {
    'content:frameLocate': {
      from: ['content'],
      handle(data, sender) {
        const { tabId, frameId } = contentSender(sender);
        return need().locate(tabId, frameId, data);
      },
    },
    'content:frameUpdate': {
      from: ['content'],
      handle(data, sender) {
        const { tabId, frameId } = contentSender(sender);
        return need().update(tabId, frameId, data);
      },
    },
    'content:frameRelease': {
      from: ['content'],
      async handle(data, sender) {
        const { tabId, frameId } = contentSender(sender);
        await need().release(tabId, frameId, data.id);
      },
    },
  };
}

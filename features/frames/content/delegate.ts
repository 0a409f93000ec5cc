/**
 * The owner's side of a cross-origin frame delegation (features/tour/README.md, "Cross-origin
 * frames"): the step's lookup ended at an iframe of another origin, so the frame's agent looks the
 * target up (through the background), and this keeps what it reports — the target's rect in the
 * frame's viewport — for the card, and turns the learner's actions in the frame into runner
 * events. Ends (and releases the frame) when the step's signal aborts.
 */
import type { UserAction } from '../../tour/advance';
import type { MissingReason, RunnerEvent } from '../../tour/runner';
import type { Step } from '../../tour/schema';
import type { ResolveTargetEffect, StepLookup } from '../../tour/content/step-dom';
import type {
  FrameAdvance,
  FrameLocateReply,
  FrameLocateRequest,
  FrameRect,
  FrameUpdate,
} from '../protocol';

/** A target inside a cross-origin frame, as the owner frame knows it. */
export interface FrameTarget {
  /** The iframe element in the owner's document. */
  readonly frameElement: Element;
  /** The target's latest box in the frame's viewport, and whether it is scrolled out of it. */
  current(): { rect: FrameRect; hidden: boolean };
  /** Calls `listener` whenever the frame reports a new rect; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface FrameChannel {
  locate(request: FrameLocateRequest): Promise<FrameLocateReply>;
  release(id: string): Promise<void>;
  /** Routes the background's `bg:frameUpdate` for `id` to `listener` until the returned call. */
  listen(id: string, listener: (update: FrameUpdate) => void): () => void;
}

export interface DelegateHooks {
  signal: AbortSignal;
  /** The learner acted on the target in the frame: send USER_ACTION for the step. */
  onAction(action: UserAction): void;
  /** The frame navigated away or its iframe left the page: the step falls back to missing. */
  onGone(reason: MissingReason): void;
}

export type DelegateResult =
  | { kind: 'found'; event: RunnerEvent; target: FrameTarget }
  | { kind: 'event'; event: RunnerEvent }
  | { kind: 'aborted' };

/** What the frame agent must watch for, from the step's advance rule. */
export function frameAdvance(step: Step | undefined): FrameAdvance {
  const on = step?.advance.on;
  return on === 'click' || on === 'input' || on === 'change' ? on : 'none';
}

/**
 * Delegates a `resolve-target` to the cross-origin frame the lookup stopped at. Resolves with the
 * runner event to send (TARGET_FOUND with the frame target, or TARGET_MISSING with the frame's
 * reason) or `aborted` when the step ended first.
 */
export async function delegateToFrame(
  effect: ResolveTargetEffect,
  lookup: Extract<StepLookup, { kind: 'delegate' }>,
  advance: FrameAdvance,
  channel: FrameChannel,
  hooks: DelegateHooks,
): Promise<DelegateResult> {
  const { signal } = hooks;
  if (signal.aborted) return { kind: 'aborted' };
  const id = crypto.randomUUID();
  const stepIndex = effect.stepIndex;
  const frameElement = lookup.frameElement;
  let state: { rect: FrameRect; hidden: boolean } | null = null;
  const listeners = new Set<() => void>();
  let ended = false;
  const gone = (reason: MissingReason) => {
    if (ended || signal.aborted) return;
    end();
    hooks.onGone(reason);
  };

  // Listen before asking: the frame's first rect may arrive before the reply does.
  const stopListening = channel.listen(id, (update) => {
    if (ended) return;
    switch (update.kind) {
      case 'rect':
        state = { rect: update.rect, hidden: update.hidden };
        for (const listener of listeners) listener();
        return;
      case 'action':
        hooks.onAction(
          update.action === 'click'
            ? { kind: 'click' }
            : update.action === 'input'
              ? {
                  kind: 'input',
                  value: update.value ?? '',
                  ...(update.typing === true ? { typing: true } : {}),
                }
              : { kind: 'change', ...(update.value !== undefined ? { value: update.value } : {}) },
        );
        return;
      case 'gone':
        gone('frame-gone');
        return;
    }
  });
  // The page removed the iframe (a tab shell closed the tab): its ResizeObserver reports 0×0.
  const view = frameElement.ownerDocument.defaultView;
  const resize = view
    ? new view.ResizeObserver(() => !frameElement.isConnected && gone('frame-gone'))
    : null;
  resize?.observe(frameElement);
  const end = () => {
    if (ended) return;
    ended = true;
    stopListening();
    resize?.disconnect();
    listeners.clear();
    void channel.release(id).catch(() => undefined);
  };
  signal.addEventListener('abort', end, { once: true });

  let reply: FrameLocateReply;
  try {
    reply = await channel.locate({
      id,
      stepIndex,
      frameUrl: lookup.frameUrl,
      remainingFrames: lookup.remainingFrames ?? [],
      target: effect.target,
      timeoutMs: effect.timeoutMs,
      advance,
    });
  } catch {
    // The background could not reach the frame (no permission, worker restarted): say why.
    end();
    if (signal.aborted) return { kind: 'aborted' };
    return {
      kind: 'event',
      event: { type: 'TARGET_MISSING', stepIndex, reason: 'cross-origin-frame' },
    };
  }
  if (signal.aborted) return { kind: 'aborted' };
  if (reply.kind === 'missing' || ended) {
    end();
    const reason = reply.kind === 'missing' ? reply.reason : 'frame-gone';
    return { kind: 'event', event: { type: 'TARGET_MISSING', stepIndex, reason } };
  }
  state ??= { rect: reply.rect, hidden: reply.hidden };
  const target: FrameTarget = {
    frameElement,
    current: () => state ?? { rect: reply.rect, hidden: reply.hidden },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { kind: 'found', event: { type: 'TARGET_FOUND', stepIndex }, target };
}

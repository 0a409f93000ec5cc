/**
 * The frame agent: runs inside a cross-origin iframe when the owner frame (which draws the card)
 * delegated a step's lookup to it (features/frames/background/routes.ts). It has no UI: it finds the
 * target, scrolls it into view inside the frame, reports its rect on every scroll, resize and
 * layout shift of the frame, and reports the learner's click / input / change on it. Everything
 * it installs hangs off one AbortController per delegation, removed on release or when the page
 * unloads.
 */
import { autoUpdate } from '@floating-ui/dom';
import { waitForTarget } from '../../../lib/locate';
import { watchFieldEntry } from '../../../lib/locate/field-value';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import { revealTarget } from '../../../lib/overlay/position';
import { lookUpStepTarget } from '../../tour/content/step-dom';
import { isTrustedUserEvent } from '../../../lib/trust/user-event';
import type { FrameLocateReply, FrameLocateRequest, FrameRect, FrameUpdate } from '../protocol';

/** How long a target the page re-rendered is looked for again. */
const RELOCATE_MS = 5000;

export interface FrameAgentDeps {
  document: Document;
  /** `content:frameUpdate` to the background. */
  send(update: FrameUpdate): Promise<void>;
  /** For DOM tests without layout (happy-dom); real frames use the default. */
  visibility?: VisibilityOptions;
}

export interface FrameAgent {
  locate(request: FrameLocateRequest): Promise<FrameLocateReply>;
  release(id: string): void;
}

export function createFrameAgent(deps: FrameAgentDeps): FrameAgent {
  const live = new Map<string, AbortController>();
  const view = deps.document.defaultView;
  const send = (update: FrameUpdate) =>
    void deps.send(update).catch(() => undefined /* owner gone: released soon */);

  // The document is going away (navigation, removal): tell the owners now; the background also
  // sees the navigation commit, whichever comes first ends the delegation.
  view?.addEventListener('pagehide', () => {
    for (const [id, abort] of live) {
      abort.abort();
      send({ id, kind: 'gone' });
    }
    live.clear();
  });

  return {
    async locate(request) {
      live.get(request.id)?.abort();
      const abort = new AbortController();
      live.set(request.id, abort);
      const { signal } = abort;
      // The lookup reads only the step index, target, frame path and time limit; the card's
      // progress and placement are the owner's business, so the effect is not complete here.
      const lookup = await lookUpStepTarget(
        {
          type: 'resolve-target',
          stepIndex: request.stepIndex,
          stepId: request.id,
          target: request.target,
          frame: request.remainingFrames.length > 0 ? request.remainingFrames : null,
          timeoutMs: request.timeoutMs,
        } as Parameters<typeof lookUpStepTarget>[0],
        deps.document,
        { ...deps.visibility, signal },
      );
      if (lookup.kind === 'aborted' || signal.aborted) {
        return { kind: 'missing', reason: 'frame-gone' };
      }
      if (lookup.kind === 'delegate') {
        // Another cross-origin frame inside this one: not entered (one level of delegation).
        live.delete(request.id);
        return { kind: 'missing', reason: 'cross-origin-frame' };
      }
      const { event, element } = lookup;
      if (event.type !== 'TARGET_FOUND' || !element) {
        live.delete(request.id);
        return {
          kind: 'missing',
          reason: event.type === 'TARGET_MISSING' ? event.reason : 'not-found',
        };
      }
      if (deps.visibility?.layout !== false) revealTarget(element);
      follow(request, element, signal);
      return { kind: 'found', ...measure(element) };
    },
    release(id) {
      live.get(id)?.abort();
      live.delete(id);
    },
  };

  /** Reports the target's rect and the learner's actions until `signal` aborts. */
  function follow(request: FrameLocateRequest, first: Element, signal: AbortSignal): void {
    let element = first;
    let watching: AbortController | null = null;
    let last = '';
    let frame = 0;
    const report = () => {
      if (signal.aborted) return;
      if (!element.isConnected) {
        relocate();
        return;
      }
      const measured = measure(element);
      const key = JSON.stringify(measured);
      if (key === last) return;
      last = key;
      send({ id: request.id, kind: 'rect', ...measured });
    };
    // Many scroll events can arrive within one frame: send at most one rect per frame.
    const schedule = () => {
      if (!view || frame !== 0) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        report();
      });
    };
    const watch = (target: Element) => {
      watching?.abort();
      // Ends with the delegation, or when a re-found target replaces this one (no
      // AbortSignal.any: the manifest allows Chrome 109).
      const current = new AbortController();
      watching = current;
      signal.addEventListener('abort', () => current.abort(), {
        once: true,
        signal: current.signal,
      });
      const cleanup = autoUpdate(target, deps.document.documentElement, schedule);
      current.signal.addEventListener('abort', cleanup, { once: true });
      listenForAction(request, target, current.signal);
    };
    let relocating = false;
    const relocate = () => {
      if (relocating) return;
      relocating = true;
      void waitForTarget(request.target, deps.document, {
        ...deps.visibility,
        timeoutMs: RELOCATE_MS,
        frame: request.remainingFrames.length > 0 ? request.remainingFrames : null,
        signal,
      }).then((outcome) => {
        relocating = false;
        if (outcome.kind !== 'found' || signal.aborted) return;
        element = outcome.element;
        watch(element);
        report();
      });
    };
    signal.addEventListener('abort', () => frame !== 0 && view?.cancelAnimationFrame(frame), {
      once: true,
    });
    watch(element);
  }

  function listenForAction(request: FrameLocateRequest, element: Element, signal: AbortSignal) {
    const { id, advance } = request;
    if (advance === 'click') {
      // A click the frame's own script made is not the learner's (issue 10).
      element.addEventListener(
        'click',
        (event) => {
          if (isTrustedUserEvent(event)) send({ id, kind: 'action', action: 'click' });
        },
        { capture: true, signal },
      );
      return;
    }
    if (advance !== 'input' && advance !== 'change') return;
    watchFieldEntry(
      element,
      advance,
      (value, typing) =>
        send({ id, kind: 'action', action: advance, value, ...(typing ? { typing } : {}) }),
      { signal },
    );
  }

  function measure(element: Element): { rect: FrameRect; hidden: boolean } {
    const box = element.getBoundingClientRect();
    const rect = { x: box.x, y: box.y, width: box.width, height: box.height };
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    // Scrolled out of the frame's viewport: the owner hides the spotlight, like floating-ui's `hide`.
    const hidden =
      deps.visibility?.layout !== false &&
      (box.bottom <= 0 || box.right <= 0 || box.top >= height || box.left >= width);
    return { rect, hidden };
  }
}

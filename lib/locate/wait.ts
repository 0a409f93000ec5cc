/**
 * Wait for a target to become resolvable: a scoped MutationObserver (plus the frames' load
 * events), never polling, ended by a timeout or an AbortSignal.
 */
import type { Scope } from './find';
import type { ResolveOptions } from './resolve';
import { resolveTarget, walkFrames } from './resolve';
import type { ImmediateOutcome, LocateOutcome } from './types';
import type { Target } from './locator';

export interface WaitOptions extends ResolveOptions {
  /**
   * Give up after this long (the step's `missing.wait`, parsed with parseDuration).
   * `Infinity` waits until found or aborted.
   */
  timeoutMs: number;
  /** Abort when the step ends: the observer disconnects and the promise resolves `aborted`. */
  signal?: AbortSignal;
}

/**
 * Outcomes that end the wait: waiting longer cannot turn them into a better answer. `not-found`
 * and `hidden` keep waiting (the element may still be rendered or opened).
 */
const FINAL: ReadonlySet<ImmediateOutcome['kind']> = new Set([
  'found',
  'ambiguous',
  'invalid-locator',
  'cross-origin-frame',
]);

/** Attributes that can show or hide an element or change what a locator matches (also step-dom). */
export const WATCHED_ATTRIBUTES = [
  'class',
  'style',
  'hidden',
  'inert',
  'open',
  'aria-hidden',
  'aria-label',
  'aria-labelledby',
  'role',
  'id',
  'for',
  'title',
  'placeholder',
  'src',
  'data-testid',
  'data-test-id',
  'data-test',
];

/**
 * Resolve `target` now, or as soon as the DOM under `root` (and the same-origin frames of
 * `options.frame`) changes so that it resolves, or when `timeoutMs` has passed.
 *
 * Resolves (never rejects) with a {@link LocateOutcome}: the first final outcome, `timeout` with
 * the last immediate outcome, or `aborted`. Everything it installed (observer, load listener,
 * timer, abort listener) is removed before the promise settles.
 */
export function waitForTarget(
  target: Target,
  root: Scope,
  options: WaitOptions,
): Promise<LocateOutcome> {
  return waitUntil(target, root, options, (outcome) => FINAL.has(outcome.kind));
}

/**
 * Wait until nothing visible matches `target` any more (a step that advances when a dialog or a
 * loading mask disappears). Resolves with the first `not-found` or `hidden` outcome, or `timeout`
 * / `aborted`; same cleanup guarantees as {@link waitForTarget}.
 */
export function waitForAbsence(
  target: Target,
  root: Scope,
  options: WaitOptions,
): Promise<LocateOutcome> {
  return waitUntil(
    target,
    root,
    options,
    (outcome) => outcome.kind === 'not-found' || outcome.kind === 'hidden',
  );
}

function waitUntil(
  target: Target,
  root: Scope,
  options: WaitOptions,
  done: (outcome: ImmediateOutcome) => boolean,
): Promise<LocateOutcome> {
  const { timeoutMs, signal, ...resolveOptions } = options;
  if (signal?.aborted) return Promise.resolve({ kind: 'aborted' });
  const first = resolveTarget(target, root, resolveOptions);
  if (done(first)) return Promise.resolve(first);

  const rootDocument = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const view = rootDocument.defaultView;
  if (!view) return Promise.resolve({ kind: 'timeout', waitedMs: 0, last: first });
  const startedAt = view.performance.now();

  return new Promise<LocateOutcome>((resolve) => {
    let last: ImmediateOutcome = first;
    const observed = new Set<Node>();
    const observer = new view.MutationObserver(check);
    const loadListeners = new Map<Document, () => void>();
    // setTimeout would turn Infinity into 0 and fire at once.
    const timer = Number.isFinite(timeoutMs)
      ? view.setTimeout(
          () => finish({ kind: 'timeout', waitedMs: view.performance.now() - startedAt, last }),
          timeoutMs,
        )
      : undefined;

    function observe(node: Node): void {
      if (observed.has(node)) return;
      observed.add(node);
      observer.observe(node, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: WATCHED_ATTRIBUTES,
      });
      // iframe `load` does not bubble, but a capturing listener on the document sees it: a frame
      // that navigates gets a new document, which must be observed in turn.
      const doc = node.nodeType === 9 ? (node as Document) : (node as Element).ownerDocument;
      if (!loadListeners.has(doc)) {
        const onLoad = (): void => check();
        doc.addEventListener('load', onLoad, true);
        loadListeners.set(doc, onLoad);
      }
    }

    function observeFrames(): void {
      const frames = resolveOptions.frame;
      if (!frames || frames.length === 0) return;
      for (const doc of walkFrames(root, frames, resolveOptions).documents) observe(doc);
    }

    function check(): void {
      observeFrames();
      last = resolveTarget(target, root, resolveOptions);
      if (done(last)) finish(last);
    }

    function onAbort(): void {
      finish({ kind: 'aborted' });
    }

    function finish(outcome: LocateOutcome): void {
      observer.disconnect();
      for (const [doc, onLoad] of loadListeners) doc.removeEventListener('load', onLoad, true);
      loadListeners.clear();
      if (timer !== undefined) view?.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    }

    signal?.addEventListener('abort', onAbort, { once: true });
    observe(root);
    observeFrames();
  });
}

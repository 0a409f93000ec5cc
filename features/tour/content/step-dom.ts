/**
 * Glue between the runner's effects and the locator engine, for the content script: carry out
 * `resolve-target` and `watch-element` in this frame and get back the event to send to the runner.
 * Framework-free; the content script supplies the document and the step's AbortSignal.
 */
import type { Scope } from '../../../lib/locate/find';
import { resolveTarget } from '../../../lib/locate/resolve';
import { WATCHED_ATTRIBUTES, waitForAbsence, waitForTarget } from '../../../lib/locate/wait';
import type { LocateOutcome } from '../../../lib/locate/types';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import type { MissingReason, RunnerEffect, RunnerEvent } from '../runner';

export type ResolveTargetEffect = Extract<RunnerEffect, { type: 'resolve-target' }>;
export type WatchElementEffect = Extract<RunnerEffect, { type: 'watch-element' }> & {
  /**
   * Set by the background in an exam (实操考核): only a change that happens after the step began
   * counts — the element appearing (absent → present, or rendered anew) or disappearing — never
   * an end state that was already on the page (see {@link captureStepBaseline}).
   */
  freshOnly?: true;
};

export type StepLookup =
  /** Send `event` to the runner; with TARGET_FOUND, `element` is what the card points at. */
  | { kind: 'event'; event: RunnerEvent; element?: Element; outcome: LocateOutcome }
  /**
   * The target is inside a cross-origin frame: ask the content script of that frame (`frameUrl`)
   * to run the lookup with `remainingFrames`; its answer becomes the runner event.
   */
  | {
      kind: 'delegate';
      frameUrl: string;
      frameElement: Element;
      remainingFrames: ResolveTargetEffect['frame'];
      outcome: LocateOutcome;
    }
  /** The step ended while waiting: nothing to send. */
  | { kind: 'aborted' };

/**
 * The runner event for a lookup outcome. A `timeout` reports what the last lookup saw (still
 * `not-found`, or `hidden`), which is what a problem report needs to say.
 */
export function runnerEventForOutcome(
  outcome: LocateOutcome,
  stepIndex: number,
): RunnerEvent | null {
  switch (outcome.kind) {
    case 'found':
      return { type: 'TARGET_FOUND', stepIndex };
    case 'aborted':
    case 'cross-origin-frame':
      return null;
    case 'timeout':
      return { type: 'TARGET_MISSING', stepIndex, reason: outcome.last.kind as MissingReason };
    default:
      return { type: 'TARGET_MISSING', stepIndex, reason: outcome.kind };
  }
}

/**
 * Carry out a `resolve-target` effect: wait for the target (up to `effect.timeoutMs`) and return
 * the event for the runner, a delegation to a cross-origin frame, or `aborted`.
 */
export async function lookUpStepTarget(
  effect: ResolveTargetEffect,
  root: Scope,
  options: VisibilityOptions & { signal: AbortSignal },
): Promise<StepLookup> {
  const outcome = await waitForTarget(effect.target, root, {
    ...options,
    frame: effect.frame,
    timeoutMs: effect.timeoutMs,
  });
  if (outcome.kind === 'aborted') return { kind: 'aborted' };
  if (outcome.kind === 'cross-origin-frame') {
    return {
      kind: 'delegate',
      frameUrl: outcome.frameUrl,
      frameElement: outcome.frameElement,
      remainingFrames: outcome.remainingFrames,
      outcome,
    };
  }
  const event = runnerEventForOutcome(outcome, effect.stepIndex);
  if (!event) return { kind: 'aborted' };
  return outcome.kind === 'found'
    ? { kind: 'event', event, element: outcome.element, outcome }
    : { kind: 'event', event, outcome };
}

/**
 * What an `appear` / `disappear` step's element looked like when the step began: the visible
 * matches then (none when it was absent or hidden). An exam compares against it so that an end
 * state already on the page is not counted as the learner's doing.
 */
export interface StepBaseline {
  present: ReadonlySet<Element>;
}

/** The visible matches of `target` now (a `found` or `ambiguous` lookup), else none. */
function visibleMatches(
  target: WatchElementEffect['target'],
  root: Scope,
  options: VisibilityOptions,
): Element[] | null {
  const outcome = resolveTarget(target, root, options);
  if (outcome.kind === 'found') return [outcome.element];
  if (outcome.kind === 'ambiguous') return outcome.elements;
  // An invalid locator never appears; a cross-origin frame is not watched from here.
  if (outcome.kind === 'invalid-locator' || outcome.kind === 'cross-origin-frame') return null;
  return [];
}

/** Take a step's {@link StepBaseline} now (call it when the step begins on the page). */
export function captureStepBaseline(
  target: WatchElementEffect['target'],
  root: Scope,
  options: VisibilityOptions = {},
): StepBaseline {
  return { present: new Set(visibleMatches(target, root, options) ?? []) };
}

/**
 * Resolves true once `target` shows an element that is not in `present` — one that appeared, or
 * a node the page rendered anew — where anything seen after the target was absent counts as
 * new; false when the locator can never match here, `null` when aborted.
 */
function waitForFreshMatch(
  target: WatchElementEffect['target'],
  root: Scope,
  present: ReadonlySet<Element>,
  options: VisibilityOptions & { signal: AbortSignal },
): Promise<boolean | null> {
  const { signal, ...visibility } = options;
  const known = new Set(present);
  const test = (): boolean | undefined => {
    const matches = visibleMatches(target, root, visibility);
    if (matches === null) return false;
    if (matches.length === 0) known.clear();
    else if (matches.some((element) => !known.has(element))) return true;
    return undefined;
  };
  if (signal.aborted) return Promise.resolve(null);
  const first = test();
  if (first !== undefined) return Promise.resolve(first);
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const view = doc.defaultView;
  if (!view) return Promise.resolve(null);
  return new Promise((resolve) => {
    const observer = new view.MutationObserver(() => {
      const verdict = test();
      if (verdict !== undefined) finish(verdict);
    });
    const onAbort = (): void => finish(null);
    function finish(verdict: boolean | null): void {
      observer.disconnect();
      signal.removeEventListener('abort', onAbort);
      resolve(verdict);
    }
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  });
}

/**
 * Carry out a `watch-element` effect: resolves with ELEMENT_APPEARED / ELEMENT_DISAPPEARED when it
 * happens, or `null` when the step ends first (abort). Waits without a time limit.
 *
 * With `effect.freshOnly` (exams) only a change after the step began counts, measured against
 * `options.baseline` (taken when the step began; taken now when not given): `appear` needs an
 * element that was not visible in the baseline (it appeared, or the page rendered it anew);
 * `disappear` needs the element to go away, and if it was already absent, to come back first.
 * Without it, an end state already on the page completes the step at once (friendly in training).
 */
export async function watchStepElement(
  effect: WatchElementEffect,
  root: Scope,
  options: VisibilityOptions & { signal: AbortSignal; baseline?: StepBaseline },
): Promise<RunnerEvent | null> {
  const { baseline: given, ...waitOptions } = options;
  if (effect.freshOnly) {
    const baseline = given ?? captureStepBaseline(effect.target, root, waitOptions);
    if (effect.mode === 'appear') {
      const appeared = await waitForFreshMatch(effect.target, root, baseline.present, waitOptions);
      return appeared ? { type: 'ELEMENT_APPEARED', stepIndex: effect.stepIndex } : null;
    }
    if (baseline.present.size === 0) {
      // Already gone when the step began: it has to be there again before its going counts.
      const back = await waitForFreshMatch(effect.target, root, new Set(), waitOptions);
      if (!back) return null;
    }
  }
  const wait = effect.mode === 'appear' ? waitForTarget : waitForAbsence;
  const outcome = await wait(effect.target, root, {
    ...waitOptions,
    timeoutMs: Number.POSITIVE_INFINITY,
  });
  if (outcome.kind === 'aborted' || outcome.kind === 'timeout') return null;
  if (effect.mode === 'appear') {
    // Several matches still mean "it appeared"; an invalid locator or a cross-origin frame never will.
    return outcome.kind === 'found' || outcome.kind === 'ambiguous'
      ? { type: 'ELEMENT_APPEARED', stepIndex: effect.stepIndex }
      : null;
  }
  return { type: 'ELEMENT_DISAPPEARED', stepIndex: effect.stepIndex };
}

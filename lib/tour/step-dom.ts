/**
 * Glue between the runner's effects and the locator engine, for the content script: carry out
 * `resolve-target` and `watch-element` in this frame and get back the event to send to the runner.
 * Framework-free; the content script supplies the document and the step's AbortSignal.
 */
import type { Scope } from '../locate/find';
import { waitForAbsence, waitForTarget } from '../locate/wait';
import type { LocateOutcome } from '../locate/types';
import type { VisibilityOptions } from '../locate/visibility';
import type { MissingReason, RunnerEffect, RunnerEvent } from './runner';

export type ResolveTargetEffect = Extract<RunnerEffect, { type: 'resolve-target' }>;
export type WatchElementEffect = Extract<RunnerEffect, { type: 'watch-element' }>;

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
 * Carry out a `watch-element` effect: resolves with ELEMENT_APPEARED / ELEMENT_DISAPPEARED when it
 * happens, or `null` when the step ends first (abort). Waits without a time limit.
 */
export async function watchStepElement(
  effect: WatchElementEffect,
  root: Scope,
  options: VisibilityOptions & { signal: AbortSignal },
): Promise<RunnerEvent | null> {
  const wait = effect.mode === 'appear' ? waitForTarget : waitForAbsence;
  const outcome = await wait(effect.target, root, {
    ...options,
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

import { resolveTarget, waitForTarget } from '../../../lib/locate';
import { watchFieldValue } from '../../../lib/locate/field-value';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import { matchUrlGlob } from '../match';
import type { Step } from '../schema';
import {
  captureStepBaseline,
  lookUpStepTarget,
  watchStepElement,
  type StepBaseline,
} from './step-dom';
import type { TourView } from './view';
// Cross-origin frames: the frame's agent finds the target (frame-delegate.ts).
import {
  delegateToFrame,
  frameAdvance,
  type FrameChannel,
  type FrameTarget,
} from '../../frames/content/delegate';
import { messagingFrameChannel } from '../../frames/content/channel';
import { isTrustedUserEvent } from '../../../lib/trust/user-event';
import type { ContentEffect, ContentTourEvent, TourInstruction } from '../protocol';

export interface TourControllerDeps {
  /** Sends an event to the background's session for this tab; resolves with what to do next. */
  send(event: ContentTourEvent): Promise<TourInstruction | null>;
  /** Draws (or, with null, removes) the tour's step card. */
  render(view: TourView | null): void;
  /** Files a problem report (the 报告问题 button on a step whose target is missing). */
  report(description: string): Promise<{ scrubSummary: string | null }>;
  /** Shows the step's field guard (`guard:`) while the step is active; abort removes it. */
  showGuard?(guardId: string, signal: AbortSignal): boolean;
  /** Called once the tour ended (finished or abandoned) with its title. */
  finished(outcome: { status: 'finished' | 'abandoned'; title: string }): void;
  /** Where targets are looked up. */
  document: Document;
  /** Lookup options (DOM tests without layout pass `{ layout: false }`). */
  lookup?: VisibilityOptions;
  /** Cross-origin frames: how to reach a frame's agent (default: through the background). */
  frames?: FrameChannel;
}

/** Typing pauses this long before the value is checked against the step's rule. */
const INPUT_SETTLE_MS = 300;

/** How long a click step with `until` waits for the page's success signal before saying so. */
const CONFIRM_WAIT_MS = 4000;

/**
 * Carries out the background's tour effects in one page: looks targets up (waiting with a scoped
 * MutationObserver), reports found/missing, watches what the learner does on the target, and
 * drives the step card. Everything it installs on the page hangs off the current step's
 * AbortController and is removed when the step ends or the controller is disposed.
 */
export class TourController {
  private instruction: TourInstruction | null = null;
  private stepAbort: AbortController | null = null;
  private watchAbort: AbortController | null = null;
  /** What the shown card installed on the page (advance listeners, the field guard). */
  private cardAbort: AbortController | null = null;
  private element: Element | null = null;
  /** The step's target inside a cross-origin frame (instead of `element`). */
  private frameTarget: FrameTarget | null = null;
  /** The step delegated to a cross-origin frame, and what ends that delegation. */
  private frameStep: { stepIndex: number; abort: AbortController } | null = null;
  /**
   * In an exam (step effects with `freshOnly`): the step that began, and for an appear /
   * disappear step its element's baseline, taken then. Only what happens after counts.
   */
  private fresh: { stepIndex: number; baseline: StepBaseline | null } | null = null;
  private view: TourView | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** The newest {@link TourInstruction.revision} applied. */
  private revision = 0;
  /** Events sent and not answered yet. */
  private pending = 0;
  /**
   * The next step's card, shown while `NEXT` is on its way (see {@link TourController.predictNext}),
   * with what was shown before it in case the background does not move on.
   */
  private predicted: {
    view: TourView;
    before: TourView;
    element: Element | null;
  } | null = null;
  /**
   * The predicted card's advance listeners, kept until the step's confirmed card listens itself
   * (so no action falls between the two), and what the learner did on it meanwhile: sent once
   * the background has the step's TARGET_FOUND (before that it is waiting for the target and
   * would not count a click).
   */
  private predictAbort: AbortController | null = null;
  private early: { stepIndex: number; events: ContentTourEvent[] } | null = null;
  private disposed = false;

  constructor(private readonly deps: TourControllerDeps) {}

  /** Applies an instruction from the background (after hello, a button, a popup start…). */
  apply(instruction: TourInstruction | null): void {
    if (this.disposed || !instruction) return;
    // Instructions can arrive out of order (an event's reply, a route change's hello, a start):
    // an older one applied after a newer one would bring back a step the tour has left, or a card
    // after the tour finished. The background numbers them; only newer ones count.
    if (instruction.revision !== undefined) {
      if (instruction.revision < this.revision) return;
      this.revision = instruction.revision;
    }
    const previous = this.instruction;
    this.instruction = instruction;
    const effects = instruction.effects;
    for (const [i, effect] of effects.entries()) {
      // The next step's lookup follows at once: keep the card (and the overlay's host) until it
      // is found, so the next card replaces this one instead of the host being torn down and
      // mounted again between two steps.
      if (effect.type === 'hide-step' && effects[i + 1]?.type === 'resolve-target') {
        this.hideSoon();
      } else this.run(effect);
    }
    // The background did not move on (nothing hidden or shown): the card it shows comes back.
    if (!effects.some((e) => e.type === 'hide-step' || e.type === 'show-step')) {
      this.dropPrediction();
    }
    this.predicted = null;
    if (instruction.status === 'finished' || instruction.status === 'abandoned') {
      this.fresh = null;
      this.dropEarly();
      this.endStep();
      this.setView(null);
      if (previous?.status !== instruction.status) {
        this.deps.finished({ status: instruction.status, title: instruction.tour.title });
      }
      this.instruction = null;
    }
  }

  /**
   * Resolves once every event sent so far has been answered. The content script waits for it
   * before reporting a route change, so a click that also changed the route (a menu link) reaches
   * the background first and is counted for the step it was made on (a click step with `until`
   * then keeps waiting for its success signal on the new route: the runner asks for the watch
   * again with the new lookup, so one click is enough).
   */
  settled(): Promise<void> {
    return this.queue;
  }

  /** The learner pressed a card button. */
  next = () => {
    if (this.onPredictedCard()) return this.later({ type: 'NEXT' });
    this.predictNext();
    return this.emit({ type: 'NEXT' });
  };
  back = () =>
    this.onPredictedCard() ? this.later({ type: 'BACK' }) : this.emit({ type: 'BACK' });
  skip = () =>
    this.onPredictedCard() ? this.later({ type: 'SKIP' }) : this.emit({ type: 'SKIP' });
  exit = () => this.emit({ type: 'EXIT' });

  /**
   * The card on screen is a predicted one the background has not confirmed yet: it still waits
   * for that step's target, and would drop a 下一步 pressed now (renzhi.spec under load: the
   * learner's second 下一步 in a row was lost and the card stayed). Such a press is kept with
   * the step's other early actions and sent after its TARGET_FOUND.
   */
  private onPredictedCard(): boolean {
    return this.early !== null && this.view?.stepIndex === this.early.stepIndex;
  }

  private later(event: ContentTourEvent): Promise<void> {
    this.early?.events.push(event);
    return this.queue;
  }

  /**
   * 报告问题 on a step whose target could not be found: one click files a report that names the
   * tour, the step and why; the background adds page, browser and failed-step context.
   */
  reportMissing = async (): Promise<void> => {
    const view = this.view;
    const step = this.currentStep();
    if (!view || !step || view.mode !== 'missing') return;
    const description =
      `引导「${view.tour.title}」第 ${view.stepIndex + 1} 步「${step.title ?? step.id}」找不到页面元素` +
      `（${view.missingReason ?? 'not-found'}）。`;
    this.setView({ ...view, report: 'sending' });
    try {
      await this.deps.report(description);
      if (this.view?.stepIndex === view.stepIndex) this.setView({ ...this.view, report: 'sent' });
    } catch {
      if (this.view?.stepIndex === view.stepIndex) this.setView({ ...this.view, report: 'failed' });
    }
  };

  /** The located target left the DOM (re-rendered by the page): find it again and re-anchor. */
  relocate(): void {
    const view = this.view;
    const step = this.currentStep();
    if (!view || view.mode !== 'located' || !step?.target) return;
    const signal = this.stepAbort?.signal;
    void waitForTarget(step.target, this.deps.document, {
      ...this.deps.lookup,
      timeoutMs: 5000,
      frame: step.frame ?? null,
      ...(signal ? { signal } : {}),
    }).then((outcome) => {
      if (outcome.kind !== 'found' || this.view !== view) return;
      this.element = outcome.element;
      this.listenForAdvance(step, outcome.element);
      this.setView({ ...view, element: outcome.element });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.dropEarly();
    this.endStep();
    this.watchAbort?.abort();
    this.setView(null);
  }

  /**
   * 下一步 on a card whose step completes on it: the background will enter the next step, and
   * that step's target is known from the tour, so it is looked up now and its card shown while
   * `NEXT` is on its way (the learner does not wait for the round trip). Only the plain case: no
   * event in flight, no exam, the next target in this document, on a page the step allows, and
   * found at once. The background stays the authority: its resolve-target looks the target up
   * again and confirms this card (same element, nothing redrawn), or its answer replaces it.
   */
  private predictNext(): void {
    const instruction = this.instruction;
    const view = this.view;
    const step = this.currentStep();
    if (
      !instruction ||
      !view ||
      !step ||
      this.pending > 0 ||
      this.fresh ||
      instruction.exam ||
      instruction.status !== 'running' ||
      view.mode === 'missing' ||
      this.frameTarget !== null ||
      this.frameStep !== null ||
      view.stepIndex !== instruction.stepIndex ||
      step.advance.on !== 'next'
    ) {
      return;
    }
    const stepIndex = instruction.stepIndex + 1;
    const nextStep = instruction.tour.steps[stepIndex];
    const href = this.deps.document.location?.href;
    if (
      !nextStep?.target ||
      (nextStep.frame && nextStep.frame.length > 0) ||
      (nextStep.page !== undefined && (!href || !matchUrlGlob(nextStep.page, href)))
    ) {
      return;
    }
    const outcome = resolveTarget(nextStep.target, this.deps.document, {
      ...this.deps.lookup,
      frame: null,
    });
    if (outcome.kind !== 'found') return;
    const before = { view, element: this.element };
    this.endStep();
    this.element = outcome.element;
    // The learner may act on the new target before the background confirms it (a busy machine
    // takes a while; bianmin.spec's import click was lost so): listen now and keep what they
    // did until the step is confirmed (see `early`). The guard comes with the confirmation.
    this.dropEarly();
    const listening = new AbortController();
    this.predictAbort = listening;
    const early = { stepIndex, events: [] as ContentTourEvent[] };
    this.early = early;
    this.listenForAdvance(nextStep, outcome.element, stepIndex, listening.signal, (event) => {
      if (this.early === early) early.events.push(event);
    });
    const predicted: TourView = {
      tour: instruction.tour,
      stepIndex,
      mode: 'located',
      element: outcome.element,
      frameTarget: null,
      placement: nextStep.placement,
      rejection: null,
      missingReason: null,
      report: 'idle',
    };
    this.predicted = { view: predicted, before: before.view, element: before.element };
    this.setView(predicted);
  }

  /** A predicted card the background did not confirm: show the current step's card again. */
  private dropPrediction(): void {
    const predicted = this.predicted;
    this.predicted = null;
    if (!predicted || this.view !== predicted.view || !this.instruction) return;
    this.dropEarly();
    this.beginStep();
    this.element = predicted.element;
    const { before } = predicted;
    this.show({
      type: 'show-step',
      stepIndex: before.stepIndex,
      stepId: this.currentStep()?.id ?? '',
      // Not drawn (the card counts from the tour and step index).
      progress: { current: before.stepIndex + 1, total: before.tour.steps.length, label: '' },
      placement: before.placement,
      centred: before.mode === 'centred',
    });
  }

  private currentStep(): Step | undefined {
    return this.instruction?.tour.steps[this.instruction.stepIndex];
  }

  private emit(event: ContentTourEvent): Promise<void> {
    // One event at a time, in order: a second click must not overtake the first one's reply.
    this.pending += 1;
    this.queue = this.queue
      .then(async () => {
        if (this.disposed) return;
        const reply = await this.deps.send(event);
        if (!reply) this.dropPrediction();
        this.apply(reply);
      })
      .catch((error: unknown) => {
        this.dropPrediction();
        console.warn('[zhiyin] tour event failed', error);
      })
      .finally(() => {
        this.pending -= 1;
      });
    return this.queue;
  }

  private run(effect: ContentEffect): void {
    switch (effect.type) {
      case 'hide-step':
        this.endStep();
        this.setView(null);
        return;
      case 'await-navigation':
        // Nothing to show until the learner reaches the step's page; the next page's content
        // script reports in and the background continues there.
        return;
      case 'resolve-target':
        this.noteFresh(effect);
        this.resolve(effect);
        return;
      case 'show-step':
        this.noteFresh(effect);
        this.show(effect);
        return;
      case 'watch-element':
        this.watch(effect);
        return;
      case 'advance-rejected':
        if (this.view && this.view.stepIndex === effect.stepIndex) {
          this.setView({
            ...this.view,
            rejection: effect.reason,
            rejectionMessage: effect.message ?? null,
          });
        }
        return;
    }
  }

  /** Remembers when an exam step began on the page (see {@link TourController.fresh}). */
  private noteFresh(effect: { stepIndex: number; freshOnly?: true }): void {
    if (!effect.freshOnly) {
      this.fresh = null;
      return;
    }
    if (this.fresh?.stepIndex === effect.stepIndex) return; // the same step, looked up again
    const advance = this.instruction?.tour.steps[effect.stepIndex]?.advance;
    const watched =
      advance && (advance.on === 'appear' || advance.on === 'disappear') ? advance.locator : null;
    this.fresh = {
      stepIndex: effect.stepIndex,
      baseline: watched ? captureStepBaseline(watched, this.deps.document, this.deps.lookup) : null,
    };
  }

  /**
   * Ends the step now but removes its card only after the current task: a target found at once
   * (its lookup settles in microtasks) shows the next card first, with nothing painted between;
   * a target that is waited for, or looked up in a frame, leaves no stale card behind.
   */
  private hideSoon(): void {
    this.endStep();
    const stale = this.view;
    if (!stale) return;
    const view = this.deps.document.defaultView;
    const hide = () => {
      if (this.view === stale) this.setView(null);
    };
    if (view) view.setTimeout(hide, 0);
    else hide();
  }

  private beginStep(): AbortSignal {
    this.endStep();
    this.stepAbort = new AbortController();
    return this.stepAbort.signal;
  }

  /** Forgets the predicted card's listeners and what was done on it. */
  private dropEarly(): void {
    this.predictAbort?.abort();
    this.predictAbort = null;
    this.early = null;
  }

  private endStep(): void {
    this.stepAbort?.abort();
    this.stepAbort = null;
    this.cardAbort?.abort();
    this.cardAbort = null;
    this.watchAbort?.abort();
    this.watchAbort = null;
    this.element = null;
    this.releaseFrame();
  }

  /** Cross-origin frames: stop the frame's watch (its agent removes its listeners). */
  private releaseFrame(): void {
    this.frameStep?.abort.abort();
    this.frameStep = null;
    this.frameTarget = null;
  }

  private resolve(effect: Extract<ContentEffect, { type: 'resolve-target' }>) {
    const signal = this.beginStep();
    void lookUpStepTarget(effect, this.deps.document, { ...this.deps.lookup, signal }).then(
      (lookup) => {
        if (signal.aborted || lookup.kind === 'aborted') return;
        if (lookup.kind === 'delegate') {
          // The target is inside a cross-origin frame: that frame's agent looks it up.
          this.delegate(effect, lookup, signal);
          return;
        }
        if (lookup.element) this.element = lookup.element;
        // Found: show the card now, with what the background's show-step will say (it comes with
        // the answer to TARGET_FOUND, sent in parallel, and only confirms this card).
        if (lookup.event.type === 'TARGET_FOUND' && lookup.element) {
          this.show({
            type: 'show-step',
            stepIndex: effect.stepIndex,
            stepId: effect.stepId,
            progress: effect.progress,
            placement: effect.placement,
            centred: false,
          });
        }
        void this.emit(lookup.event as ContentTourEvent);
        // What the learner did on the predicted card goes after TARGET_FOUND (see `early`).
        const early = this.early;
        if (early) {
          this.early = null;
          if (lookup.event.type === 'TARGET_FOUND' && early.stepIndex === effect.stepIndex)
            for (const event of early.events) void this.emit(event);
        }
      },
    );
  }

  private show(effect: Extract<ContentEffect, { type: 'show-step' }>): void {
    const instruction = this.instruction;
    const step = this.currentStep();
    if (!instruction || !step) return;
    // A step shown without a lookup of its own (a centred step after a frame step) releases the
    // frame the previous step was delegated to.
    if (this.frameStep && this.frameStep.stepIndex !== effect.stepIndex) this.releaseFrame();
    const located = !effect.centred && (this.element !== null || this.frameTarget !== null);
    const mode = effect.missing ? 'missing' : located ? 'located' : 'centred';
    const shown = this.view;
    if (
      shown &&
      this.cardAbort &&
      shown.tour.id === instruction.tour.id &&
      shown.stepIndex === effect.stepIndex &&
      shown.mode === mode &&
      shown.placement === effect.placement &&
      shown.element === (located ? this.element : null)
    ) {
      // The card shown when the target was found, confirmed by the background: nothing to redo.
      return;
    }
    if (!this.stepAbort) this.beginStep();
    // The background disagreed with the card shown (or there was none): its answer wins.
    this.cardAbort?.abort();
    const card = new AbortController();
    this.cardAbort = card;
    // The confirmed card listens from here on (what was done before is in `early`).
    this.predictAbort?.abort();
    this.predictAbort = null;
    if (this.early && this.early.stepIndex !== effect.stepIndex) this.early = null;
    if (located && this.element) this.listenForAdvance(step, this.element);
    if (step.guard && !effect.missing) this.deps.showGuard?.(step.guard, card.signal);
    this.setView({
      tour: instruction.tour,
      stepIndex: effect.stepIndex,
      mode: effect.missing ? 'missing' : located ? 'located' : 'centred',
      element: located ? this.element : null,
      frameTarget: located ? this.frameTarget : null,
      placement: effect.placement,
      rejection: null,
      missingReason: effect.missing?.reason ?? null,
      report: 'idle',
    });
  }

  /**
   * Cross-origin frames (features/tour/README.md): the frame's agent looks the target up, reports its
   * rect and the learner's actions on it; the frame going away ends the step as missing.
   */
  private delegate(
    effect: Extract<ContentEffect, { type: 'resolve-target' }>,
    lookup: Extract<Awaited<ReturnType<typeof lookUpStepTarget>>, { kind: 'delegate' }>,
    signal: AbortSignal,
  ): void {
    const stepIndex = effect.stepIndex;
    const step = this.instruction?.tour.steps[stepIndex];
    this.releaseFrame();
    const own = new AbortController();
    this.frameStep = { stepIndex, abort: own };
    signal.addEventListener('abort', () => own.abort(), { once: true, signal: own.signal });
    void delegateToFrame(
      effect,
      lookup,
      frameAdvance(step),
      this.deps.frames ?? messagingFrameChannel,
      {
        signal: own.signal,
        onAction: (action) => void this.emit({ type: 'USER_ACTION', stepIndex, ...action }),
        onGone: (reason) => void this.emit({ type: 'TARGET_MISSING', stepIndex, reason }),
      },
    ).then((result) => {
      if (result.kind === 'aborted' || own.signal.aborted) return;
      if (result.kind === 'found') {
        this.frameTarget = result.target;
        // As for a target in this document: the card now, the background's show-step confirms it.
        this.show({
          type: 'show-step',
          stepIndex,
          stepId: effect.stepId,
          progress: effect.progress,
          placement: effect.placement,
          centred: false,
        });
      }
      void this.emit(result.event as ContentTourEvent);
    });
  }

  /** Watches the learner act on the target: the background decides whether it completes the step. */
  private listenForAdvance(
    step: Step,
    element: Element,
    stepIndex: number = this.instruction?.stepIndex ?? 0,
    signal: AbortSignal | undefined = this.cardAbort?.signal,
    deliver: (event: ContentTourEvent) => void = (event) => void this.emit(event),
  ): void {
    if (!signal) return;
    const options = { capture: true, signal } as const;
    switch (step.advance.on) {
      case 'click':
        element.addEventListener(
          'click',
          // A click the page's own script made is not the learner's (issue 10).
          (event) => {
            if (isTrustedUserEvent(event))
              deliver({ type: 'USER_ACTION', stepIndex, kind: 'click' });
          },
          options,
        );
        return;
      case 'input':
      case 'change': {
        // Typing settles before the value is checked; a committed change is checked at once.
        // Component-library selects fire no native change: watchFieldValue reads what they show.
        const view = element.ownerDocument.defaultView;
        let timer: number | undefined;
        const kind = step.advance.on;
        watchFieldValue(
          element,
          (value, how) => {
            if (timer !== undefined) view?.clearTimeout(timer);
            if (kind === 'change' && how === 'input') return;
            const send = () => deliver({ type: 'USER_ACTION', stepIndex, kind, value });
            if (how === 'input') timer = view?.setTimeout(send, INPUT_SETTLE_MS);
            else send();
          },
          { signal, freshOnly: this.fresh?.stepIndex === stepIndex, learnerOnly: true },
        );
        signal.addEventListener('abort', () => timer !== undefined && view?.clearTimeout(timer));
        return;
      }
      default:
        return;
    }
  }

  private watch(effect: Extract<ContentEffect, { type: 'watch-element' }>): void {
    this.watchAbort?.abort();
    const abort = new AbortController();
    this.watchAbort = abort;
    const view = this.deps.document.defaultView;
    if (effect.confirmsClick && view) {
      // Clicked, but the page has not confirmed yet: after a while, say so on the card (the page
      // usually shows why, e.g. a required field), and keep waiting for the signal.
      const timer = view.setTimeout(() => {
        if (!abort.signal.aborted && this.view?.stepIndex === effect.stepIndex) {
          this.setView({ ...this.view, rejection: 'not-confirmed', rejectionMessage: null });
        }
      }, CONFIRM_WAIT_MS);
      abort.signal.addEventListener('abort', () => view.clearTimeout(timer), { once: true });
    }
    const baseline = this.fresh?.stepIndex === effect.stepIndex ? this.fresh.baseline : null;
    void watchStepElement(effect, this.deps.document, {
      ...this.deps.lookup,
      signal: abort.signal,
      ...(baseline ? { baseline } : {}),
    }).then((event) => {
      if (event && !abort.signal.aborted) void this.emit(event as ContentTourEvent);
    });
  }

  private setView(view: TourView | null): void {
    this.view = view;
    this.deps.render(view);
  }
}

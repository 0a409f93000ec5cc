import { resolveTarget, waitForTarget } from '../../../lib/locate';
import { watchFieldEntry } from '../../../lib/locate/field-value';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import { examPageEffect } from '../../exam/exam';
import type { ExamHud } from '../../exam/outcome';
import {
  ACTIVE_STATUSES,
  RECOVERABLE,
  createRunnerState,
  transition,
  type RunnerEffect,
  type RunnerState,
} from '../runner';
import type { Step, Tour } from '../schema';
import type { Language } from '../../../lib/settings/preferences';
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
import type {
  ContentEffect,
  ContentTourEvent,
  TourEventMessage,
  TourInstruction,
} from '../protocol';

export interface TourControllerDeps {
  /** Sends an event to the background's session for this tab; resolves with its answer. */
  send(event: TourEventMessage): Promise<TourInstruction | null>;
  /** Draws (or, with null, removes) the tour's step card. */
  render(view: TourView | null): void;
  /** Files a problem report (the 报告问题 button on a step whose target is missing). */
  report(description: string): Promise<{ scrubSummary: string | null }>;
  /** Shows the step's field guard (`guard:`) while the step is active; abort removes it. */
  showGuard?(guardId: string, signal: AbortSignal): boolean;
  /** Called once the tour ended (finished or abandoned) with its title. */
  finished(outcome: { status: 'finished' | 'abandoned'; title: string }): void;
  /** The run's tour in another language (界面语言 changed while the card is open). */
  tourText?(run: string, language: Language): Promise<Tour | null>;
  /** Where targets are looked up. */
  document: Document;
  /** Lookup options (DOM tests without layout pass `{ layout: false }`). */
  lookup?: VisibilityOptions;
  /** Cross-origin frames: how to reach a frame's agent (default: through the background). */
  frames?: FrameChannel;
}

/** How long a click step with `until` waits for the page's success signal before saying so. */
const CONFIRM_WAIT_MS = 4000;

/** The run the page holds: the tour (sent once per run) and the runner state as the page sees it. */
interface Run {
  id: string;
  tour: Tour;
  exam: ExamHud | null;
  state: RunnerState;
}

/**
 * Runs the tab's tour in one page: looks targets up (waiting with a scoped MutationObserver),
 * watches what the learner does on the target, and drives the step card. Everything it installs on
 * the page hangs off the current step's AbortController and is removed when the step ends or the
 * controller is disposed.
 *
 * One authority, no guessing: the page applies the same pure transition as the background
 * (features/tour/runner.ts) the moment something happens, so the card moves at once, and sends the
 * event; the background applies it to the tab's session (the authority: records, exams, the end of
 * a run) and answers with its state. The same events in the same order give the same state, so the
 * answer only confirms; when it does not (an exam's time ran out, the session was restarted), the
 * background's answer wins and the page follows it until nothing is in flight. Ends of runs and
 * validator checks (bound to the learner's language, in the background) are left to the answer.
 */
export class TourController {
  private run: Run | null = null;
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
  /**
   * In an exam: the next step's baseline, taken the moment the learner acted on this one (before
   * the page reacts). A step the background must confirm (a validated value) begins on the page
   * only when its answer arrives; a learner who enters the value and presses 查询 at once has
   * made the result appear by then, and a baseline taken then would wait for it forever.
   */
  private upcoming: { stepIndex: number; baseline: StepBaseline | null } | null = null;
  /** Clicks already counted (a target re-rendered mid-step is listened to twice for a moment). */
  private readonly counted = new WeakSet<Event>();
  private view: TourView | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** The newest {@link TourInstruction.revision} applied. */
  private revision = 0;
  /** Events sent and not answered yet. */
  private pending = 0;
  /** Of those, events the page did not decide itself (it follows their answers). */
  private undecided = 0;
  /** An answer disagreed with the page: follow the answers until none is in flight. */
  private following = false;
  private disposed = false;

  constructor(private readonly deps: TourControllerDeps) {}

  /** Applies an instruction from the background (after hello, a popup start, a resume…). */
  apply(instruction: TourInstruction | null): void {
    if (this.disposed || !instruction) return;
    // Instructions can arrive out of order (an event's reply, a route change's hello, a start):
    // an older one applied after a newer one would bring back a step the tour has left, or a card
    // after the tour finished. The background numbers them; only newer ones count.
    if (instruction.revision !== undefined) {
      if (instruction.revision < this.revision) return;
      this.revision = instruction.revision;
    }
    const tour = instruction.tour ?? (this.run?.id === instruction.run ? this.run.tour : null);
    if (!tour) {
      console.warn('[zhiyin] tour instruction without its tour', instruction.run);
      return;
    }
    const previous = this.run?.id === instruction.run ? this.run.state.status : null;
    this.run = {
      id: instruction.run,
      tour,
      exam: instruction.exam ?? null,
      state: instruction.snapshot,
    };
    this.present(instruction.effects, previous);
  }

  /**
   * The learner switched 界面语言: take the run's texts in that language from the background and
   * redraw the card on the same step (same target, nothing looked up again). A run that ended or
   * was replaced meanwhile keeps what it has.
   */
  async retext(language: Language): Promise<void> {
    const run = this.run;
    if (this.disposed || !run || !this.deps.tourText) return;
    let tour: Tour | null;
    try {
      tour = await this.deps.tourText(run.id, language);
    } catch (error) {
      console.warn('[zhiyin] tour texts in the new language failed', error);
      return;
    }
    if (!tour || this.disposed || this.run !== run || tour.steps.length !== run.tour.steps.length)
      return;
    run.tour = tour;
    if (this.view) this.setView({ ...this.view, tour });
  }

  /** The running tour's title (the exam HUD shows it). */
  tourTitle(): string | null {
    return this.run?.tour.title ?? null;
  }

  /** Carries out effects for the run's current state; ends the run on the page when it ended. */
  private present(effects: readonly ContentEffect[], previous: RunnerState['status'] | null): void {
    const run = this.run;
    if (!run) return;
    for (const [i, effect] of effects.entries()) {
      // The next step's lookup follows at once: keep the card (and the overlay's host) until it
      // is found, so the next card replaces this one instead of the host being torn down and
      // mounted again between two steps.
      if (effect.type === 'hide-step' && effects[i + 1]?.type === 'resolve-target') {
        this.hideSoon();
      } else this.runEffect(effect);
    }
    const status = run.state.status;
    if (status === 'finished' || status === 'abandoned') {
      this.fresh = null;
      this.endStep();
      this.setView(null);
      if (previous !== status) this.deps.finished({ status, title: run.tour.title });
      this.run = null;
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
  next = () => this.act({ type: 'NEXT' });
  back = () => this.act({ type: 'BACK' });
  skip = () => this.act({ type: 'SKIP' });
  exit = () => this.act({ type: 'EXIT' });

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
    void this.findAgain(step, 5000, this.stepAbort?.signal).then((element) => {
      if (!element || this.view !== view) return;
      this.element = element;
      this.listenForAdvance(step, element);
      this.setView({ ...view, element });
    });
  }

  /** The step's target once it resolves (within `timeoutMs`), else null. */
  private async findAgain(
    step: Step,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Element | null> {
    if (!step.target) return null;
    const outcome = await waitForTarget(step.target, this.deps.document, {
      ...this.deps.lookup,
      timeoutMs,
      frame: step.frame ?? null,
      ...(signal ? { signal } : {}),
    });
    return outcome.kind === 'found' ? outcome.element : null;
  }

  dispose(): void {
    this.disposed = true;
    this.endStep();
    this.watchAbort?.abort();
    this.setView(null);
  }

  private currentStep(): Step | undefined {
    return this.run?.tour.steps[this.run.state.stepIndex];
  }

  /**
   * Something happened in the tour (a button, a lookup, the learner's action): apply it here at
   * once when the page can decide it, then send it to the background, which decides for good.
   */
  private act(event: ContentTourEvent): Promise<void> {
    const run = this.run;
    if (this.disposed || !run) return this.queue;
    // An exam's next step counts only what happens after this action (see `upcoming`).
    if (run.exam && event.type === 'USER_ACTION' && event.stepIndex === run.state.stepIndex) {
      const next = event.stepIndex + 1;
      this.upcoming = { stepIndex: next, baseline: this.baselineOf(next) };
    }
    const local =
      event.type !== 'SUBMIT' && this.decidesLocally(run, event)
        ? transition(run.tour, run.state, event, { now: Date.now })
        : null;
    // A run's end (results, surveys, the finished notice) is the background's to announce.
    const decided = local !== null && ACTIVE_STATUSES.has(local.state.status) ? local : null;
    if (decided) {
      const previous = run.state.status;
      run.state = decided.state;
      this.present(this.pageEffects(run, decided.effects), previous);
    }
    return this.send(run.id, event, decided?.state ?? null);
  }

  /** Whether the page may apply this event itself (see the class comment). */
  private decidesLocally(run: Run, event: ContentTourEvent): boolean {
    if (event.type === 'SUBMIT') return false;
    // What the page found on itself (a lookup, a watched element) is the page's to apply: the
    // runner takes it only for the step it is about.
    const pageFact =
      event.type === 'TARGET_FOUND' ||
      event.type === 'TARGET_MISSING' ||
      event.type === 'ELEMENT_APPEARED' ||
      event.type === 'ELEMENT_DISAPPEARED';
    if (!pageFact && (this.following || this.undecided > 0)) return false;
    // Past an exam's time limit the background hands the exam in, whatever the event.
    if (run.exam && Date.now() - run.exam.startedAt > run.exam.timeLimitMs) return false;
    const step = run.tour.steps[run.state.stepIndex];
    const advance = step?.advance;
    return !(
      event.type === 'USER_ACTION' &&
      advance &&
      'validator' in advance &&
      advance.validator
    );
  }

  /** The runner's effects the page carries out (records stay in the background). */
  private pageEffects(run: Run, effects: readonly RunnerEffect[]): ContentEffect[] {
    const page: ContentEffect[] = [];
    for (const effect of effects) {
      if (effect.type === 'record') continue;
      page.push(run.exam ? examPageEffect(effect) : effect);
    }
    return page;
  }

  private send(
    runId: string,
    event: ContentTourEvent,
    expected: RunnerState | null,
  ): Promise<void> {
    // Sent now, answered in order. The background handles a tab's messages one at a time in the
    // order they arrive (TourSessions.serial), so it sees the events as the page applied them
    // without the page waiting for each answer first. Waiting lost events: a click that loads a
    // new page (登录) queued behind a slow answer was never sent before the page went away, and
    // the next page resumed on the step the learner had already done.
    if (this.disposed) return this.queue;
    this.pending += 1;
    if (expected === null) this.undecided += 1;
    const reply = (async () => this.deps.send({ ...event, run: runId }))();
    // Handled where the queue reaches it; until then a refusal is not an unhandled rejection on
    // the host page's console.
    reply.catch(() => undefined);
    this.queue = this.queue
      .then(async () => {
        const answer = await reply;
        if (this.disposed) return;
        this.reconcile(answer, expected);
      })
      .catch((error: unknown) => console.warn('[zhiyin] tour event failed', error))
      .finally(() => {
        this.pending -= 1;
        if (expected === null) this.undecided -= 1;
        if (this.pending === 0) this.following = false;
      });
    return this.queue;
  }

  /** The background's answer to an event: a confirmation, or the state the page must take. */
  private reconcile(reply: TourInstruction | null, expected: RunnerState | null): void {
    if (!reply || this.disposed) return;
    if (reply.revision !== undefined && reply.revision < this.revision) return;
    const run = this.run;
    const sameRun = run !== null && run.id === reply.run;
    if (expected && sameRun && sameProgress(expected, reply.snapshot)) {
      // Confirmed: the page already did all of it.
      if (reply.revision !== undefined) this.revision = reply.revision;
      return;
    }
    if (expected) this.following = true;
    const active = ACTIVE_STATUSES.has(reply.snapshot.status);
    const moves = reply.effects.some(
      (effect) => effect.type !== 'watch-element' && effect.type !== 'advance-rejected',
    );
    if (sameRun && active && !moves && sameStep(run.state, reply.snapshot)) {
      // The page is on the background's step (perhaps still looking its target up): keep the
      // card, take what the background said about it (a refused value, a signal to wait for).
      if (reply.revision !== undefined) this.revision = reply.revision;
      if (run.state.status === reply.snapshot.status) run.state = reply.snapshot;
      for (const effect of reply.effects) this.runEffect(effect);
      return;
    }
    if (moves || !active || !sameRun) {
      this.apply(reply);
      return;
    }
    // The background stayed on a step the page had already left: show that step afresh.
    if (reply.revision !== undefined) this.revision = reply.revision;
    const again = transition(
      run.tour,
      createRunnerState(run.tour),
      { type: 'RESUME', snapshot: reply.snapshot },
      { now: Date.now },
    );
    const previous = run.state.status;
    run.state = again.state;
    this.present(this.pageEffects(run, [{ type: 'hide-step' }, ...again.effects]), previous);
  }

  private runEffect(effect: ContentEffect): void {
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
    const taken = this.upcoming?.stepIndex === effect.stepIndex ? this.upcoming : null;
    this.upcoming = null;
    this.fresh = taken ?? {
      stepIndex: effect.stepIndex,
      baseline: this.baselineOf(effect.stepIndex),
    };
  }

  /** What a watched (appear / disappear) step's element looks like now, for "after this only". */
  private baselineOf(stepIndex: number): StepBaseline | null {
    const advance = this.run?.tour.steps[stepIndex]?.advance;
    const watched =
      advance && (advance.on === 'appear' || advance.on === 'disappear') ? advance.locator : null;
    return watched ? captureStepBaseline(watched, this.deps.document, this.deps.lookup) : null;
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
        // Found: the transition shows the card now (missing: the card says so).
        void this.act(lookup.event as ContentTourEvent);
      },
    );
  }

  private show(effect: Extract<ContentEffect, { type: 'show-step' }>): void {
    const run = this.run;
    const step = run?.tour.steps[effect.stepIndex];
    if (!run || !step) return;
    // A step shown without a lookup of its own (a centred step after a frame step) releases the
    // frame the previous step was delegated to.
    if (this.frameStep && this.frameStep.stepIndex !== effect.stepIndex) this.releaseFrame();
    const located = !effect.centred && (this.element !== null || this.frameTarget !== null);
    const mode = effect.missing ? 'missing' : located ? 'located' : 'centred';
    const shown = this.view;
    if (
      shown &&
      this.cardAbort &&
      shown.tour.id === run.tour.id &&
      shown.stepIndex === effect.stepIndex &&
      shown.mode === mode &&
      shown.placement === effect.placement &&
      shown.element === (located ? this.element : null)
    ) {
      // The card shown when the target was found, confirmed by the background: nothing to redo.
      return;
    }
    if (!this.stepAbort) this.beginStep();
    this.cardAbort?.abort();
    const card = new AbortController();
    this.cardAbort = card;
    if (located && this.element) this.listenForAdvance(step, this.element, effect.stepIndex);
    if (step.guard && !effect.missing) this.deps.showGuard?.(step.guard, card.signal);
    if (effect.missing && RECOVERABLE.has(effect.missing.reason)) {
      this.recoverWhenFound(step, effect.stepIndex, card.signal);
    }
    this.setView({
      tour: run.tour,
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
    const step = this.run?.tour.steps[stepIndex];
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
        onAction: (action) => void this.act({ type: 'USER_ACTION', stepIndex, ...action }),
        onGone: (reason) => void this.act({ type: 'TARGET_MISSING', stepIndex, reason }),
      },
    ).then((result) => {
      if (result.kind === 'aborted' || own.signal.aborted) return;
      // As for a target in this document: the transition shows the card at once.
      if (result.kind === 'found') this.frameTarget = result.target;
      void this.act(result.event as ContentTourEvent);
    });
  }

  /**
   * While the card says 找不到该元素, keep watching for the target (same scoped observer, no
   * polling): on a slow intranet page, or a dropdown still opening on a starved machine, it may
   * come after the step's wait. When it does, the card moves to it and the step goes on. Ends
   * with the card (下一步, 跳过, a new step, the tour's end).
   */
  private recoverWhenFound(step: Step, stepIndex: number, signal: AbortSignal): void {
    void this.findAgain(step, Infinity, signal).then((element) => {
      if (!element || signal.aborted || this.view?.stepIndex !== stepIndex) return;
      this.element = element;
      void this.act({ type: 'TARGET_FOUND', stepIndex });
    });
  }

  /** Watches the learner act on the target: the background decides whether it completes the step. */
  private listenForAdvance(
    step: Step,
    element: Element,
    stepIndex: number = this.run?.state.stepIndex ?? 0,
    signal: AbortSignal | undefined = this.cardAbort?.signal,
    deliver: (event: ContentTourEvent) => void = (event) => void this.act(event),
  ): void {
    if (!signal) return;
    const options = { capture: true, signal } as const;
    switch (step.advance.on) {
      case 'click': {
        // A click the page's own script made is not the learner's (issue 10); one click counts once.
        const count = (event: Event) => {
          if (!isTrustedUserEvent(event) || this.counted.has(event)) return;
          this.counted.add(event);
          deliver({ type: 'USER_ACTION', stepIndex, kind: 'click' });
        };
        element.addEventListener('click', count, options);
        // The page re-rendered the target (a button replaced when a form changes) and the card has
        // not moved to the new one yet: a learner quick enough to click the new one did the step.
        element.ownerDocument.addEventListener(
          'click',
          (event) => {
            if (element.isConnected || !step.target) return;
            const now = resolveTarget(step.target, this.deps.document, {
              ...this.deps.lookup,
              frame: step.frame ?? null,
            });
            if (now.kind === 'found' && event.composedPath().includes(now.element)) count(event);
          },
          options,
        );
        return;
      }
      case 'input':
      case 'change': {
        // Typing settles before the value is checked; a committed change is checked at once.
        // Component-library selects fire no native change: the watcher reads what they show.
        const kind = step.advance.on;
        watchFieldEntry(
          element,
          kind,
          (value, typing) =>
            deliver(
              kind === 'input'
                ? { type: 'USER_ACTION', stepIndex, kind, value, ...(typing ? { typing } : {}) }
                : { type: 'USER_ACTION', stepIndex, kind, value },
            ),
          { signal, freshOnly: this.fresh?.stepIndex === stepIndex },
        );
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
      if (event && !abort.signal.aborted) void this.act(event as ContentTourEvent);
    });
  }

  private setView(view: TourView | null): void {
    this.view = view;
    this.deps.render(view);
  }
}

/** Same place in the run: what the page and the background must agree on. */
function sameProgress(a: RunnerState, b: RunnerState): boolean {
  return (
    a.status === b.status &&
    a.stepIndex === b.stepIndex &&
    Boolean(a.missing) === Boolean(b.missing) &&
    Boolean(a.confirming) === Boolean(b.confirming)
  );
}

/** The same step of the same run, whether its target is still being looked up or shown. */
function sameStep(a: RunnerState, b: RunnerState): boolean {
  const presenting = (state: RunnerState) =>
    state.status === 'running' || state.status === 'waiting-for-target';
  return a.stepIndex === b.stepIndex && presenting(a) && presenting(b);
}

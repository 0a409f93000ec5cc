/**
 * The tour runner: a pure state machine. No DOM, no timers, no storage.
 *
 *   transition(tour, state, event, env) → { state, effects }
 *
 * The background owns one {@link RunnerState} per tab (it is plain JSON: store it, restore it after
 * a reload or a service-worker restart with a RESUME event). The content script reports what
 * happens on the page as events; the effects say what to do next: resolve the step's target,
 * show or hide the card, wait for a page, watch an element, and record analytics events.
 *
 * Time comes only from `env.now()`, so timings are testable with a fake clock.
 *
 * Status lifecycle:
 *   idle ─START→ waiting-for-navigation | waiting-for-target | running
 *   waiting-for-navigation ─NAVIGATED(matching)→ waiting-for-target | running
 *   waiting-for-target ─TARGET_FOUND→ running
 *                      ─TARGET_MISSING→ next step (optional / then: skip) | running with `missing`
 *   running ─advance (NEXT / USER_ACTION / NAVIGATED / ELEMENT_*)→ next step … → finished
 *   any active ─PAUSE→ paused ─CONTINUE→ back to the step; any active ─EXIT→ abandoned
 */
import type { LocateOutcomeKind } from '../../lib/locate/types';
import type { AdvanceRejection, UserAction, ValidatorRegistry } from './advance';
import { evaluateAdvance } from './advance';
import { matchUrlGlob } from './match';
import type { Placement, Step, Tour } from './schema';
import { parseDuration } from './duration';
import type { Locator, Target } from '../../lib/locate/locator';

export const RUNNER_STATUSES = [
  'idle',
  'running',
  'waiting-for-target',
  'waiting-for-navigation',
  'paused',
  'finished',
  'abandoned',
] as const;
export type RunnerStatus = (typeof RUNNER_STATUSES)[number];

/**
 * Why a target is missing: the locate outcome that ended the lookup, or `frame-gone`: the
 * cross-origin frame the target was found in navigated away or was removed (cross-origin frames).
 */
export type MissingReason = Exclude<LocateOutcomeKind, 'found' | 'aborted'> | 'frame-gone';
/**
 * Missing reasons a target can still get over by appearing (the page watches for it while the
 * card says 找不到该元素); an ambiguous or broken locator, or a frame that went away, cannot.
 */
export const RECOVERABLE: ReadonlySet<MissingReason> = new Set(['not-found', 'hidden', 'timeout']);

export const MISSING_REASONS = [
  'not-found',
  'ambiguous',
  'hidden',
  'invalid-locator',
  'cross-origin-frame',
  'timeout',
  'frame-gone',
] as const satisfies readonly MissingReason[];

/** One visit of one step, with timings (ms since epoch from the injected clock). */
export interface StepVisit {
  stepId: string;
  index: number;
  enteredAt: number;
  shownAt?: number;
  endedAt?: number;
  outcome?: 'completed' | 'skipped' | 'failed' | 'back' | 'abandoned';
  /** Time the step was on screen before it ended (from shownAt, or enteredAt if never shown). */
  ms?: number;
  reason?: string;
}

export interface RunnerState {
  version: 1;
  tourId: string;
  status: RunnerStatus;
  stepIndex: number;
  /** Id of the current step, so a snapshot survives steps being inserted in an updated tour. */
  stepId?: string;
  /** Last URL reported by START or NAVIGATED. */
  url?: string;
  startedAt?: number;
  endedAt?: number;
  /** Set while the current step is shown centred with 找不到该元素. */
  missing?: { reason: MissingReason };
  /** The status PAUSE interrupted. */
  pausedFrom?: RunnerStatus;
  /**
   * A click step with `until` was clicked and waits for the page's success signal. Kept in the
   * state so a click that also changed the route (or loaded a page) keeps waiting for the signal
   * on the new document instead of asking for a second click.
   */
  confirming?: true;
  history: StepVisit[];
}

/** A stored runner state. Identical to {@link RunnerState}: it is JSON by design. */
export type RunnerSnapshot = RunnerState;

export type RunnerEvent =
  | { type: 'START'; url?: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SKIP' }
  | { type: 'EXIT' }
  | { type: 'PAUSE' }
  | { type: 'CONTINUE' }
  /** `stepIndex` (recommended) lets the runner ignore answers about a step it already left. */
  | { type: 'TARGET_FOUND'; stepIndex?: number }
  | { type: 'TARGET_MISSING'; reason: MissingReason; stepIndex?: number }
  | ({ type: 'USER_ACTION'; stepIndex?: number } & UserAction)
  | { type: 'NAVIGATED'; url: string }
  | { type: 'ELEMENT_APPEARED'; stepIndex?: number }
  | { type: 'ELEMENT_DISAPPEARED'; stepIndex?: number }
  | { type: 'RESUME'; snapshot: RunnerSnapshot };

export interface Progress {
  /** 1-based. */
  current: number;
  total: number;
  /** "3 / 7" */
  label: string;
}

/** Analytics/progress events; the background stores them (Dexie) and turns them into xAPI. */
export type TourRecord = {
  tourId: string;
  at: number;
} & (
  | { kind: 'started' }
  | { kind: 'step-shown'; stepId: string; stepIndex: number }
  | { kind: 'step-completed'; stepId: string; stepIndex: number; ms: number }
  | { kind: 'step-skipped'; stepId: string; stepIndex: number; reason: 'user' | MissingReason }
  | { kind: 'step-failed'; stepId: string; stepIndex: number; reason: MissingReason }
  | { kind: 'finished'; ms: number }
  | { kind: 'abandoned'; stepId?: string; stepIndex: number; ms: number }
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RecordBody = DistributiveOmit<TourRecord, 'tourId' | 'at'>;

export type RunnerEffect =
  /**
   * Look the step's target up (waitForTarget with `timeoutMs`), then send TARGET_FOUND /
   * TARGET_MISSING. `progress` and `placement` are what the `show-step` answering TARGET_FOUND will
   * say, so the page can show the card the moment it finds the target (one round trip per step);
   * the background's `show-step` then only confirms it (and wins if it disagrees).
   */
  | {
      type: 'resolve-target';
      stepIndex: number;
      stepId: string;
      target: Target;
      frame: Locator[] | null;
      timeoutMs: number;
      progress: Progress;
      placement: Placement;
    }
  /**
   * Show the card. `missing` set: centred, with 找不到该元素 and a one-click problem report.
   * `centred`: the step has no target (or it is missing).
   */
  | {
      type: 'show-step';
      stepIndex: number;
      stepId: string;
      progress: Progress;
      placement: Placement;
      centred: boolean;
      missing?: { reason: MissingReason; offerReport: true };
    }
  | { type: 'hide-step' }
  /** The step lives on another page (`step.page`): wait for NAVIGATED to a matching URL. */
  | { type: 'await-navigation'; stepIndex: number; url: string }
  /** The step advances when this element appears / disappears: watch it, then send ELEMENT_*. */
  | {
      type: 'watch-element';
      stepIndex: number;
      mode: 'appear' | 'disappear';
      target: Target;
      /** Watching for a click step's `until` signal: say so if it does not come. */
      confirmsClick?: true;
    }
  /** The user's action did not satisfy the step (e.g. input does not match the pattern). */
  | { type: 'advance-rejected'; stepIndex: number; reason: AdvanceRejection; message?: string }
  | { type: 'record'; record: TourRecord };

export interface RunnerEnv {
  /** Milliseconds since the epoch. */
  now: () => number;
  validators?: ValidatorRegistry;
}

export interface Transition {
  state: RunnerState;
  effects: RunnerEffect[];
}

export function createRunnerState(tour: Tour): RunnerState {
  return { version: 1, tourId: tour.id, status: 'idle', stepIndex: 0, history: [] };
}

export function progressOf(tour: Tour, stepIndex: number): Progress {
  const total = tour.steps.length;
  const current = Math.min(stepIndex + 1, total);
  return { current, total, label: `${current} / ${total}` };
}

/** A step is being presented (looked up, shown or waited for). */
export const ACTIVE_STATUSES: ReadonlySet<RunnerStatus> = new Set([
  'running',
  'waiting-for-target',
  'waiting-for-navigation',
]);
const ACTIVE = ACTIVE_STATUSES;

/** The run is not over: presenting a step, or paused (a tab's session is kept). */
export const OPEN_STATUSES: ReadonlySet<RunnerStatus> = new Set([...ACTIVE_STATUSES, 'paused']);

/**
 * Apply one event. Never throws for events that do not fit the current state: they are ignored
 * (no effects), because the content script and the background race by nature (a late
 * TARGET_FOUND for a step already left, a double click on 下一步).
 */
export function transition(
  tour: Tour,
  state: RunnerState,
  event: RunnerEvent,
  env: RunnerEnv,
): Transition {
  const machine = new Machine(tour, structuredClone(state), env);
  machine.handle(event);
  return { state: machine.state, effects: machine.effects };
}

class Machine {
  readonly effects: RunnerEffect[] = [];

  constructor(
    readonly tour: Tour,
    public state: RunnerState,
    readonly env: RunnerEnv,
  ) {}

  handle(event: RunnerEvent): void {
    const s = this.state;
    if (event.type === 'RESUME') return this.resume(event.snapshot);
    if (event.type === 'START') {
      if (ACTIVE.has(s.status) || s.status === 'paused') return;
      return this.start(event.url);
    }
    if (event.type === 'NAVIGATED') return this.navigated(event.url);
    if (s.status === 'paused') {
      if (event.type === 'CONTINUE') {
        s.status = s.pausedFrom ?? 'running';
        delete s.pausedFrom;
        return this.present();
      }
      if (event.type === 'EXIT') return this.abandon();
      return;
    }
    if (!ACTIVE.has(s.status)) return;
    if ('stepIndex' in event && event.stepIndex !== undefined && event.stepIndex !== s.stepIndex)
      return;

    const step = this.step();
    switch (event.type) {
      case 'NEXT':
        if (s.status !== 'running') return;
        if (s.missing) return this.leave('failed', s.missing.reason, s.stepIndex + 1);
        if (step.advance.on === 'next') return this.complete();
        return;
      case 'BACK':
        if (s.stepIndex === 0) return;
        return this.leave('back', undefined, s.stepIndex - 1);
      case 'SKIP':
        this.record({
          kind: 'step-skipped',
          stepId: step.id,
          stepIndex: s.stepIndex,
          reason: 'user',
        });
        return this.leave('skipped', 'user', s.stepIndex + 1);
      case 'EXIT':
        return this.abandon();
      case 'PAUSE':
        s.pausedFrom = s.status;
        s.status = 'paused';
        this.effects.push({ type: 'hide-step' });
        return;
      case 'CONTINUE':
        return;
      case 'TARGET_FOUND':
        // A target that came late (a slow page, a dropdown still opening, a panel the learner
        // opened after reading 找不到该元素): the step recovers and goes on as if found in time.
        // The step-failed record stays: it did not appear within the step's wait.
        if (
          s.status === 'running' &&
          s.missing !== undefined &&
          RECOVERABLE.has(s.missing.reason) &&
          event.stepIndex === s.stepIndex
        ) {
          delete s.missing;
          return this.show();
        }
        if (s.status !== 'waiting-for-target') return;
        return this.show();
      case 'TARGET_MISSING':
        // Cross-origin frames: the frame holding the shown target went away, so the step falls
        // back to its missing handling (only for the step on screen, and only once).
        if (
          event.reason === 'frame-gone' &&
          s.status === 'running' &&
          !s.missing &&
          event.stepIndex === s.stepIndex
        ) {
          return this.targetMissing(event.reason);
        }
        if (s.status !== 'waiting-for-target') return;
        return this.targetMissing(event.reason);
      case 'USER_ACTION': {
        if (s.missing) return;
        // A click that also changed the route (a menu link, a tab) can reach us after the route
        // change made the step look its target up again: the learner clicked the target that was
        // on screen, so it still counts.
        const clickedShownTarget =
          s.status === 'waiting-for-target' &&
          event.kind === 'click' &&
          step.advance.on === 'click' &&
          this.visit()?.shownAt !== undefined;
        if (s.status !== 'running' && !clickedShownTarget) return;
        const { type: _type, stepIndex: _stepIndex, ...action } = event;
        const verdict = evaluateAdvance(step.advance, action, this.env.validators);
        if (verdict.advance && step.advance.on === 'click' && step.advance.until !== undefined) {
          // Clicked: now wait for the page to confirm (ELEMENT_APPEARED completes the step).
          s.confirming = true;
          this.watchConfirmation();
          return;
        }
        if (verdict.advance) return this.complete();
        if (verdict.reason !== 'not-this-kind') {
          this.effects.push({
            type: 'advance-rejected',
            stepIndex: s.stepIndex,
            reason: verdict.reason,
            ...(verdict.message === undefined ? {} : { message: verdict.message }),
          });
        }
        return;
      }
      case 'ELEMENT_APPEARED':
      case 'ELEMENT_DISAPPEARED': {
        if (s.missing) return;
        // A click step's success signal (watched for only after the click, which may have
        // re-rendered the page so that the step is looking its target up again).
        const confirmed =
          event.type === 'ELEMENT_APPEARED' &&
          step.advance.on === 'click' &&
          step.advance.until !== undefined;
        if (s.status !== 'running' && !confirmed) return;
        if (
          confirmed ||
          step.advance.on === (event.type === 'ELEMENT_APPEARED' ? 'appear' : 'disappear')
        )
          this.complete();
        return;
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  private step(index = this.state.stepIndex): Step {
    const step = this.tour.steps[index];
    if (!step) throw new RangeError(`tour ${this.tour.id} has no step ${index}`);
    return step;
  }

  private visit(): StepVisit | undefined {
    const last = this.state.history.at(-1);
    return last && last.index === this.state.stepIndex && last.endedAt === undefined
      ? last
      : undefined;
  }

  private record(record: RecordBody): void {
    this.effects.push({
      type: 'record',
      record: { ...record, tourId: this.tour.id, at: this.env.now() } as TourRecord,
    });
  }

  private start(url: string | undefined): void {
    const now = this.env.now();
    this.state = {
      ...createRunnerState(this.tour),
      startedAt: now,
      ...(url === undefined ? {} : { url }),
    };
    this.record({ kind: 'started' });
    this.enter(0);
  }

  /** Begin a new visit of step `index` (or finish after the last step). */
  private enter(index: number): void {
    const s = this.state;
    if (index >= this.tour.steps.length) return this.finish();
    const step = this.step(index);
    s.stepIndex = index;
    s.stepId = step.id;
    delete s.missing;
    delete s.confirming;
    s.history.push({ stepId: step.id, index, enteredAt: this.env.now() });
    this.present();
  }

  /**
   * Bring the current step on screen from scratch: wait for its page, resolve its target, or show
   * it centred. Used on entry, after CONTINUE, RESUME and navigation within the step (the
   * document changed, so an earlier lookup is stale).
   */
  private present(): void {
    const s = this.state;
    const step = this.step();
    if (step.page !== undefined && s.url !== undefined && !matchUrlGlob(step.page, s.url)) {
      s.status = 'waiting-for-navigation';
      this.effects.push(
        { type: 'hide-step' },
        { type: 'await-navigation', stepIndex: s.stepIndex, url: step.page },
      );
      return;
    }
    if (step.target !== undefined && !s.missing) {
      s.status = 'waiting-for-target';
      this.effects.push(
        { type: 'hide-step' },
        {
          type: 'resolve-target',
          stepIndex: s.stepIndex,
          stepId: step.id,
          target: step.target,
          frame: step.frame ?? null,
          timeoutMs: parseDuration(step.missing.wait),
          progress: progressOf(this.tour, s.stepIndex),
          placement: step.placement,
        },
      );
      // Clicked already (the click changed the route): keep waiting for its success signal.
      if (s.confirming) this.watchConfirmation();
      return;
    }
    this.show();
  }

  /** Watch for the current click step's `until` signal (ELEMENT_APPEARED completes the step). */
  private watchConfirmation(): void {
    const step = this.step();
    if (step.advance.on !== 'click' || step.advance.until === undefined) return;
    this.effects.push({
      type: 'watch-element',
      stepIndex: this.state.stepIndex,
      mode: 'appear',
      target: step.advance.until,
      confirmsClick: true,
    });
  }

  private show(): void {
    const s = this.state;
    const step = this.step();
    s.status = 'running';
    const visit = this.visit();
    if (visit && visit.shownAt === undefined) {
      visit.shownAt = this.env.now();
      this.record({ kind: 'step-shown', stepId: step.id, stepIndex: s.stepIndex });
    }
    this.effects.push({
      type: 'show-step',
      stepIndex: s.stepIndex,
      stepId: step.id,
      progress: progressOf(this.tour, s.stepIndex),
      placement: step.placement,
      centred: step.target === undefined || s.missing !== undefined,
      ...(s.missing ? { missing: { reason: s.missing.reason, offerReport: true as const } } : {}),
    });
    if (!s.missing && (step.advance.on === 'appear' || step.advance.on === 'disappear')) {
      this.effects.push({
        type: 'watch-element',
        stepIndex: s.stepIndex,
        mode: step.advance.on,
        target: step.advance.locator,
      });
    }
  }

  private targetMissing(reason: MissingReason): void {
    const s = this.state;
    const step = this.step();
    if (step.optional || step.missing.then === 'skip') {
      this.record({ kind: 'step-skipped', stepId: step.id, stepIndex: s.stepIndex, reason });
      return this.leave('skipped', reason, s.stepIndex + 1);
    }
    s.missing = { reason };
    this.record({ kind: 'step-failed', stepId: step.id, stepIndex: s.stepIndex, reason });
    this.show();
  }

  private complete(): void {
    const s = this.state;
    const step = this.step();
    const visit = this.visit();
    const now = this.env.now();
    const ms = visit ? now - (visit.shownAt ?? visit.enteredAt) : 0;
    this.record({ kind: 'step-completed', stepId: step.id, stepIndex: s.stepIndex, ms });
    this.leave('completed', undefined, s.stepIndex + 1);
  }

  /** Close the current visit and enter `nextIndex`. */
  private leave(
    outcome: NonNullable<StepVisit['outcome']>,
    reason: string | undefined,
    nextIndex: number,
  ): void {
    this.closeVisit(outcome, reason);
    this.enter(nextIndex);
  }

  private closeVisit(outcome: NonNullable<StepVisit['outcome']>, reason?: string): void {
    const visit = this.visit();
    if (!visit) return;
    const now = this.env.now();
    visit.endedAt = now;
    visit.outcome = outcome;
    visit.ms = now - (visit.shownAt ?? visit.enteredAt);
    if (reason !== undefined) visit.reason = reason;
  }

  private finish(): void {
    const s = this.state;
    const now = this.env.now();
    s.status = 'finished';
    s.endedAt = now;
    s.stepIndex = this.tour.steps.length - 1;
    delete s.missing;
    this.effects.push({ type: 'hide-step' });
    this.record({ kind: 'finished', ms: now - (s.startedAt ?? now) });
  }

  private abandon(): void {
    const s = this.state;
    const now = this.env.now();
    this.closeVisit('abandoned');
    s.status = 'abandoned';
    s.endedAt = now;
    delete s.pausedFrom;
    this.effects.push({ type: 'hide-step' });
    this.record({
      kind: 'abandoned',
      stepIndex: s.stepIndex,
      ...(s.stepId === undefined ? {} : { stepId: s.stepId }),
      ms: now - (s.startedAt ?? now),
    });
  }

  private navigated(url: string): void {
    const s = this.state;
    s.url = url;
    if (!ACTIVE.has(s.status)) return; // idle, paused and finished tours only remember the URL
    const step = this.step();
    if (
      s.status === 'running' &&
      !s.missing &&
      step.advance.on === 'navigation' &&
      matchUrlGlob(step.advance.url, url)
    ) {
      return this.complete();
    }
    if (
      s.status === 'waiting-for-target' &&
      step.advance.on === 'navigation' &&
      matchUrlGlob(step.advance.url, url)
    ) {
      // The user did what the step asks before its card could be shown.
      return this.complete();
    }
    if (
      s.status === 'waiting-for-navigation' &&
      step.page !== undefined &&
      !matchUrlGlob(step.page, url)
    ) {
      return; // still not there: keep waiting, nothing new to do
    }
    // Anything else: the document changed under the step. Start over for this step (wait for its
    // page, or look the target up again in the new document) without a new visit.
    this.present();
  }

  private resume(snapshot: RunnerSnapshot): void {
    // Stored snapshots are checked in full where they are read (./snapshot.ts, zod); this keeps
    // the runner zod-free for the page-side bundles and still refuses a foreign or odd one.
    if (!plausibleSnapshot(snapshot) || snapshot.tourId !== this.tour.id) return;
    const restored = structuredClone(snapshot) as RunnerState;
    // Prefer the step id: the tour may have gained or lost steps since the snapshot was taken.
    const byId =
      restored.stepId === undefined
        ? -1
        : this.tour.steps.findIndex((step) => step.id === restored.stepId);
    restored.stepIndex =
      byId >= 0 ? byId : Math.min(restored.stepIndex, this.tour.steps.length - 1);
    restored.stepId = this.step(restored.stepIndex).id;
    this.state = restored;
    if (ACTIVE.has(restored.status)) {
      // The page is new (reload, new tab document, restarted worker): look everything up again.
      if (restored.missing) this.show();
      else this.present();
    }
  }
}

/** The shape checks a snapshot must pass before the runner resumes it (see ./snapshot.ts). */
function plausibleSnapshot(value: unknown): value is RunnerSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RunnerSnapshot>;
  return (
    v.version === 1 &&
    typeof v.tourId === 'string' &&
    typeof v.status === 'string' &&
    (RUNNER_STATUSES as readonly string[]).includes(v.status) &&
    Number.isInteger(v.stepIndex) &&
    (v.stepIndex ?? -1) >= 0 &&
    Array.isArray(v.history)
  );
}

/** A JSON-safe copy of the state, for storage (chrome.storage.session / Dexie). */
export function toSnapshot(state: RunnerState): RunnerSnapshot {
  return JSON.parse(JSON.stringify(state)) as RunnerSnapshot;
}

// ---------------------------------------------------------------------------------------------
// Convenience wrapper

/**
 * A runner bound to one tour and environment, holding its state. The background keeps one per
 * tab session; persist `snapshot()` after every `dispatch`.
 */
export class TourRunner {
  private current: RunnerState;

  constructor(
    readonly tour: Tour,
    private readonly env: RunnerEnv,
    state?: RunnerState,
  ) {
    this.current = state ? structuredClone(state) : createRunnerState(tour);
  }

  get state(): Readonly<RunnerState> {
    return this.current;
  }

  /** Apply an event; returns the effects to carry out, in order. */
  dispatch(event: RunnerEvent): RunnerEffect[] {
    const { state, effects } = transition(this.tour, this.current, event, this.env);
    this.current = state;
    return effects;
  }

  snapshot(): RunnerSnapshot {
    return toSnapshot(this.current);
  }

  progress(): Progress {
    return progressOf(this.tour, this.current.stepIndex);
  }
}

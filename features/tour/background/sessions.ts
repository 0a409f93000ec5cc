import type {
  ContentEffect,
  TourEventMessage,
  ResumeOffer,
  TourInstruction,
  TourOutcome,
} from '../protocol';
import {
  examPageEffect,
  examTourOf,
  examTimingOfTour,
  isExamable,
  remedialTourOf,
} from '../../exam/exam';
import type { ExamObservation, ExamTiming } from '../../exam/scoring';
import type { ZhiyinDatabase } from '../../../app/database';
import type { Role } from '../../profile/roles';
import type { Language } from '../../../lib/settings/preferences';
import { matchAnyUrlGlob } from '../match';
import {
  transition,
  createRunnerState,
  OPEN_STATUSES,
  type RunnerEvent,
  type RunnerSnapshot,
  type RunnerStatus,
  type TourRecord,
} from '../runner';
import type { ValidatorRegistry } from '../advance';
import type { Tour } from '../schema';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';
import { localizeTour } from './localize';
import type { TourRecorder } from './recorder';
import { parseSnapshot } from '../snapshot';

/** A run that is not plain training: a practical assessment, or remedial training after one. */
export type SessionVariant =
  | {
      kind: 'exam';
      attemptId: string;
      startedAt: number;
      timing: ExamTiming;
      /** Runner records and rejected actions so far, for scoring (features/exam/scoring.ts). */
      observations: ExamObservation[];
    }
  | { kind: 'remedial'; assessmentId: number; stepIds: string[] }
  /**
   * A trainer's draft run from the editor (issue 14, features/author): the validated draft tour
   * travels with the session (it is not bundled). A preview writes no progress records, no
   * xAPI statements, no assessment or survey: the draft's id may even equal a real tour's.
   */
  | { kind: 'preview'; tour: Tour };

/** How a run ended, for {@link SessionHooks.ended}. */
export interface RunEnd {
  tabId: number;
  /** The bundled tour. */
  tour: Tour;
  /** The steps that actually ran (exam or remedial selection; the tour itself otherwise). */
  runTour: Tour;
  /** `submitted`: 交卷 (or the time limit) ended an exam before its last step. */
  status: 'finished' | 'abandoned' | 'submitted';
  at: number;
  variant?: SessionVariant;
}

/** What the assessment side (features/exam/background/service.ts) does at a run's start and end. */
export interface SessionHooks {
  examStarted?(info: { tabId: number; tour: Tour; variant: SessionVariant }): Promise<void>;
  ended?(info: RunEnd): Promise<TourOutcome | null>;
}

export class NotExamable extends Error {
  override name = 'NotExamable';
  constructor(title: string) {
    super(`「${title}」只有讲解步骤，没有可考核的操作，不能以考核方式进行`);
  }
}

export interface StoredSession {
  snapshot: RunnerSnapshot;
  /** The run's id (absent in sessions stored by older versions: a new one is made on load). */
  runId?: string;
  /** Absent for plain training runs. */
  variant?: SessionVariant;
}

/** Where live sessions are kept: `storage.session` (survives service-worker restarts). */
export interface SessionStore {
  get(tabId: number): Promise<StoredSession | undefined>;
  set(tabId: number, session: StoredSession): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/** Validators by id that can word their messages in the learner's language (lib/validators). */
export type LocalizedValidatorRegistry = Readonly<
  Record<
    string,
    (value: string, language?: Language) => { ok: boolean; messages?: readonly string[] }
  >
>;

export interface TourSessionsOptions {
  tours: readonly Tour[];
  store: SessionStore;
  recorder: TourRecorder;
  db: ZhiyinDatabase;
  now: () => number;
  /** Validators by id; called with the learner's language so a refusal reads in it. */
  validators?: LocalizedValidatorRegistry;
  language: () => Promise<Language>;
  role: () => Promise<Role | null>;
  /** Assessment and survey side (exam start, results, remedial completion, surveys). */
  hooks?: SessionHooks;
  /** Attempt ids; default crypto.randomUUID. */
  uuid?: () => string;
}

export class UnknownTour extends Error {
  override name = 'UnknownTour';
  constructor(tourId: string) {
    super(`未找到引导「${tourId}」`);
  }
}

/** A tab's live session, as loaded from (and written back to) the {@link SessionStore}. */
interface LiveSession {
  /** This run's id: new at every start or resume; events from another run are not applied. */
  runId: string;
  tour: Tour;
  variant?: SessionVariant;
  state: RunnerSnapshot;
}

/**
 * The background's tour sessions, one per tab. The runner (features/tour/runner.ts) is pure; this
 * class applies an event to the tab's session, answers the content script with the effects, and
 * then stores the new snapshot and records the runner's `record` effects.
 *
 * Replying first keeps a step to one quick round trip: the session is kept in memory per tab,
 * and its writes (`storage.session`, then the records in Dexie) are queued per tab, in order,
 * after the reply. Nothing is lost: every state change is written, a run's end waits for them
 * before its outcome is computed, and whatever reads the stored progress waits too. A
 * service-worker restart loses only the memory: the session is read back from `storage.session`,
 * so a tour still survives page reloads, full navigations, SPA route changes and restarts.
 */
export class TourSessions {
  /**
   * Tours by id, looked up in the live list: content packs (features/packs) add, replace and
   * retire tours while the worker runs, in the same array.
   */
  private readonly byId = {
    get: (tourId: string): Tour | undefined =>
      this.options.tours.find((tour) => tour.id === tourId),
  };
  /**
   * One operation per tab at a time. Every change loads the tab's session, applies an event and
   * saves it; two messages of one tab handled at once (a page reporting in while a click event
   * arrives) would otherwise both load the same state and the later save would drop the other's
   * change. Reads (current, session) do not wait.
   */
  private readonly tabQueues = new Map<number, Promise<unknown>>();
  /** Sessions in memory (null: the tab has none); absent: read `storage.session`. */
  private readonly live = new Map<number, LiveSession | null>();
  /** Per tab, the writes queued after replies (session store, then records), in order. */
  private readonly writes = new Map<number, Promise<void>>();
  /** Tabs being closed: what they store (an interrupted tour to offer) other tabs must see. */
  private readonly closing = new Set<Promise<void>>();
  /** The last {@link TourInstruction.revision} given out. */
  private revision = 0;

  private nextRevision(): number {
    this.revision = Math.max(this.revision + 1, Date.now());
    return this.revision;
  }

  private serial<T>(tabId: number, operation: () => Promise<T>): Promise<T> {
    const previous = this.tabQueues.get(tabId) ?? Promise.resolve();
    const result = previous.then(operation, operation);
    const tail = result.catch(() => undefined);
    this.tabQueues.set(tabId, tail);
    void tail.then(() => {
      if (this.tabQueues.get(tabId) === tail) this.tabQueues.delete(tabId);
    });
    return result;
  }

  /** Queues a write for a tab after the ones before it; a failed write never stops the next. */
  private persist(tabId: number, write: () => Promise<unknown>): void {
    const previous = this.writes.get(tabId) ?? Promise.resolve();
    // A deadline on each write: one that stalls (storage.session or IndexedDB on a slow browser
    // start) must not hold back the next, nor the end of the tour that waits for them all.
    const next = previous
      .then(() => withDeadline(write(), DEADLINES.write, 'a tour write'))
      .then(
        () => undefined,
        (error: unknown) => console.warn('[zhiyin] saving the tour session failed', error),
      );
    this.writes.set(tabId, next);
    void next.then(() => {
      if (this.writes.get(tabId) === next) this.writes.delete(tabId);
    });
  }

  /**
   * Resolves once every change made so far is stored (the tab's, or every tab's): the session in
   * `storage.session`, the records in Dexie.
   */
  async persisted(tabId?: number): Promise<void> {
    if (tabId !== undefined) await this.writes.get(tabId);
    else await Promise.allSettled([...this.writes.values(), ...this.closing]);
  }

  constructor(private readonly options: TourSessionsOptions) {}

  tour(tourId: string): Tour | undefined {
    return this.byId.get(tourId);
  }

  /** Starts (or restarts) a tour in a tab, ending any other tour running there. */
  start(tabId: number, tourId: string, url: string): Promise<TourInstruction> {
    return this.serial(tabId, () => this.startUnlocked(tabId, tourId, url));
  }

  private async startUnlocked(
    tabId: number,
    tourId: string,
    url: string,
  ): Promise<TourInstruction> {
    const tour = this.byId.get(tourId);
    if (!tour) throw new UnknownTour(tourId);
    return this.startRun(tabId, tour, url, undefined);
  }

  /**
   * Starts a task tour as a practical assessment (实操考核): its task steps only, no hints, the
   * same advance conditions; scored when it ends (see features/exam/exam.ts).
   */
  startExam(tabId: number, tourId: string, url: string): Promise<TourInstruction> {
    return this.serial(tabId, () => this.startExamUnlocked(tabId, tourId, url));
  }

  private async startExamUnlocked(
    tabId: number,
    tourId: string,
    url: string,
  ): Promise<TourInstruction> {
    const tour = this.byId.get(tourId);
    if (!tour) throw new UnknownTour(tourId);
    if (!isExamable(tour)) throw new NotExamable(tour.title);
    let timing: ExamTiming;
    try {
      timing = examTimingOfTour(tour);
    } catch {
      timing = examTimingOfTour({ ...tour, exam: undefined });
    }
    const variant: SessionVariant = {
      kind: 'exam',
      attemptId: (this.options.uuid ?? (() => crypto.randomUUID()))(),
      startedAt: this.options.now(),
      timing,
      observations: [],
    };
    const instruction = await this.startRun(tabId, tour, url, variant, async () => {
      await this.options.hooks?.examStarted?.({ tabId, tour, variant });
    });
    return instruction;
  }

  /** Starts remedial training (补训): the given steps of a tour and their prerequisites. */
  startRemedial(
    tabId: number,
    tourId: string,
    url: string,
    assessmentId: number,
    stepIds: readonly string[],
  ): Promise<TourInstruction> {
    return this.serial(tabId, async () => {
      const tour = this.byId.get(tourId);
      if (!tour) throw new UnknownTour(tourId);
      if (!remedialTourOf(tour, stepIds)) throw new UnknownTour(`${tourId}（补训步骤已不存在）`);
      return this.startRun(tabId, tour, url, {
        kind: 'remedial',
        assessmentId,
        stepIds: [...stepIds],
      });
    });
  }

  /**
   * Runs a validated draft tour (the editor's 预览) in a tab, from `fromStep` (0-based), without
   * a rebuild. It is a session like any other (route changes, reloads, worker restarts), flagged
   * `preview`: nothing of it reaches progress records, xAPI or the assessment side.
   */
  startPreview(tabId: number, tour: Tour, url: string, fromStep = 0): Promise<TourInstruction> {
    return this.serial(tabId, async () => {
      const variant: SessionVariant = { kind: 'preview', tour };
      const index = Math.max(0, Math.min(Math.trunc(fromStep), tour.steps.length - 1));
      const step = tour.steps[index];
      if (index === 0 || !step) return this.startRun(tabId, tour, url, variant);
      const existing = await this.load(tabId);
      if (existing && OPEN_STATUSES.has(existing.state.status))
        await this.apply(tabId, existing, { type: 'EXIT' });
      const snapshot: RunnerSnapshot = {
        ...createRunnerState(tour),
        status: 'running',
        stepIndex: index,
        stepId: step.id,
        url,
        startedAt: this.options.now(),
      };
      const instruction = await this.apply(
        tabId,
        { runId: this.newRunId(), tour, variant, state: createRunnerState(tour) },
        { type: 'RESUME', snapshot },
      );
      return instruction ?? this.idle(tour);
    });
  }

  private async startRun(
    tabId: number,
    tour: Tour,
    url: string,
    variant: SessionVariant | undefined,
    beforeStart?: () => Promise<void>,
  ): Promise<TourInstruction> {
    const existing = await this.load(tabId);
    if (existing && OPEN_STATUSES.has(existing.state.status))
      await this.apply(tabId, existing, { type: 'EXIT' });
    await beforeStart?.();
    const runTour = runTourOf(tour, variant);
    const run = { runId: this.newRunId(), tour, ...(variant ? { variant } : {}) };
    const instruction = await this.apply(
      tabId,
      { ...run, state: createRunnerState(runTour) },
      { type: 'START', url },
    );
    return instruction ?? this.idle(tour);
  }

  /**
   * A page (top frame) reported in: continue the tab's tour on it, or offer to resume an
   * interrupted one, or start a first-visit tour meant for this learner.
   */
  pageLoaded(
    tabId: number,
    url: string,
    options: { autoStart: boolean },
  ): Promise<{ tour: TourInstruction | null; resume: ResumeOffer | null }> {
    return this.serial(tabId, () => this.pageLoadedUnlocked(tabId, url, options));
  }

  private async pageLoadedUnlocked(
    tabId: number,
    url: string,
    { autoStart }: { autoStart: boolean },
  ): Promise<{ tour: TourInstruction | null; resume: ResumeOffer | null }> {
    const existing = await this.load(tabId);
    if (existing && OPEN_STATUSES.has(existing.state.status)) {
      return {
        tour: await this.apply(tabId, existing, { type: 'NAVIGATED', url }),
        resume: null,
      };
    }
    if (!autoStart) return { tour: null, resume: null };
    // What was started or finished in any tab must be stored before the progress is read.
    await this.persisted();
    const resume = await this.resumeOffer(url);
    if (resume) return { tour: null, resume };
    const firstVisit = await this.firstVisitTour(url);
    return {
      tour: firstVisit ? await this.startUnlocked(tabId, firstVisit.id, url) : null,
      resume: null,
    };
  }

  /** An event from the tab's content script (buttons, target found/missing, user actions). */
  event(tabId: number, event: TourEventMessage): Promise<TourInstruction | null> {
    return this.serial(tabId, () => this.eventUnlocked(tabId, event));
  }

  private async eventUnlocked(
    tabId: number,
    { run, ...event }: TourEventMessage,
  ): Promise<TourInstruction | null> {
    const existing = await this.load(tabId);
    if (!existing) return null;
    // An event about another run (a late lookup of a tour that was restarted meanwhile) must not
    // move this one: the page gets this run as it is, tour included, and shows it afresh.
    if (run !== undefined && run !== existing.runId) return this.instruction(existing, [], null);
    const { variant } = existing;
    const known = { knownRun: run };
    if (event.type === 'SUBMIT') {
      if (variant?.kind !== 'exam') return null;
      return this.apply(tabId, existing, { type: 'EXIT' }, { submitted: true, ...known });
    }
    // Past the time limit, whatever the learner does next hands the exam in.
    if (
      variant?.kind === 'exam' &&
      event.type !== 'EXIT' &&
      this.options.now() - variant.startedAt > variant.timing.timeLimitMs
    ) {
      return this.apply(tabId, existing, { type: 'EXIT' }, { submitted: true, ...known });
    }
    return this.apply(tabId, existing, event, known);
  }

  /**
   * The texts of the tab's run in `language` (the learner switched 界面语言 while a card was open):
   * the run's tour as the page holds it (an exam's task steps, a remedial selection), localised.
   * Null when the tab runs no tour or another run than `run`.
   */
  async tourText(tabId: number, run: string, language: Language): Promise<Tour | null> {
    const existing = await this.load(tabId);
    if (!existing || existing.runId !== run) return null;
    return runTourOf(localizeTour(existing.tour, language), existing.variant);
  }

  /** The current instruction without changing anything (e.g. a frame asking what to show). */
  async current(
    tabId: number,
  ): Promise<{ tourId: string; status: RunnerStatus; stepIndex: number } | null> {
    const existing = await this.load(tabId);
    return existing
      ? {
          tourId: existing.tour.id,
          status: existing.state.status,
          stepIndex: existing.state.stepIndex,
        }
      : null;
  }

  /** The tab's live session (snapshot and tour), for problem reports. */
  async session(tabId: number): Promise<{ snapshot: RunnerSnapshot; tour: Tour } | null> {
    const existing = await this.load(tabId);
    return existing
      ? { snapshot: existing.state, tour: runTourOf(existing.tour, existing.variant) }
      : null;
  }

  /** Continue, restart or drop a tour that was interrupted earlier. */
  resume(tabId: number, tourId: string, mode: 'continue' | 'restart' | 'discard', url: string) {
    return this.serial(tabId, () => this.resumeUnlocked(tabId, tourId, mode, url));
  }

  private async resumeUnlocked(
    tabId: number,
    tourId: string,
    mode: 'continue' | 'restart' | 'discard',
    url: string,
  ) {
    const tour = this.byId.get(tourId);
    if (!tour) throw new UnknownTour(tourId);
    await this.persisted();
    const progress = await this.options.db.tourProgress.get(tourId);
    const snapshot = progress?.status === 'interrupted' ? parseSnapshot(progress.snapshot) : null;
    if (mode === 'discard' || !snapshot) {
      await this.options.recorder.discardInterrupted(tourId, this.options.now());
      return mode === 'discard' ? null : this.startUnlocked(tabId, tourId, url);
    }
    if (mode === 'restart') return this.startUnlocked(tabId, tourId, url);
    const resumed = await this.apply(
      tabId,
      { runId: this.newRunId(), tour, state: createRunnerState(tour) },
      { type: 'RESUME', snapshot: { ...snapshot, url } },
    );
    await this.options.db.tourProgress.update(tourId, { status: 'in-progress', snapshot: null });
    return resumed;
  }

  /** The tab closed mid-tour: remember where the learner was, to offer resuming later. */
  tabClosed(tabId: number): Promise<void> {
    const closing = this.serial(tabId, () => this.tabClosedUnlocked(tabId));
    const settled = closing.then(
      () => undefined,
      () => undefined,
    );
    this.closing.add(settled);
    void settled.then(() => this.closing.delete(settled));
    return closing;
  }

  private async tabClosedUnlocked(tabId: number): Promise<void> {
    const existing = await this.load(tabId);
    this.live.set(tabId, null);
    await this.persisted(tabId);
    await this.options.store.delete(tabId);
    this.live.delete(tabId);
    if (existing?.variant?.kind === 'preview') return;
    if (existing?.variant && OPEN_STATUSES.has(existing.state.status)) {
      // An exam or remedial run is not resumed later: it ends here.
      await this.options.hooks
        ?.ended?.({
          tabId,
          tour: existing.tour,
          runTour: runTourOf(existing.tour, existing.variant),
          status: 'abandoned',
          at: this.options.now(),
          variant: existing.variant,
        })
        .catch(() => null);
      return;
    }
    if (existing && OPEN_STATUSES.has(existing.state.status)) {
      await this.options.recorder.interrupted(
        existing.state,
        existing.tour.steps.length,
        this.options.now(),
      );
    }
  }

  /**
   * The validators for `event`, bound to the learner's language (a refusal is shown on the card as
   * the validator words it). Only a learner's input is validated, so only then are the preferences
   * read: other events keep their one-round-trip speed.
   */
  private async validatorsFor(event: RunnerEvent): Promise<ValidatorRegistry | undefined> {
    const registry = this.options.validators;
    if (!registry || event.type !== 'USER_ACTION') return registry;
    const language = await this.options.language();
    return Object.fromEntries(
      Object.entries(registry).map(([id, validate]) => [
        id,
        (value: string) => validate(value, language),
      ]),
    );
  }

  private newRunId(): string {
    return (this.options.uuid ?? (() => crypto.randomUUID()))();
  }

  /**
   * Applies an event to a tab's session and answers with what the page must do. `knownRun`: the
   * page already holds this run's tour (it sent the event), so the tour is not sent again.
   */
  private async apply(
    tabId: number,
    session: LiveSession,
    event: RunnerEvent,
    { submitted = false, knownRun }: { submitted?: boolean; knownRun?: string | undefined } = {},
  ): Promise<TourInstruction | null> {
    const { runId, tour, variant, state } = session;
    const runTour = runTourOf(tour, variant);
    const validators = await this.validatorsFor(event);
    const result = transition(runTour, state, event, {
      now: this.options.now,
      ...(validators ? { validators } : {}),
    });
    const records: TourRecord[] = [];
    const effects: ContentEffect[] = [];
    for (const effect of result.effects) {
      if (effect.type === 'record') records.push(effect.record);
      else effects.push(variant?.kind === 'exam' ? examPageEffect(effect) : effect);
      // A value rejected while the learner was still typing (a pause mid-entry) is not an entry:
      // only committed values count against an exam's data accuracy (features/exam/scoring.ts).
      const midTyping = event.type === 'USER_ACTION' && event.kind === 'input' && event.typing;
      if (effect.type === 'advance-rejected' && variant?.kind === 'exam' && !midTyping) {
        const stepId = runTour.steps[effect.stepIndex]?.id;
        if (stepId !== undefined) {
          variant.observations.push({
            kind: 'advance-rejected',
            tourId: tour.id,
            at: this.options.now(),
            stepId,
            reason: effect.reason,
          });
        }
      }
    }
    if (variant?.kind === 'exam') variant.observations.push(...records);
    // The reply goes out first; the writes follow in order (see the class comment).
    const active = OPEN_STATUSES.has(result.state.status);
    this.live.set(
      tabId,
      active ? { runId, tour, ...(variant ? { variant } : {}), state: result.state } : null,
    );
    if (active) {
      // A copy: later events add exam observations to the live variant before this is written.
      const stored: StoredSession = {
        snapshot: result.state,
        runId,
        ...(variant ? { variant: structuredClone(variant) } : {}),
      };
      this.persist(tabId, () => this.options.store.set(tabId, stored));
    } else this.persist(tabId, () => this.options.store.delete(tabId));
    // Exam and remedial runs are assessment records (assessment-service), not tour progress.
    if (!variant && records.length > 0) {
      const context = { tabId, stepCount: tour.steps.length };
      this.persist(tabId, () => this.options.recorder.record(records, context));
    }

    let outcome: TourOutcome | null = null;
    const ended =
      OPEN_STATUSES.has(state.status) &&
      (result.state.status === 'finished' || result.state.status === 'abandoned');
    // A run's end is rare and its outcome (results, surveys) reads what was recorded: wait.
    if (ended) await this.persisted(tabId);
    if (ended && this.options.hooks?.ended && variant?.kind !== 'preview') {
      outcome = await this.options.hooks
        .ended({
          tabId,
          tour,
          runTour,
          status: submitted ? 'submitted' : (result.state.status as 'finished' | 'abandoned'),
          at: this.options.now(),
          ...(variant ? { variant } : {}),
        })
        .catch((error: unknown) => {
          console.warn('[zhiyin] recording the end of a run failed', error);
          return null;
        });
    }
    return this.instruction(
      { runId, tour, ...(variant ? { variant } : {}), state: result.state },
      effects,
      outcome,
      knownRun,
    );
  }

  /**
   * What the page must do for a run: its state and effects, the run's tour (localised) unless the
   * page already holds it, and what the exam HUD or the end of the run needs.
   */
  private async instruction(
    { runId, tour, variant, state }: LiveSession,
    effects: ContentEffect[],
    outcome: TourOutcome | null,
    knownRun?: string,
  ): Promise<TourInstruction> {
    return {
      revision: this.nextRevision(),
      run: runId,
      snapshot: state,
      ...(knownRun === runId
        ? {}
        : { tour: runTourOf(localizeTour(tour, await this.options.language()), variant) }),
      status: state.status,
      stepIndex: state.stepIndex,
      effects,
      ...(variant?.kind === 'exam'
        ? {
            exam: {
              attemptId: variant.attemptId,
              startedAt: variant.startedAt,
              timeLimitMs: variant.timing.timeLimitMs,
            },
          }
        : {}),
      ...(variant?.kind === 'remedial' ? { remedial: { assessmentId: variant.assessmentId } } : {}),
      ...(outcome ? { outcome } : {}),
    };
  }

  private async idle(tour: Tour): Promise<TourInstruction> {
    return this.instruction(
      { runId: this.newRunId(), tour, state: createRunnerState(tour) },
      [],
      null,
    );
  }

  private async load(tabId: number): Promise<LiveSession | null> {
    const live = this.live.get(tabId);
    if (live !== undefined) return live;
    const loaded = await this.loadStored(tabId);
    if (loaded === undefined) return this.live.get(tabId) ?? null;
    // Another operation of this tab may have set it meanwhile (reads do not wait in line).
    if (!this.live.has(tabId)) this.live.set(tabId, loaded);
    return this.live.get(tabId) ?? null;
  }

  /** The stored session; `undefined` when the store did not answer in time. */
  private async loadStored(tabId: number): Promise<LiveSession | null | undefined> {
    let stored: StoredSession | undefined;
    try {
      stored = await withDeadline(
        this.options.store.get(tabId),
        DEADLINES.write,
        'storage.session',
      );
    } catch (error) {
      // Unknown, not absent: answer "no session" now without remembering it, so the next
      // message of this tab reads again (and a stored session is never deleted for a stall).
      console.warn('[zhiyin] reading the tour session failed', error);
      return undefined;
    }
    const snapshot = stored ? parseSnapshot(stored.snapshot) : null;
    const variant = stored?.variant;
    const tour =
      variant?.kind === 'preview'
        ? variant.tour
        : snapshot
          ? this.byId.get(snapshot.tourId)
          : undefined;
    if (
      !snapshot ||
      !tour ||
      (variant?.kind === 'remedial' && !remedialTourOf(tour, variant.stepIds))
    ) {
      // A session of a tour that no longer exists, or a corrupt snapshot: drop it, show nothing.
      if (stored) this.persist(tabId, () => this.options.store.delete(tabId));
      return null;
    }
    const runId = stored?.runId ?? this.newRunId();
    return variant ? { runId, tour, variant, state: snapshot } : { runId, tour, state: snapshot };
  }

  private async resumeOffer(url: string): Promise<ResumeOffer | null> {
    const interrupted = await this.options.db.tourProgress
      .where('status')
      .equals('interrupted')
      .toArray();
    for (const progress of interrupted.sort((a, b) => b.updatedAt - a.updatedAt)) {
      const tour = this.byId.get(progress.tourId);
      if (!tour || !matchAnyUrlGlob(tour.applies.url, url)) continue;
      const localized = localizeTour(tour, await this.options.language());
      return {
        tourId: tour.id,
        title: localized.title,
        stepIndex: progress.snapshot?.stepIndex ?? progress.lastStepIndex,
        stepCount: tour.steps.length,
      };
    }
    return null;
  }

  /** A `first-visit` tour for this page and role that the learner has never started. */
  private async firstVisitTour(url: string): Promise<Tour | null> {
    const role = await this.options.role();
    for (const tour of this.options.tours) {
      const triggers = Array.isArray(tour.start.on) ? tour.start.on : [tour.start.on];
      if (!triggers.includes('first-visit')) continue;
      if (role && !tour.audience.includes(role)) continue;
      if (!matchAnyUrlGlob(tour.applies.url, url)) continue;
      if (await this.options.db.tourProgress.get(tour.id)) continue;
      return tour;
    }
    return null;
  }
}

/** The steps a run goes through: the exam's task steps, the remedial selection, or the tour. */
export function runTourOf(tour: Tour, variant: SessionVariant | undefined): Tour {
  if (variant?.kind === 'exam') return examTourOf(tour);
  if (variant?.kind === 'remedial') return remedialTourOf(tour, variant.stepIds) ?? tour;
  return tour;
}

/** `storage.session`-backed store, with an in-memory fallback where it does not exist (MV2). */
export function createSessionStore(
  area: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(key: string): Promise<void>;
  } | null,
): SessionStore {
  if (!area) {
    // MV2 background pages are persistent: memory lives as long as the browser session.
    const memory = new Map<number, StoredSession>();
    return {
      get: async (tabId) => memory.get(tabId),
      set: async (tabId, session) => void memory.set(tabId, session),
      delete: async (tabId) => void memory.delete(tabId),
    };
  }
  const key = (tabId: number) => `tourSession:${tabId}`;
  return {
    async get(tabId) {
      const value = (await area.get(key(tabId)))[key(tabId)];
      return value && typeof value === 'object' ? (value as StoredSession) : undefined;
    },
    set: (tabId, session) => area.set({ [key(tabId)]: session }),
    delete: (tabId) => area.remove(key(tabId)),
  };
}

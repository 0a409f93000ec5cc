import type { ZhiyinDatabase } from '../db/database';
import type { Role } from '../profile/roles';
import type { Language } from '../settings/preferences';
import { matchAnyUrlGlob } from '../tour/match';
import {
  parseSnapshot,
  transition,
  createRunnerState,
  type RunnerEffect,
  type RunnerEvent,
  type RunnerSnapshot,
  type RunnerStatus,
  type TourRecord,
} from '../tour/runner';
import type { ValidatorRegistry } from '../tour/advance';
import type { Tour } from '../tour/schema';
import { localizeTour } from '../tour-runtime/localize';
import type { TourRecorder } from './tour-recorder';

/** Effects the content script carries out (records stay in the background). */
export type ContentEffect = Exclude<RunnerEffect, { type: 'record' }>;

/** What the content script must do for the tour running in its tab. */
export interface TourInstruction {
  /** The tour in the learner's language. */
  tour: Tour;
  status: RunnerStatus;
  stepIndex: number;
  effects: ContentEffect[];
}

/** A tour interrupted earlier (tab closed mid-way) that applies to this page. */
export interface ResumeOffer {
  tourId: string;
  title: string;
  stepIndex: number;
  stepCount: number;
}

/** Events the content script may send; START and RESUME are the background's own. */
export type ContentTourEvent = Exclude<
  RunnerEvent,
  { type: 'START' } | { type: 'RESUME' } | { type: 'NAVIGATED' }
>;

export interface StoredSession {
  snapshot: RunnerSnapshot;
}

/** Where live sessions are kept: `storage.session` (survives service-worker restarts). */
export interface SessionStore {
  get(tabId: number): Promise<StoredSession | undefined>;
  set(tabId: number, session: StoredSession): Promise<void>;
  delete(tabId: number): Promise<void>;
}

export interface TourSessionsOptions {
  tours: readonly Tour[];
  store: SessionStore;
  recorder: TourRecorder;
  db: ZhiyinDatabase;
  now: () => number;
  validators?: ValidatorRegistry;
  language: () => Promise<Language>;
  role: () => Promise<Role | null>;
}

const ACTIVE: ReadonlySet<RunnerStatus> = new Set([
  'running',
  'waiting-for-target',
  'waiting-for-navigation',
  'paused',
]);

export class UnknownTour extends Error {
  override name = 'UnknownTour';
  constructor(tourId: string) {
    super(`未找到引导「${tourId}」`);
  }
}

/**
 * The background's tour sessions, one per tab. The runner (lib/tour/runner.ts) is pure; this
 * class loads a tab's snapshot, applies an event, stores the new snapshot, records the runner's
 * `record` effects, and hands the rest of the effects to the tab's content script.
 * Because every state change is stored before the reply, a tour survives page reloads, full
 * navigations, SPA route changes and service-worker restarts.
 */
export class TourSessions {
  private readonly byId: Map<string, Tour>;

  constructor(private readonly options: TourSessionsOptions) {
    this.byId = new Map(options.tours.map((tour) => [tour.id, tour]));
  }

  tour(tourId: string): Tour | undefined {
    return this.byId.get(tourId);
  }

  /** Starts (or restarts) a tour in a tab, ending any other tour running there. */
  async start(tabId: number, tourId: string, url: string): Promise<TourInstruction> {
    const tour = this.byId.get(tourId);
    if (!tour) throw new UnknownTour(tourId);
    const existing = await this.load(tabId);
    if (existing && ACTIVE.has(existing.state.status))
      await this.apply(tabId, existing.tour, existing.state, { type: 'EXIT' });
    const instruction = await this.apply(tabId, tour, createRunnerState(tour), {
      type: 'START',
      url,
    });
    return instruction ?? this.idle(tour);
  }

  /**
   * A page (top frame) reported in: continue the tab's tour on it, or offer to resume an
   * interrupted one, or start a first-visit tour meant for this learner.
   */
  async pageLoaded(
    tabId: number,
    url: string,
    { autoStart }: { autoStart: boolean },
  ): Promise<{ tour: TourInstruction | null; resume: ResumeOffer | null }> {
    const existing = await this.load(tabId);
    if (existing && ACTIVE.has(existing.state.status)) {
      return {
        tour: await this.apply(tabId, existing.tour, existing.state, { type: 'NAVIGATED', url }),
        resume: null,
      };
    }
    if (!autoStart) return { tour: null, resume: null };
    const resume = await this.resumeOffer(url);
    if (resume) return { tour: null, resume };
    const firstVisit = await this.firstVisitTour(url);
    return { tour: firstVisit ? await this.start(tabId, firstVisit.id, url) : null, resume: null };
  }

  /** An event from the tab's content script (buttons, target found/missing, user actions). */
  async event(tabId: number, event: ContentTourEvent): Promise<TourInstruction | null> {
    const existing = await this.load(tabId);
    if (!existing) return null;
    return this.apply(tabId, existing.tour, existing.state, event);
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
    return existing ? { snapshot: existing.state, tour: existing.tour } : null;
  }

  /** Continue, restart or drop a tour that was interrupted earlier. */
  async resume(
    tabId: number,
    tourId: string,
    mode: 'continue' | 'restart' | 'discard',
    url: string,
  ) {
    const tour = this.byId.get(tourId);
    if (!tour) throw new UnknownTour(tourId);
    const progress = await this.options.db.tourProgress.get(tourId);
    const snapshot = progress?.status === 'interrupted' ? parseSnapshot(progress.snapshot) : null;
    if (mode === 'discard' || !snapshot) {
      await this.options.recorder.discardInterrupted(tourId, this.options.now());
      return mode === 'discard' ? null : this.start(tabId, tourId, url);
    }
    if (mode === 'restart') return this.start(tabId, tourId, url);
    const resumed = await this.apply(tabId, tour, createRunnerState(tour), {
      type: 'RESUME',
      snapshot: { ...snapshot, url },
    });
    await this.options.db.tourProgress.update(tourId, { status: 'in-progress', snapshot: null });
    return resumed;
  }

  /** The tab closed mid-tour: remember where the learner was, to offer resuming later. */
  async tabClosed(tabId: number): Promise<void> {
    const existing = await this.load(tabId);
    await this.options.store.delete(tabId);
    if (existing && ACTIVE.has(existing.state.status)) {
      await this.options.recorder.interrupted(
        existing.state,
        existing.tour.steps.length,
        this.options.now(),
      );
    }
  }

  private async apply(
    tabId: number,
    tour: Tour,
    state: RunnerSnapshot,
    event: RunnerEvent,
  ): Promise<TourInstruction | null> {
    const result = transition(tour, state, event, {
      now: this.options.now,
      ...(this.options.validators ? { validators: this.options.validators } : {}),
    });
    const records: TourRecord[] = [];
    const effects: ContentEffect[] = [];
    for (const effect of result.effects) {
      if (effect.type === 'record') records.push(effect.record);
      else effects.push(effect);
    }
    if (ACTIVE.has(result.state.status))
      await this.options.store.set(tabId, { snapshot: result.state });
    else await this.options.store.delete(tabId);
    await this.options.recorder.record(records, { tabId, stepCount: tour.steps.length });
    return {
      tour: localizeTour(tour, await this.options.language()),
      status: result.state.status,
      stepIndex: result.state.stepIndex,
      effects,
    };
  }

  private async idle(tour: Tour): Promise<TourInstruction> {
    return {
      tour: localizeTour(tour, await this.options.language()),
      status: 'idle',
      stepIndex: 0,
      effects: [],
    };
  }

  private async load(tabId: number): Promise<{ tour: Tour; state: RunnerSnapshot } | null> {
    const stored = await this.options.store.get(tabId);
    const snapshot = stored ? parseSnapshot(stored.snapshot) : null;
    const tour = snapshot ? this.byId.get(snapshot.tourId) : undefined;
    if (!snapshot || !tour) {
      // A session of a tour that no longer exists, or a corrupt snapshot: drop it, show nothing.
      if (stored) await this.options.store.delete(tabId);
      return null;
    }
    return { tour, state: snapshot };
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

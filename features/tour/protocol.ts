/** Messages of tours (step cards in the page, started from the popup), and the shapes they carry. */
import type { RunnerEffect, RunnerEvent, RunnerSnapshot, RunnerStatus } from './runner';
import type { AudienceRole, Tour, TourModule } from './schema';
import type { Language } from '../../lib/settings/preferences';
import type { FreshOnly } from '../exam/exam';
import type { ExamHud } from '../exam/outcome';
import type { SurveyPrompt } from '../survey/protocol';
import type { TourProgressStatus } from './records';
import type { ExamOutcome } from '../exam/outcome';

/**
 * Effects the content script carries out (records stay in the background). In an exam the effects
 * that begin or watch a step carry `freshOnly` (features/exam/exam.ts `examPageEffect`).
 */
export type ContentEffect = Exclude<RunnerEffect, { type: 'record' }> & FreshOnly;

/** What the content script must do for the tour running in its tab. */
export interface TourInstruction {
  /** The run this is about: new at every start or resume (events carry it back). */
  run: string;
  /**
   * The run's tour in the learner's language (for an exam: its task steps, without hints). Sent
   * once per run and page: absent in replies to the page's own events about the same run.
   */
  tour?: Tour;
  /**
   * The runner's state after this instruction: the page applies the same pure transitions
   * locally (features/tour/runner.ts) and compares its own state with this one.
   */
  snapshot: RunnerSnapshot;
  status: RunnerStatus;
  stepIndex: number;
  effects: ContentEffect[];
  /** Set while the tour runs as a practical assessment: the overlay shows the exam HUD only. */
  exam?: ExamHud;
  /** Set while the tour runs as remedial training (补训) after an assessment. */
  remedial?: { assessmentId: number };
  /** On the instruction that ends a run: what to show next (result, survey). */
  outcome?: TourOutcome;
  /**
   * Increases with every change the background makes (across service-worker restarts too: it
   * never falls below the clock). A content script can receive a tab's instructions out of order
   * (a reply to an event, the answer to a route change's hello, a start), so it applies only the
   * newest: an older one arriving late must not bring back a step card after the tour finished.
   */
  revision?: number;
}

export interface TourOutcome {
  exam?: ExamOutcome;
  /** Remedial training finished. */
  remedial?: { assessmentId: number; title: string };
  survey?: SurveyPrompt;
}

/** A tour interrupted earlier (tab closed mid-way) that applies to this page. */
export interface ResumeOffer {
  tourId: string;
  title: string;
  stepIndex: number;
  stepCount: number;
}

/**
 * Events the content script may send; START and RESUME are the background's own. SUBMIT is the
 * exam HUD's 交卷: it ends an exam run and scores it (ignored outside exams).
 */
export type ContentTourEvent =
  | Exclude<RunnerEvent, { type: 'START' } | { type: 'RESUME' } | { type: 'NAVIGATED' }>
  | { type: 'SUBMIT' };

/** A tour as the popup lists it. */
export interface TourListing {
  id: string;
  title: string;
  summary: string;
  module: TourModule;
  audience: AudienceRole[];
  stepCount: number;
  /** The tour's `applies.url` matches the tab's page. */
  appliesHere: boolean;
  /** Meant for the learner's role (or no role chosen yet). */
  forMyRole: boolean;
  status: TourProgressStatus | 'not-started';
  /** A task tour that can be taken as a practical assessment (实操考核). */
  examable?: boolean;
}

/** Tour messages (routes: features/tour/background/routes.ts; content side: features/tour/content). */
export interface TourMessages {
  /** Something happened in the tab's tour (button, target found/missing, user action). */
  'content:tourEvent'(data: TourEventMessage): TourInstruction | null;
  'content:resumeTour'(data: {
    tourId: string;
    mode: 'continue' | 'restart' | 'discard';
    url: string;
  }): TourInstruction | null;
  /**
   * The running tour's texts in another language (界面语言 changed while its card is open); null
   * when the tab's run is no longer `run`.
   */
  'content:tourText'(data: { run: string; language: Language }): Tour | null;
  /** Tours for the popup: every bundled tour, with whether it applies to the tab's page. */
  'page:listTours'(data: { tabId: number | null }): TourListing[];
  /** Starts a tour in a tab; fails with a readable reason when Zhiyin does not run there. */
  'page:startTour'(data: { tabId: number; tourId: string }): { started: boolean; reason?: string };
  /** A tour was started for this tab from outside the page (popup, help search). */
  'bg:tourInstruction'(data: TourInstruction): void;
}

/** A tour event as the page sends it: with the run it is about (see {@link TourInstruction.run}). */
export type TourEventMessage = ContentTourEvent & { run?: string };

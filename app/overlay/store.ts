import type { OverlayMessageKey } from '../../lib/i18n/overlay-messages';
import type { WelcomeOptions } from './api';
import type { MaskRegion } from '../../features/report/content/sensitive-regions';
import type { TipDecision, TipResponse } from '../../features/rules/protocol';
import type { GuardHint } from '../../features/guards/content/guards';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lib/settings/preferences';
import type { TourController } from '../../features/tour/content/controller';
import type { TourView } from '../../features/tour/content/view';
// Progress area: exam HUD, exam result and satisfaction survey.
import type { SatisfactionLevel } from '../../features/exam/indicators';
import type { ExamHud as ExamHudInfo } from '../../features/exam/outcome';
import type { ResumeOffer } from '../../features/tour/protocol';
import type { ExamOutcome } from '../../features/exam/outcome';
import type { SurveyPrompt } from '../../features/survey/protocol';

/** A practical assessment in progress: only the HUD is drawn, never the step card. */
export interface ExamState {
  hud: ExamHudInfo;
  title: string;
  /** 退出 pressed once, waiting for its confirmation. */
  confirming: boolean;
  submit(): void;
  exit(): void;
}

/** What the end of a run shows: the exam's result and/or the satisfaction survey. */
export interface OutcomeState {
  exam: ExamOutcome | null;
  survey: SurveyPrompt | null;
  startRemedial(): Promise<void>;
  answer(rating: SatisfactionLevel, comment: string): Promise<void>;
}

export interface ResumeState {
  offer: ResumeOffer;
  choose(mode: 'continue' | 'restart' | 'discard'): Promise<void>;
}

export interface ToastState {
  key: OverlayMessageKey;
  params: Record<string, string>;
  id: number;
}

export interface OverlayState {
  preferences: Preferences;
  welcome: WelcomeOptions | null;
  tour: { view: TourView; controller: TourController } | null;
  resume: ResumeState | null;
  toast: ToastState | null;
  /** Covers over personal data while a screenshot is taken. */
  masks: MaskRegion[];
  tips: {
    list: readonly TipDecision[];
    respond: (tip: TipDecision, response: TipResponse) => void;
  };
  hints: readonly GuardHint[];
  exam: ExamState | null;
  outcome: OutcomeState | null;
}

/** How long a notice (tour finished / left) stays on screen. */
export const TOAST_MS = 4000;

/**
 * What the overlay shows, outside any framework: the content-script side drives it, the step card
 * (features/tour/views/tour-layer.ts) and the React views (views.tsx, loaded when needed) draw it. When nothing is
 * left to show, `onEmpty` listeners run (the overlay then removes its host element).
 */
export class OverlayStore {
  private state: OverlayState = {
    preferences: DEFAULT_PREFERENCES,
    welcome: null,
    tour: null,
    resume: null,
    toast: null,
    masks: [],
    tips: { list: [], respond: () => undefined },
    hints: [],
    exam: null,
    outcome: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly emptyListeners = new Set<() => void>();
  private toastSeq = 0;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  snapshot = () => this.state;

  onEmpty(listener: () => void) {
    this.emptyListeners.add(listener);
  }

  setPreferences(preferences: Preferences) {
    this.update({ preferences });
  }
  setWelcome(welcome: WelcomeOptions | null) {
    this.update({ welcome });
  }
  setTour(view: TourView | null, controller: TourController) {
    this.update({ tour: view ? { view, controller } : null });
  }
  setResume(resume: ResumeState | null) {
    this.update({ resume });
  }
  showToast(key: OverlayMessageKey, params: Record<string, string>) {
    this.update({ toast: { key, params, id: ++this.toastSeq } });
  }
  setMasks(masks: MaskRegion[]) {
    this.update({ masks });
  }
  setTips(
    list: readonly TipDecision[],
    respond: (tip: TipDecision, response: TipResponse) => void,
  ) {
    this.update({ tips: { list, respond } });
  }
  setHints(hints: readonly GuardHint[]) {
    this.update({ hints });
  }
  setExam(exam: ExamState | null) {
    this.update({ exam });
  }
  setOutcome(outcome: OutcomeState | null) {
    this.update({ outcome });
  }
  /** The survey was answered or declined: keep the exam result, if any. */
  dropSurvey() {
    const outcome = this.state.outcome;
    if (!outcome) return;
    this.update({ outcome: outcome.exam ? { ...outcome, survey: null } : null });
  }
  clearToast(id: number) {
    if (this.state.toast?.id === id) this.update({ toast: null });
  }

  private update(patch: Partial<OverlayState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
    const { welcome, tour, resume, toast, masks, tips, hints, exam, outcome } = this.state;
    const nothing =
      !welcome &&
      !tour &&
      !resume &&
      !toast &&
      !exam &&
      !outcome &&
      masks.length + tips.list.length + hints.length === 0;
    if (nothing) {
      for (const listener of this.emptyListeners) listener();
    }
  }
}

/**
 * Whether the state shows something drawn by the React views (everything but the tour card and
 * the notice): the overlay then loads them (app/overlay/views.tsx).
 */
export function needsViews(state: OverlayState): boolean {
  return Boolean(
    state.welcome ||
    state.resume ||
    state.exam ||
    state.outcome ||
    state.masks.length + state.tips.list.length + state.hints.length > 0,
  );
}

/**
 * The tour card is drawn: a tour is running and no exam (HUD only) replaces it. A tour the learner
 * started always shows, also on a first visit: the welcome card waits behind it (issue 13), see
 * {@link showsWelcome}.
 */
export function showsTourCard(state: OverlayState): boolean {
  return Boolean(state.tour && !state.exam);
}

/**
 * The welcome card is drawn: it was asked for and no tour is running (it comes back when the tour
 * ends; its first-run tips follow its answer, so they queue behind the tour too).
 */
export function showsWelcome(state: OverlayState): boolean {
  return Boolean(state.welcome && !state.tour);
}

/**
 * The class of the overlay's root element for the learner's preferences (large text, reduced
 * motion): the framework-free shell and the React views draw the same root.
 */
export function rootClassName(prefs: Preferences): string {
  return [
    'zy-root',
    prefs.largeText ? 'zy-large' : '',
    prefs.reducedMotion ? 'zy-reduced-motion' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

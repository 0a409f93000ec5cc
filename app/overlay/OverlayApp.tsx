import { useEffect, useSyncExternalStore } from 'react';
import { translate, type MessageKey } from '../../lib/i18n/messages';
import type { WelcomeOptions } from './api';
import type { MaskRegion } from '../../features/report/content/sensitive-regions';
import type { TipDecision, TipResponse } from '../../features/rules/protocol';
import type { GuardHint } from '../../features/guards/content/guards';
import { GuardHintLayer } from '../../features/guards/views/GuardHintLayer';
import { TipLayer } from '../../features/rules/views/TipLayer';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lib/settings/preferences';
import type { TourController } from '../../features/tour/content/controller';
import type { TourView } from '../../features/tour/content/view';
import { WelcomeCard } from '../../features/profile/views/WelcomeCard';
import { TourLayer } from '../../features/tour/views/TourLayer';
import { onlyTrusted } from '../../lib/trust/user-event';
// Progress area: exam HUD, exam result and satisfaction survey.
import type { SatisfactionLevel } from '../../features/exam/indicators';
import { ExamResult } from '../../features/exam/views/ExamResult';
import { SurveyCard } from '../../features/survey/views/SurveyCard';
import type { ResumeOffer } from '../../features/tour/protocol';
import type { ExamHud as ExamHudInfo } from '../../features/exam/outcome';
import { ExamHud } from '../../features/exam/views/ExamHud';
import type { SurveyPrompt } from '../../features/survey/protocol';
import type { ExamOutcome } from '../../features/exam/outcome';

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

interface ResumeState {
  offer: ResumeOffer;
  choose(mode: 'continue' | 'restart' | 'discard'): Promise<void>;
}

interface ToastState {
  key: MessageKey;
  params: Record<string, string>;
  id: number;
}

interface OverlayState {
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
const TOAST_MS = 4000;

/**
 * What the overlay shows, outside React so the content-script side can drive it. When nothing is
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
  showToast(key: MessageKey, params: Record<string, string>) {
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

export function OverlayApp({ store }: { store: OverlayStore }) {
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  const { preferences: prefs } = state;
  const language = prefs.language;
  const className = [
    'zy-root',
    prefs.largeText ? 'zy-large' : '',
    prefs.reducedMotion ? 'zy-reduced-motion' : '',
  ]
    .filter(Boolean)
    .join(' ');

  useEffect(() => {
    const toast = state.toast;
    if (!toast) return;
    const timer = setTimeout(() => store.clearToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [state.toast, store]);

  return (
    <div className={className} lang={language === 'en' ? 'en' : 'zh-CN'}>
      {state.welcome && (
        <WelcomeCard
          language={language}
          onChooseRole={state.welcome.onChooseRole}
          onDismiss={state.welcome.onDismiss}
          onClose={() => store.setWelcome(null)}
        />
      )}
      {!state.welcome && state.exam && (
        <ExamHud
          language={language}
          title={state.exam.title}
          hud={state.exam.hud}
          missing={state.tour?.view.mode === 'missing'}
          confirming={state.exam.confirming}
          onConfirming={(confirming) => {
            const exam = store.snapshot().exam;
            if (exam) store.setExam({ ...exam, confirming });
          }}
          onSubmit={state.exam.submit}
          onExit={state.exam.exit}
        />
      )}
      {!state.welcome && state.outcome && (
        <OutcomePanel language={language} outcome={state.outcome} store={store} />
      )}
      {!state.welcome && state.tour && !state.exam && (
        <TourLayer
          view={state.tour.view}
          language={language}
          onNext={state.tour.controller.next}
          onBack={state.tour.controller.back}
          onSkip={state.tour.controller.skip}
          onExit={state.tour.controller.exit}
          onTargetLost={() => state.tour?.controller.relocate()}
          onReport={() => void state.tour?.controller.reportMissing()}
        />
      )}
      {!state.welcome && state.resume && <ResumePrompt language={language} resume={state.resume} />}
      <GuardHintLayer hints={state.hints} language={language} />
      {!state.welcome && (
        <TipLayer tips={state.tips.list} language={language} onRespond={state.tips.respond} />
      )}
      {state.masks.map((mask, index) => (
        <div
          key={index}
          className="zy-mask"
          data-zhiyin-mask={mask.kind}
          style={{ left: mask.x, top: mask.y, width: mask.width, height: mask.height }}
        >
          {mask.height >= 14 && mask.width >= 40 ? translate(language, 'maskLabel') : ''}
        </div>
      ))}
      {state.toast && (
        <div className="zy-toast" role="status">
          {translate(language, state.toast.key, state.toast.params)}
        </div>
      )}
    </div>
  );
}

/** The end of a run: the exam's result and the survey, in one corner panel, closable. */
function OutcomePanel({
  language,
  outcome,
  store,
}: {
  language: Preferences['language'];
  outcome: OutcomeState;
  store: OverlayStore;
}) {
  return (
    <div className="zy-outcome">
      <button
        type="button"
        className="zy-outcome-close"
        aria-label={translate(language, 'close')}
        onClick={onlyTrusted(() => store.setOutcome(null))}
      >
        ×
      </button>
      {outcome.exam && (
        <ExamResult language={language} result={outcome.exam} onRemedial={outcome.startRemedial} />
      )}
      {outcome.survey && (
        <SurveyCard
          key={`${outcome.survey.subjectKind}:${outcome.survey.subjectId}`}
          language={language}
          prompt={outcome.survey}
          onSubmit={async (rating, comment) => {
            await outcome.answer(rating, comment);
            setTimeout(() => store.dropSurvey(), TOAST_MS);
          }}
          onDismiss={() => store.dropSurvey()}
        />
      )}
    </div>
  );
}

function ResumePrompt({
  language,
  resume,
}: {
  language: Preferences['language'];
  resume: ResumeState;
}) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  return (
    <div
      className="zy-resume"
      role="dialog"
      aria-modal="false"
      aria-labelledby="zy-resume-title"
      data-zhiyin-resume={resume.offer.tourId}
    >
      <h2 className="zy-card-title" id="zy-resume-title">
        {t('resumeTitle')}
      </h2>
      <p className="zy-body">
        {t('resumeBody', { tour: resume.offer.title, n: resume.offer.stepIndex + 1 })}
      </p>
      <div className="zy-actions">
        <button
          type="button"
          className="zy-button zy-button-text"
          onClick={onlyTrusted(() => void resume.choose('discard'))}
        >
          {t('resumeDiscard')}
        </button>
        <button
          type="button"
          className="zy-button"
          onClick={onlyTrusted(() => void resume.choose('restart'))}
        >
          {t('resumeRestart')}
        </button>
        <button
          type="button"
          className="zy-button zy-button-primary"
          onClick={onlyTrusted(() => void resume.choose('continue'))}
        >
          {t('resumeContinue')}
        </button>
      </div>
    </div>
  );
}

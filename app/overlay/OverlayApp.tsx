import { useSyncExternalStore } from 'react';
import { translate, type MessageKey } from '../../lib/i18n/messages';
import { GuardHintLayer } from '../../features/guards/views/GuardHintLayer';
import { TipLayer } from '../../features/rules/views/TipLayer';
import type { Preferences } from '../../lib/settings/preferences';
import { WelcomeCard } from '../../features/profile/views/WelcomeCard';
import { onlyTrusted } from '../../lib/trust/user-event';
// Progress area: exam HUD, exam result and satisfaction survey.
import { ExamHud } from '../../features/exam/views/ExamHud';
import { ExamResult } from '../../features/exam/views/ExamResult';
import { SurveyCard } from '../../features/survey/views/SurveyCard';
import {
  rootClassName,
  showsWelcome,
  TOAST_MS,
  type OutcomeState,
  type OverlayStore,
  type ResumeState,
} from './store';

export type { ExamState, OutcomeState } from './store';
export { OverlayStore } from './store';

/**
 * The overlay's React views: welcome card, exam HUD and result, survey, resume offer, compliance
 * tips, field-guard hints, screenshot masks. The tour step card and the notice are not here: they
 * are drawn without React (features/tour/views/tour-layer.ts, create-overlay.ts), so a tour's
 * first card does not wait for React to load (README "Overlay").
 */
export function OverlayApp({ store }: { store: OverlayStore }) {
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  const { preferences: prefs } = state;
  const language = prefs.language;
  const className = rootClassName(prefs);

  const welcomeShown = showsWelcome(state);
  return (
    <div className={className} lang={language === 'en' ? 'en' : 'zh-CN'}>
      {state.welcome && welcomeShown && (
        <WelcomeCard
          language={language}
          onChooseRole={state.welcome.onChooseRole}
          onDismiss={state.welcome.onDismiss}
          onClose={() => store.setWelcome(null)}
        />
      )}
      {!welcomeShown && state.exam && (
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
      {!welcomeShown && state.outcome && (
        <OutcomePanel language={language} outcome={state.outcome} store={store} />
      )}
      {!welcomeShown && state.resume && <ResumePrompt language={language} resume={state.resume} />}
      <GuardHintLayer hints={state.hints} language={language} />
      {!welcomeShown && (
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

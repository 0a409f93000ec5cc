import { useLayoutEffect, useRef, useState } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { anchorCard, revealTarget } from '../../../lib/overlay/position';
import { anchorFrameCard, revealFrameTarget } from '../../frames/content/frame-reference';
import type { Language } from '../../../lib/settings/preferences';
import type { AdvanceRejection } from '../advance';
import type { Step } from '../schema';
import type { TourView } from '../content/view';
import { StepCard } from './StepCard';

export interface TourLayerProps {
  view: TourView;
  language: Language;
  onNext(): void;
  onBack(): void;
  onSkip(): void;
  onExit(): void;
  /** The located target left the page (re-rendered): find it again. */
  onTargetLost(): void;
  /** 报告问题 on a step whose target is missing. */
  onReport(): void;
}

const HINTS: Partial<Record<Step['advance']['on'], MessageKey>> = {
  click: 'hintClick',
  input: 'hintInput',
  change: 'hintChange',
  navigation: 'hintNavigation',
  appear: 'hintAppear',
  disappear: 'hintAppear',
};

const REJECTIONS: Partial<Record<AdvanceRejection, MessageKey>> = {
  empty: 'rejectEmpty',
  'pattern-mismatch': 'rejectPattern',
  'validator-rejected': 'rejectValidator',
  'value-mismatch': 'rejectValue',
  'not-confirmed': 'rejectNotConfirmed',
};

/** The running tour's step: spotlight on the target, the card beside it, a live announcement. */
export function TourLayer({ view, language, ...actions }: TourLayerProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const spotlightRef = useRef<HTMLDivElement>(null);
  const [arrow, setArrow] = useState<HTMLDivElement | null>(null);
  const [targetHidden, setTargetHidden] = useState(false);
  const step = view.tour.steps[view.stepIndex];
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const { element, mode, placement, frameTarget } = view;
  const onTargetLost = actions.onTargetLost;

  useLayoutEffect(() => {
    const card = cardRef.current;
    if (mode === 'located' && frameTarget && card) {
      // A target inside a cross-origin frame: anchored to what that frame reports.
      revealFrameTarget(frameTarget);
      return anchorFrameCard(frameTarget, card, {
        placement,
        arrowElement: arrow ?? undefined,
        spotlight: spotlightRef.current ?? undefined,
        onUpdate: (state) => setTargetHidden(state.targetHidden),
      });
    }
    if (mode !== 'located' || !element || !card) return;
    revealTarget(element);
    return anchorCard(element, card, {
      placement,
      arrowElement: arrow ?? undefined,
      spotlight: spotlightRef.current ?? undefined,
      onUpdate: (state) => {
        setTargetHidden(state.targetHidden);
        if (!element.isConnected) onTargetLost();
      },
    });
  }, [element, frameTarget, mode, placement, arrow, onTargetLost]);

  // Said to screen readers through the live region whenever the step changes (the card never
  // takes focus by itself).
  const announcement = translate(language, 'stepAnnounce', {
    tour: view.tour.title,
    n: view.stepIndex + 1,
    total: view.tour.steps.length,
    title: step?.title ?? '',
  });

  if (!step) return null;
  const hintKey = HINTS[step.advance.on];
  const rejectionKey = view.rejection ? REJECTIONS[view.rejection] : undefined;
  return (
    <>
      {mode === 'located' && (
        <div ref={spotlightRef} className="zy-spotlight" hidden={targetHidden} aria-hidden="true" />
      )}
      <StepCard
        ref={cardRef}
        arrowRef={setArrow}
        language={language}
        tourId={view.tour.id}
        tourTitle={view.tour.title}
        stepIndex={view.stepIndex}
        stepCount={view.tour.steps.length}
        title={step.title}
        body={step.body}
        mode={mode}
        actionHint={hintKey ? t(hintKey) : undefined}
        nextEnabled={step.advance.on === 'next' || mode === 'missing'}
        onNext={actions.onNext}
        onBack={actions.onBack}
        onSkip={actions.onSkip}
        onExit={actions.onExit}
        onReport={view.report === 'idle' || view.report === 'failed' ? actions.onReport : undefined}
        notice={
          rejectionKey ? (
            <p className="zy-card-rejection" role="alert">
              {view.rejectionMessage ?? t(rejectionKey)}
            </p>
          ) : view.report === 'sent' ? (
            <p className="zy-card-hint" role="status">
              {t('reportRecorded')}
            </p>
          ) : view.report === 'failed' ? (
            <p className="zy-card-rejection" role="alert">
              {t('reportFailed')}
            </p>
          ) : mode === 'missing' && view.missingReason === 'frame-gone' ? (
            <p className="zy-card-hint">{t('targetMissingFrameGone')}</p>
          ) : null
        }
      />
      <div className="zy-sr-only" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}

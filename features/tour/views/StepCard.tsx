import { forwardRef, useId, type KeyboardEvent, type ReactNode } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import type { Language } from '../../../lib/settings/preferences';
import { Markdown } from '../../../components/markdown/Markdown';
import { onlyTrusted } from '../../../lib/trust/user-event';

export interface StepCardProps {
  language: Language;
  tourId: string;
  tourTitle: string;
  /** 0-based index of the step (contract: `data-zhiyin-step`). */
  stepIndex: number;
  stepCount: number;
  title?: string | undefined;
  body: string;
  /** What the learner has to do for the step to advance on its own, if not 下一步. */
  actionHint?: string | undefined;
  /** `located`: next to its target; `centred`: no target; `missing`: target not found. */
  mode: 'located' | 'centred' | 'missing';
  /** Whether 下一步 advances (false when the step waits for the learner's own action). */
  nextEnabled: boolean;
  onNext(): void;
  onBack(): void;
  onSkip(): void;
  onExit(): void;
  onReport?: (() => void) | undefined;
  /** Shown under the body, e.g. "问题已记录". */
  notice?: ReactNode;
  arrowRef?: (element: HTMLDivElement | null) => void;
}

/**
 * One step of a tour: a labelled, non-modal dialog. Keys while focus is in the card: Esc exits,
 * → next, ← back. It never takes focus by itself (the learner may be typing in the page); the
 * step is announced to screen readers through the live region in TourLayer.
 */
export const StepCard = forwardRef<HTMLDivElement, StepCardProps>(function StepCard(props, ref) {
  const titleId = useId();
  const bodyId = useId();
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(props.language, key, params);
  const isFirst = props.stepIndex === 0;
  const isLast = props.stepIndex === props.stepCount - 1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const inButton = event.target instanceof HTMLElement && event.target.tagName === 'BUTTON';
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onExit();
    } else if (event.key === 'ArrowRight' && props.nextEnabled && !inButton) {
      props.onNext();
    } else if (event.key === 'ArrowLeft' && !isFirst && !inButton) {
      props.onBack();
    }
  };

  return (
    <div
      ref={ref}
      className={`zy-card zy-card-${props.mode}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      tabIndex={-1}
      data-zhiyin-tour={props.tourId}
      data-zhiyin-step={props.stepIndex}
      onKeyDown={onlyTrusted(onKeyDown)}
    >
      {props.mode === 'located' && (
        <div className="zy-arrow" ref={props.arrowRef} aria-hidden="true" />
      )}
      <div className="zy-card-head">
        <span className="zy-card-tour">{props.tourTitle}</span>
        <span
          className="zy-card-progress"
          aria-label={t('stepProgressLabel', { n: props.stepIndex + 1, total: props.stepCount })}
        >
          {props.stepIndex + 1} / {props.stepCount}
        </span>
        <button
          type="button"
          className="zy-close"
          aria-label={t('tourExit')}
          title={t('tourExit')}
          onClick={onlyTrusted(props.onExit)}
        >
          ×
        </button>
      </div>
      <h2 className="zy-card-title" id={titleId}>
        {props.mode === 'missing' ? t('targetMissingTitle') : (props.title ?? props.tourTitle)}
      </h2>
      <div className="zy-card-body" id={bodyId}>
        {props.mode === 'missing' ? (
          <p>{t('targetMissingBody')}</p>
        ) : (
          <Markdown source={props.body} />
        )}
        {props.actionHint && props.mode !== 'missing' && (
          <p className="zy-card-hint">{props.actionHint}</p>
        )}
        {props.notice}
      </div>
      <div className="zy-progress-bar" aria-hidden="true">
        <div style={{ width: `${((props.stepIndex + 1) / props.stepCount) * 100}%` }} />
      </div>
      <div className="zy-card-actions">
        {props.mode === 'missing' && props.onReport && (
          <button type="button" className="zy-button" onClick={onlyTrusted(props.onReport)}>
            {t('reportProblem')}
          </button>
        )}
        <button
          type="button"
          className="zy-button zy-button-text"
          onClick={onlyTrusted(props.onSkip)}
        >
          {t('stepSkip')}
        </button>
        <span className="zy-spacer" />
        {!isFirst && (
          <button type="button" className="zy-button" onClick={onlyTrusted(props.onBack)}>
            {t('stepBack')}
          </button>
        )}
        <button
          type="button"
          className="zy-button zy-button-primary"
          onClick={onlyTrusted(props.onNext)}
          disabled={!props.nextEnabled}
        >
          {isLast ? t('stepDone') : t('stepNext')}
        </button>
      </div>
    </div>
  );
});

import { useState } from 'react';
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../../exam/indicators';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import type { Language } from '../../../lib/settings/preferences';
import { onlyTrusted } from '../../../lib/trust/user-event';
import type { SurveyPrompt } from '../protocol';
import { Button } from '../../../components/Button';

const LEVELS_EN: Record<SatisfactionLevel, string> = {
  非常满意: 'Very satisfied',
  满意: 'Satisfied',
  一般: 'Neutral',
  不满意: 'Dissatisfied',
};

export interface SurveyCardProps {
  language: Language;
  prompt: SurveyPrompt;
  onSubmit(rating: SatisfactionLevel, comment: string): Promise<void>;
  onDismiss(): void;
}

/** The short satisfaction survey (满意度) at the end of a tour or an assessment; dismissible. */
export function SurveyCard({ language, prompt, onSubmit, onDismiss }: SurveyCardProps) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const [rating, setRating] = useState<SatisfactionLevel | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const subject = t(
    prompt.subjectKind === 'tour' ? 'surveySubjectTour' : 'surveySubjectAssessment',
  );
  const legendId = `zy-survey-${prompt.subjectKind}`;

  if (state === 'sent') {
    return (
      <section className="zy-survey" aria-label={t('surveyThanks')}>
        <p role="status">{t('surveyThanks')}</p>
      </section>
    );
  }
  return (
    <section className="zy-survey" aria-labelledby={legendId} data-zhiyin-survey={prompt.subjectId}>
      <form
        onSubmit={onlyTrusted((event) => {
          event.preventDefault();
          if (!rating) return;
          setState('sending');
          onSubmit(rating, comment).then(
            () => setState('sent'),
            () => setState('failed'),
          );
        })}
      >
        <fieldset className="zy-survey-levels">
          <legend id={legendId} className="zy-card-title">
            {t('surveyTitle', { subject })}
            <span className="zy-survey-about">「{prompt.title}」</span>
          </legend>
          {SATISFACTION_LEVELS.map((level) => (
            <label key={level} className={rating === level ? 'zy-chip zy-chip-on' : 'zy-chip'}>
              <input
                type="radio"
                name="zy-survey-rating"
                value={level}
                checked={rating === level}
                onChange={onlyTrusted(() => setRating(level))}
              />
              {language === 'en' ? LEVELS_EN[level] : level}
            </label>
          ))}
        </fieldset>
        <label className="zy-survey-comment">
          <span>{t('surveyComment')}</span>
          <textarea
            rows={2}
            maxLength={500}
            value={comment}
            onChange={onlyTrusted((event) => setComment(event.target.value))}
          />
        </label>
        {state === 'failed' && (
          <p className="zy-card-rejection" role="alert">
            {t('surveyFailed')}
          </p>
        )}
        <div className="zy-actions">
          <Button variant="text" onPress={onDismiss}>
            {t('surveyLater')}
          </Button>
          <button
            type="submit"
            className="zy-button zy-button-primary"
            disabled={!rating || state === 'sending'}
          >
            {t('surveySubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

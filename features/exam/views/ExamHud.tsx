import { useEffect, useRef, useState } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import type { Language } from '../../../lib/settings/preferences';
import { isTrustedUserEvent, onlyTrusted } from '../../../lib/trust/user-event';
import type { ExamHud as ExamHudInfo } from '../outcome';
import { Button } from '../../../components/Button';

export interface ExamHudProps {
  language: Language;
  title: string;
  hud: ExamHudInfo;
  /** The current step's element could not be found (the learner can only hand in). */
  missing: boolean;
  /** 退出 was pressed once: ask for confirmation (kept by the overlay store, not here). */
  confirming: boolean;
  onConfirming(confirming: boolean): void;
  onSubmit(): void;
  onExit(): void;
}

/** m:ss */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The only thing shown during a practical assessment (实操考核): the task, the time against the
 * limit, 交卷 and 退出. No step text, no spotlight: the learner does the task unaided. At the time
 * limit the exam is handed in by itself.
 */
export function ExamHud({
  language,
  title,
  hud,
  missing,
  confirming,
  onConfirming,
  onSubmit,
  onExit,
}: ExamHudProps) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const [now, setNow] = useState(() => Date.now());
  const submitted = useRef(false);
  const elapsed = now - hud.startedAt;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (elapsed >= hud.timeLimitMs && !submitted.current) {
      submitted.current = true;
      onSubmit();
    }
  }, [elapsed, hud.timeLimitMs, onSubmit]);

  const submit = () => {
    if (submitted.current) return;
    submitted.current = true;
    onSubmit();
  };

  return (
    <section
      className="zy-exam-hud"
      aria-label={t('examHudLabel')}
      data-zhiyin-exam={hud.attemptId}
    >
      <div className="zy-exam-main">
        <span className="zy-exam-badge">{t('examHudLabel')}</span>
        <strong className="zy-exam-title">{title}</strong>
        <span
          className={
            elapsed > hud.timeLimitMs * 0.8 ? 'zy-exam-clock zy-exam-late' : 'zy-exam-clock'
          }
          role="timer"
          aria-live="off"
        >
          {t('examElapsed', {
            elapsed: formatClock(elapsed),
            limit: formatClock(hud.timeLimitMs),
          })}
        </span>
      </div>
      <p className="zy-exam-note">{missing ? t('examMissing') : t('examNoHints')}</p>
      {confirming ? (
        <div className="zy-actions" role="group" aria-label={t('examExitConfirm')}>
          <span className="zy-exam-confirm">{t('examExitConfirm')}</span>
          <button
            type="button"
            className="zy-button"
            onClick={onlyTrusted(() => onConfirming(false))}
          >
            {t('resumeContinue')}
          </button>
          <Button variant="danger" onPress={onExit}>
            {t('examExit')}
          </Button>
        </div>
      ) : (
        <div className="zy-actions">
          <button
            type="button"
            className="zy-button"
            onClick={onlyTrusted(() => onConfirming(true))}
          >
            {t('examExit')}
          </button>
          <button
            type="button"
            className="zy-button zy-button-primary"
            onClick={(event) => {
              if (isTrustedUserEvent(event)) submit();
            }}
          >
            {t('examSubmit')}
          </button>
        </div>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { translate } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import type { Language } from '../../../lib/settings/preferences';
import { isTrustedUserEvent } from '../../../lib/trust/user-event';
import type { ExamHud as ExamHudInfo } from '../outcome';
import { Button } from '../../../components/Button';
import { examKeyboardText } from './i18n';
import { usePanelFocus } from './overlay-focus';

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
  const t = inLanguage(translate, language);
  const [now, setNow] = useState(() => Date.now());
  const submitted = useRef(false);
  const elapsed = now - hud.startedAt;
  const panel = useRef<HTMLElement>(null);
  const exitButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const resumeButton = useRef<HTMLButtonElement>(null);
  // Alt+Shift+G reaches the bar (交卷) and goes back. Handed in, the result takes the focus
  // (ExamResult); left or ended otherwise with focus in the bar, focus goes back to the page.
  usePanelFocus(panel, () => submitButton.current?.focus({ preventScroll: true }), {
    restoreOnUnmount: () => !submitted.current,
  });
  // 退出 and its confirmation replace each other's buttons: focus follows (was: dropped on body).
  const focusWasInBar = useRef(false);
  useEffect(() => {
    if (!focusWasInBar.current) return;
    focusWasInBar.current = false;
    (confirming ? resumeButton : exitButton).current?.focus({ preventScroll: true });
  }, [confirming]);
  const toggleConfirming = (next: boolean) => {
    const root = panel.current?.getRootNode();
    const active =
      root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
    focusWasInBar.current = active !== null && panel.current?.contains(active) === true;
    onConfirming(next);
  };

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
      ref={panel}
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
      <p className="zy-exam-note">
        {missing ? t('examMissing') : t('examNoHints')}{' '}
        <span className="zy-shortcut-hint">{examKeyboardText(language, 'examShortcutHint')}</span>
      </p>
      {confirming ? (
        <div className="zy-actions" role="group" aria-label={t('examExitConfirm')}>
          <span className="zy-exam-confirm">{t('examExitConfirm')}</span>
          <button
            ref={resumeButton}
            type="button"
            className="zy-button"
            onClick={(event) => {
              if (isTrustedUserEvent(event)) toggleConfirming(false);
            }}
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
            ref={exitButton}
            type="button"
            className="zy-button"
            onClick={(event) => {
              if (isTrustedUserEvent(event)) toggleConfirming(true);
            }}
          >
            {t('examExit')}
          </button>
          <button
            ref={submitButton}
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

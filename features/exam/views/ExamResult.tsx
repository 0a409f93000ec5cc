import { useEffect, useRef, useState } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import type { Language } from '../../../lib/settings/preferences';
import { onlyTrusted } from '../../../lib/trust/user-event';
import type { ExamOutcome } from '../outcome';
import { examKeyboardText } from './i18n';
import { usePanelFocus } from './overlay-focus';

export interface ExamResultProps {
  language: Language;
  result: ExamOutcome;
  /** Starts the remedial training (补训) for the failed steps. */
  onRemedial(): Promise<void>;
}

/**
 * The practical assessment's score as the plan computes it: step correctness /40, completion time
 * /30, data accuracy /30, the total, 通过 / 未通过 at 80, and the steps to retrain with a button
 * that starts the remedial training.
 */
export function ExamResult({ language, result, onRemedial }: ExamResultProps) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The corner panel the result is in (with its 关闭 and the survey), else the result itself. */
  const panel = useRef<HTMLElement | null>(null);
  const focus = usePanelFocus(panel, () => heading.current?.focus({ preventScroll: true }));
  // Said once, a moment after the region exists (a live region filled as it is added is often
  // not read): the total and the verdict; the table is there to read on.
  const [announced, setAnnounced] = useState(false);
  useEffect(() => {
    // Handed in from the bar (its 交卷 is gone): focus comes here, not left on nothing. Ended by
    // the learner's own action in the page: focus stays there (Alt+Shift+G reaches the result).
    if (focus.focusLost()) heading.current?.focus({ preventScroll: true });
    const timer = setTimeout(() => setAnnounced(true), 150);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const rows: [MessageKey, number, number][] = [
    ['examSteps', result.stepScore, 40],
    ['examTime', result.timeScore, 30],
    ['examAccuracy', result.accuracyScore, 30],
  ];
  return (
    <section
      ref={(node) => {
        panel.current = node?.closest<HTMLElement>('.zy-outcome') ?? node;
      }}
      className="zy-exam-result"
      aria-labelledby="zy-exam-result-title"
      data-zhiyin-exam-result={result.tourId}
    >
      <h2 className="zy-card-title" id="zy-exam-result-title" ref={heading} tabIndex={-1}>
        {t('examResultTitle', { title: result.title })}
      </h2>
      <table className="zy-exam-table">
        <tbody>
          {rows.map(([key, score, max]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td data-score={key}>
                {score} / {max}
              </td>
            </tr>
          ))}
          <tr className="zy-exam-total">
            <th scope="row">{t('examTotal')}</th>
            <td data-score="total">{result.total} / 100</td>
          </tr>
        </tbody>
      </table>
      <p className="zy-sr-only" role="status">
        {announced
          ? examKeyboardText(language, 'examAnnounce', {
              total: result.total,
              verdict: result.passed ? t('examPassed') : t('examFailed'),
            })
          : ''}
      </p>
      <p
        className={result.passed ? 'zy-exam-verdict zy-exam-pass' : 'zy-exam-verdict zy-exam-fail'}
      >
        <strong data-testid="exam-verdict">
          {result.passed ? t('examPassed') : t('examFailed')}
        </strong>
        <span className="zy-exam-passline">
          （{t('examPassLine', { score: result.passScore })}）
        </span>
      </p>
      {result.remedialSteps.length > 0 && (
        <>
          <p className="zy-exam-note">{t('examRemedialIntro')}</p>
          <ul className="zy-exam-remedial">
            {result.remedialSteps.map((step) => (
              <li key={step.id}>{step.title}</li>
            ))}
          </ul>
          <div className="zy-actions">
            <button
              type="button"
              className="zy-button zy-button-primary"
              disabled={busy}
              onClick={onlyTrusted(() => {
                setBusy(true);
                void onRemedial().finally(() => setBusy(false));
              })}
            >
              {t('examRemedialStart')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

import { useId, useMemo, useState } from 'react';
import { translate } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import { sendMessage } from '../../../app/protocol';
import type { ReportCategory } from '../schema';
import { REPORT_LIMITS } from '../schema';
import { scrubPersonalData } from '../../../lib/privacy/personal-data';
import type { Language } from '../../../lib/settings/preferences';
import { categoryOptions, scrubKindsText } from './report-text';
import type { SubmitReportReply } from '../protocol';
import { screenshotFailureText } from '../screenshot-text';
import { describeError } from '../../../lib/i18n/describe-error';

export interface ReportFormProps {
  language: Language;
  tabId: number | null;
  /** Whether an administrator configured where reports go (null while unknown). */
  endpointConfigured: boolean | null;
  onSubmitted: (reply: SubmitReportReply) => void;
}

/**
 * 报告问题: category, description with a live preview of what will be hidden, what is attached
 * automatically, and where the report goes. Scrubbing here is a preview only: the background
 * scrubs again before anything is stored.
 */
export function ReportForm(props: ReportFormProps) {
  const { language } = props;
  const t = inLanguage(translate, language);
  const ids = { category: useId(), description: useId(), hint: useId(), preview: useId() };
  const [category, setCategory] = useState<ReportCategory>('other');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A screenshot is optional: taken only when asked for, shown before sending, easy to drop.
  const [shot, setShot] = useState<{ dataUrl: string; masked: number } | null>(null);
  const [shotNote, setShotNote] = useState<string | null>(null);
  const [capturing, setCapturing] = useState(false);

  const takeScreenshot = async () => {
    if (props.tabId === null) return;
    setCapturing(true);
    setShotNote(null);
    try {
      const result = await sendMessage('page:captureScreenshot', { tabId: props.tabId });
      if (result.ok) setShot({ dataUrl: result.dataUrl, masked: result.masked });
      else setShotNote(screenshotFailureText(language, result.code, result.error));
    } catch (cause) {
      setShotNote(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setCapturing(false);
    }
  };

  const scrub = useMemo(() => scrubPersonalData(description), [description]);
  const tooLong = description.length > REPORT_LIMITS.descriptionChars;

  const submit = async () => {
    // Busy: the button stays focusable (aria-disabled, not disabled) so keyboard focus is not
    // dropped on the page body while the report is sent; a second press does nothing.
    if (busy) return;
    setDone(null);
    if (!description.trim()) return setError(t('reportEmpty'));
    if (tooLong) return setError(t('reportTooLong', { n: REPORT_LIMITS.descriptionChars }));
    setBusy(true);
    setError(null);
    try {
      const reply = await sendMessage('page:submitReport', {
        category,
        description,
        tabId: props.tabId,
        screenshot: shot,
      });
      setDescription('');
      setShot(null);
      setDone(
        [
          reply.status === 'local' ? t('reportSubmittedLocal') : t('reportSubmittedQueued'),
          reply.scrubSummary && language !== 'en' ? reply.scrubSummary : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      props.onSubmitted(reply);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="zy-report"
      aria-label={t('tabReport')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="zy-section">
        <p
          className={props.endpointConfigured === false ? 'zy-note zy-note-warn' : 'zy-note'}
          data-testid="report-destination"
        >
          {props.endpointConfigured === false
            ? t('reportNoEndpoint')
            : props.endpointConfigured
              ? t('reportEndpointSet')
              : ''}
        </p>
        <label className="zy-field" htmlFor={ids.category}>
          <span>{t('reportCategory')}</span>
        </label>
        <select
          id={ids.category}
          value={category}
          onChange={(event) => setCategory(event.target.value as ReportCategory)}
        >
          {categoryOptions(language).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <label className="zy-field" htmlFor={ids.description}>
          <span>{t('reportDescription')}</span>
        </label>
        <textarea
          id={ids.description}
          rows={5}
          value={description}
          aria-describedby={`${ids.hint} ${ids.preview}`}
          aria-invalid={tooLong || undefined}
          onChange={(event) => setDescription(event.target.value)}
        />
        <p id={ids.hint} className="zy-muted zy-small">
          {t('reportDescriptionHint')} ({description.length}/{REPORT_LIMITS.descriptionChars})
        </p>
        <div id={ids.preview} data-testid="scrub-preview" aria-live="polite">
          {scrub.total > 0 ? (
            <>
              <p className="zy-note zy-note-warn">
                {t('reportScrubPreview', {
                  n: scrub.total,
                  kinds: scrubKindsText(scrub.counts, language),
                })}
              </p>
              <blockquote className="zy-preview">{scrub.text}</blockquote>
            </>
          ) : description.trim() ? (
            <p className="zy-muted zy-small">{t('reportScrubNone')}</p>
          ) : null}
        </div>
      </div>
      <div className="zy-section" data-testid="report-screenshot">
        {shot ? (
          <figure className="zy-shot">
            <img src={shot.dataUrl} alt={t('reportShotAlt')} />
            <figcaption className="zy-muted zy-small">
              {t('reportShotMasked', { n: shot.masked })}
            </figcaption>
            <button type="button" onClick={() => setShot(null)}>
              {t('reportShotDrop')}
            </button>
          </figure>
        ) : (
          <button
            type="button"
            onClick={() => void takeScreenshot()}
            disabled={capturing || props.tabId === null}
          >
            {capturing ? t('reportShotTaking') : t('reportShotTake')}
          </button>
        )}
        {shotNote && (
          <p role="alert" className="zy-error">
            {shotNote}
          </p>
        )}
      </div>
      <details className="zy-section" open>
        <summary>{t('reportContextTitle')}</summary>
        <ul className="zy-bullets">
          <li>{t('reportContextPage')}</li>
          <li>{t('reportContextBrowser')}</li>
          <li>{t('reportContextTour')}</li>
          <li>{t('reportContextFailed')}</li>
        </ul>
      </details>
      <div className="zy-section">
        {error && (
          <p role="alert" className="zy-error">
            {describeError(language, error)}
          </p>
        )}
        <button type="submit" className="zy-primary" aria-disabled={busy}>
          {busy ? t('reportSubmitting') : t('reportSubmit')}
        </button>
        <p role="status" className="zy-ok" data-testid="report-done">
          {done ?? ''}
        </p>
      </div>
    </form>
  );
}

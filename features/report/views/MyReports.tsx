import { useCallback, useEffect, useState } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { sendMessage } from '../../../app/protocol';
import { formatTime } from '../../progress/views/activity-text';
import type { Language } from '../../../lib/settings/preferences';
import { downloadTextFile } from '../../../components/download';
import { categoryOptions, statusLabelEn } from './report-text';
import type { ReportListItem } from '../protocol';
import { describeError } from '../../../lib/i18n/describe-error';
import { describePackRefusal } from '../../packs/refusal-text';

export interface MyReportsProps {
  language: Language;
  /** Bumped by the parent after a submit, to reload the list. */
  revision: number;
}

const LIST_LIMIT = 50;

/** 我的报告: each report with its delivery status and what can be done with it. */
export function MyReports({ language, revision }: MyReportsProps) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const [items, setItems] = useState<ReportListItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const labels = new Map(categoryOptions(language).map((option) => [option.id, option.label]));

  const run = useCallback(async (action: () => Promise<ReportListItem[] | void>) => {
    try {
      const next = await action();
      setItems(next ?? (await sendMessage('page:listReports', { limit: LIST_LIMIT })));
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }, []);

  useEffect(() => {
    void sendMessage('page:listReports', { limit: LIST_LIMIT }).then(setItems, (cause: unknown) =>
      setError(String(cause)),
    );
  }, [revision]);

  // Delivery happens in the background: while something is on its way, look again now and then.
  const pending = items?.some((item) => item.status === 'queued' || item.status === 'sending');
  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(
      () => void run(() => sendMessage('page:listReports', { limit: LIST_LIMIT })),
      2000,
    );
    return () => window.clearInterval(timer);
  }, [pending, run]);

  const exportReports = (ids?: string[]) =>
    run(async () => {
      const file = await sendMessage('page:exportReports', ids ? { ids } : {});
      downloadTextFile(file.filename, file.mimeType, file.text);
      setMessage(t('myReportsExported', { n: file.count, file: file.filename }));
    });

  if (items === null)
    return (
      <div className="zy-section">
        {error && <p role="alert">{describeError(language, error)}</p>}
      </div>
    );

  return (
    <section className="zy-section" aria-labelledby="zy-my-reports">
      <div className="zy-row zy-spread">
        <h2 id="zy-my-reports">{t('tabMyReports')}</h2>
        <span className="zy-row">
          <button
            type="button"
            onClick={() => void run(() => sendMessage('page:listReports', { limit: LIST_LIMIT }))}
          >
            {t('myReportsRefresh')}
          </button>
          <button type="button" disabled={items.length === 0} onClick={() => void exportReports()}>
            {t('myReportsExportAll')}
          </button>
        </span>
      </div>
      {error && (
        <p role="alert" className="zy-error">
          {describeError(language, error)}
        </p>
      )}
      <p role="status" className="zy-muted zy-small">
        {message ?? ''}
      </p>
      {items.length === 0 ? (
        <p className="zy-muted">{t('myReportsEmpty')}</p>
      ) : (
        <ul className="zy-reports" data-testid="my-reports">
          {items.map((item) => {
            const label = language === 'en' ? statusLabelEn(item.status) : item.statusText.label;
            // A refused content pack, reported automatically: which pack and why, not the
            // administrator-facing description.
            const refusal = item.packRefusal
              ? describePackRefusal(language === 'en' ? 'en' : 'zh_CN', item.packRefusal)
              : null;
            const title = refusal?.title ?? labels.get(item.category) ?? item.categoryLabel;
            const name = `${title} ${formatTime(item.createdAt, language)}`;
            return (
              <li
                key={item.id}
                data-report-id={item.id}
                data-status={item.status}
                {...(item.packRefusal ? { 'data-pack-refusal': item.packRefusal.reason } : {})}
              >
                <div className="zy-row zy-spread">
                  <strong>{title}</strong>
                  <span className={`zy-status zy-status-${item.status}`}>{label}</span>
                </div>
                <div className="zy-report-preview">{refusal?.line ?? item.preview}</div>
                {refusal && (
                  <div className="zy-muted zy-small zy-report-preview">{refusal.source}</div>
                )}
                <div className="zy-muted zy-small">
                  {formatTime(item.createdAt, language)}
                  {item.attempts > 0 ? ` · ${t('myReportsAttempts', { n: item.attempts })}` : ''}
                </div>
                {item.statusText.detail && (
                  <div className="zy-small zy-status-detail" data-testid="report-detail">
                    {item.statusText.detail}
                  </div>
                )}
                <div className="zy-row zy-actions">
                  {item.statusText.canRetry && (
                    <button
                      type="button"
                      className="zy-primary"
                      aria-label={`${item.status === 'local' ? t('myReportsSend') : t('myReportsRetry')}：${name}`}
                      onClick={() =>
                        void run(() => sendMessage('page:retryReports', { ids: [item.id] }))
                      }
                    >
                      {item.status === 'local' ? t('myReportsSend') : t('myReportsRetry')}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={`${t('myReportsExport')}：${name}`}
                    onClick={() => void exportReports([item.id])}
                  >
                    {t('myReportsExport')}
                  </button>
                  {confirming === item.id ? (
                    <button
                      type="button"
                      className="zy-danger"
                      aria-label={`${t('myReportsConfirmDelete')}：${name}`}
                      onClick={() =>
                        void run(async () => {
                          setConfirming(null);
                          await sendMessage('page:deleteReports', { ids: [item.id] });
                          setMessage(t('myReportsDeleted'));
                        })
                      }
                    >
                      {t('myReportsConfirmDelete')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      aria-label={`${t('myReportsDelete')}：${name}`}
                      onClick={() => setConfirming(item.id)}
                    >
                      {t('myReportsDelete')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { database } from '../../lib/db/database';
import { translate, type MessageKey } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/protocol';
import { progressCsv, progressFileNames } from '../../lib/progress/csv';
import type { ProgressFile } from '../../lib/progress/format';
import {
  exportProgress,
  importProgress,
  parseProgressFile,
  progressJson,
} from '../../lib/progress/io';
import type { Language } from '../../lib/settings/preferences';

/** Dispatched on window after a restore, so views showing progress can reload it. */
export const PROGRESS_IMPORTED_EVENT = 'zhiyin:progress-imported';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 备份与导出 on the dashboard: all progress as JSON (backup, restore) or as one CSV sheet for
 * Excel; restore from a JSON file after showing what it holds and asking to confirm. A file that
 * is not a valid progress file is refused with the reason, and nothing changes.
 */
export function ExportImport({ language }: { language: Language }) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const inputId = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<ProgressFile | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await task();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (kind: 'json' | 'csv') =>
    run(async () => {
      const now = Date.now();
      const file = await exportProgress(database(), {
        now,
        extensionVersion: browser.runtime.getManifest().version,
      });
      const names = progressFileNames(now);
      if (kind === 'json') {
        download(names.json, progressJson(file), 'application/json');
        setStatus(t('progressExported', { file: names.json }));
        return;
      }
      const tours = await sendMessage('page:listTours', { tabId: null }).catch(() => []);
      const titles = new Map(tours.map((tour) => [tour.id, tour.title]));
      download(names.csv, progressCsv(file, { titles: (id) => titles.get(id) }), 'text/csv');
      setStatus(t('progressExported', { file: names.csv }));
    });

  const choose = (input: HTMLInputElement) =>
    run(async () => {
      const chosen = input.files?.[0];
      input.value = '';
      setPending(null);
      if (!chosen) return;
      const parsed = parseProgressFile(await chosen.text());
      if (!parsed.ok) {
        setError(`「${chosen.name}」${parsed.message}`);
        return;
      }
      setPending(parsed.file);
    });

  const restore = (file: ProgressFile) =>
    run(async () => {
      const summary = await importProgress(database(), file);
      setPending(null);
      setStatus(t('progressImported', { events: summary.tourEvents, tours: summary.tourProgress }));
      window.dispatchEvent(new CustomEvent(PROGRESS_IMPORTED_EVENT));
    });

  const counts = pending?.tables;
  return (
    <section className="zy-section" aria-labelledby="zy-progress-io" data-testid="progress-io">
      <h2 id="zy-progress-io">{t('progressTitle')}</h2>
      <p className="zy-muted">{t('progressIntro')}</p>
      <div className="zy-row">
        <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
          {t('progressExportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('progressExportCsv')}
        </button>
      </div>
      <p>
        <label htmlFor={inputId}>{t('progressImport')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => void choose(event.currentTarget)}
        />
      </p>
      {pending && counts && (
        <div className="zy-note" role="group" aria-label={t('progressImport')}>
          <p data-testid="progress-import-summary">
            {t('progressImportFound', {
              at: new Date(pending.exportedAt).toLocaleString(
                language === 'en' ? 'en-GB' : 'zh-CN',
                {
                  hour12: false,
                },
              ),
              tours: counts.tourProgress.length,
              events: counts.tourEvents.length,
              assessments: counts.assessments.length,
              quizzes: counts.quizResults.length,
              surveys: counts.surveyAnswers.length,
              acks: counts.tipAcknowledgements.length,
            })}
          </p>
          <p className="zy-note-warn">{t('progressImportWarn')}</p>
          <div className="zy-row">
            <button
              type="button"
              className="zy-primary"
              disabled={busy}
              onClick={() => void restore(pending)}
            >
              {t('progressImportConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPending(null)}>
              {t('progressImportCancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="zy-error" data-testid="progress-error">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="zy-muted" data-testid="progress-status">
        {status}
      </p>
    </section>
  );
}

import { useCallback, useEffect, useId, useState } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import { sendMessage } from '../../../app/protocol';
import type { ProgressFile } from '../format';
import type { RowTable } from '../integrity';
import { parseProgressFile, type ImportPlan, type TableCounts } from '../io';
import type { ProgressBackupListing } from '../protocol';
import type { Language } from '../../../lib/settings/preferences';
import { ActionOutcome } from '../../../components/ActionOutcome';

/** Dispatched on window after an import, a clear or a backup restore, so views can reload. */
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

const COUNT_KEYS: Record<RowTable, MessageKey> = {
  tourProgress: 'progressCountTourProgress',
  tourEvents: 'progressCountTourEvents',
  assessments: 'progressCountAssessments',
  quizResults: 'progressCountQuizResults',
  surveyAnswers: 'progressCountSurveyAnswers',
  tipAcknowledgements: 'progressCountTipAcknowledgements',
};

const FIELD_KEYS: Record<string, MessageKey> = {
  role: 'progressFieldRole',
  name: 'progressFieldName',
  staffId: 'progressFieldStaffId',
  learnerId: 'progressFieldLearnerId',
};

const sum = (counts: TableCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

interface PendingImport {
  file: ProgressFile;
  fileName: string;
  plan: ImportPlan;
}

/**
 * 备份与导出 on the dashboard: all progress as JSON (backup, import elsewhere) or as one CSV sheet
 * for Excel. Import is a merge (features/progress/io.ts importProgress): it shows what it will add,
 * keep and refuse, then adds only what is not here, marked imported. The one destructive action,
 * 清空本机学习进度, says exactly what it deletes, asks, and keeps an automatic backup that can be
 * restored here.
 */
export function ExportImport({ language }: { language: Language }) {
  const t = inLanguage(translate, language);
  const inputId = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [clearing, setClearing] = useState<TableCounts | null>(null);
  const [backups, setBackups] = useState<ProgressBackupListing[]>([]);
  const [busy, setBusy] = useState(false);

  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  const when = (at: number) => new Date(at).toLocaleString(locale, { hour12: false });
  const detail = (counts: TableCounts) => {
    const parts = (Object.keys(COUNT_KEYS) as RowTable[])
      .filter((table) => counts[table] > 0)
      .map((table) => t(COUNT_KEYS[table], { n: counts[table] }));
    return parts.length === 0 ? t('progressNothing') : parts.join(language === 'en' ? ', ' : '、');
  };

  const loadBackups = useCallback(() => {
    void sendMessage('page:listProgressBackups').then(setBackups);
  }, []);
  useEffect(loadBackups, [loadBackups]);

  const changed = () => {
    window.dispatchEvent(new CustomEvent(PROGRESS_IMPORTED_EVENT));
    loadBackups();
  };

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
      // The background reads the tables and writes the file; only the chosen format comes back.
      const { fileName, text } = await sendMessage('page:exportProgress', { format: kind });
      download(fileName, text, kind === 'json' ? 'application/json' : 'text/csv');
      setStatus(t('progressExported', { file: fileName }));
    });

  const choose = (input: HTMLInputElement) =>
    run(async () => {
      const chosen = input.files?.[0];
      input.value = '';
      setPending(null);
      setClearing(null);
      if (!chosen) return;
      const parsed = parseProgressFile(await chosen.text());
      if (!parsed.ok) {
        setError(`「${chosen.name}」${parsed.message}`);
        return;
      }
      const plan = await sendMessage('page:planProgressImport', {
        file: parsed.file,
        fileName: chosen.name,
      });
      setPending({ file: parsed.file, fileName: chosen.name, plan });
    });

  const confirmImport = ({ file, fileName }: PendingImport) =>
    run(async () => {
      const summary = await sendMessage('page:importProgress', { file, fileName });
      setPending(null);
      setStatus(
        t('progressImported', {
          added: sum(summary.added),
          existing: sum(summary.existing),
          refused: summary.refused.length,
        }),
      );
      changed();
    });

  const askClear = () =>
    run(async () => {
      setPending(null);
      setClearing(await sendMessage('page:progressCounts'));
    });

  const confirmClear = () =>
    run(async () => {
      const result = await sendMessage('page:clearProgress');
      setClearing(null);
      setStatus(t('progressCleared', { detail: detail(result.deleted) }));
      changed();
    });

  const restore = (id: number) =>
    run(async () => {
      const summary = await sendMessage('page:restoreProgressBackup', { id });
      setStatus(
        t('progressBackupRestored', {
          added: sum(summary.added),
          existing: sum(summary.existing),
        }),
      );
      changed();
    });

  const counts = pending?.file.tables;
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
              at: new Date(pending.file.exportedAt).toLocaleString(locale, { hour12: false }),
              tours: counts.tourProgress.length,
              events: counts.tourEvents.length,
              assessments: counts.assessments.length,
              quizzes: counts.quizResults.length,
              surveys: counts.surveyAnswers.length,
              acks: counts.tipAcknowledgements.length,
            })}
          </p>
          <p data-testid="progress-import-plan">
            <strong>
              {t('progressImportPlan', {
                added: sum(pending.plan.added),
                existing: sum(pending.plan.existing),
              })}
            </strong>{' '}
            {sum(pending.plan.added) > 0 && `（${detail(pending.plan.added)}）`}
          </p>
          {pending.plan.profileFields.length > 0 && (
            <p>
              {t('progressImportProfile', {
                fields: pending.plan.profileFields
                  .map((field) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field))
                  .join(language === 'en' ? ', ' : '、'),
              })}
            </p>
          )}
          {pending.plan.refused.length > 0 && (
            <div data-testid="progress-import-refused">
              <p className="zy-error">
                {t('progressImportRefused', { n: pending.plan.refused.length })}
              </p>
              <ul>
                {pending.plan.refused.map((row) => (
                  <li key={`${row.table}:${row.index}`}>{row.message}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="zy-note-warn">{t('progressImportWarn')}</p>
          <div className="zy-row">
            <button
              type="button"
              className="zy-primary"
              disabled={busy}
              onClick={() => void confirmImport(pending)}
            >
              {t('progressImportConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPending(null)}>
              {t('progressImportCancel')}
            </button>
          </div>
        </div>
      )}
      <div className="zy-row">
        <button type="button" disabled={busy} onClick={() => void askClear()}>
          {t('progressClear')}
        </button>
      </div>
      {clearing && (
        <div className="zy-note" role="group" aria-label={t('progressClear')}>
          <p className="zy-note-warn" data-testid="progress-clear-ask">
            {t('progressClearAsk', { detail: detail(clearing) })}
          </p>
          <div className="zy-row">
            <button
              type="button"
              className="zy-primary"
              disabled={busy}
              onClick={() => void confirmClear()}
            >
              {t('progressClearConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setClearing(null)}>
              {t('progressImportCancel')}
            </button>
          </div>
        </div>
      )}
      {backups.length > 0 && (
        <div data-testid="progress-backups">
          <h3 className="zy-subtitle">{t('progressBackups')}</h3>
          <ul className="zy-list">
            {backups.map((backup) => (
              <li key={backup.id}>
                <span>
                  {t('progressBackupItem', { at: when(backup.at), detail: detail(backup.counts) })}
                </span>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('progressBackupRestoreLabel', { at: when(backup.at) })}
                  onClick={() => void restore(backup.id)}
                >
                  {t('progressBackupRestore')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ActionOutcome
        language={language}
        error={error}
        status={status}
        errorTestId="progress-error"
        statusTestId="progress-status"
      />
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '../../../app/protocol';
import { translate } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import { searchMissesCsv, type SearchMissSummary } from '../misses';
import { formatTime } from '../../progress/views/activity-text';
import type { Language } from '../../../lib/settings/preferences';
import { downloadTextFile } from '../../../components/download';

/** 未找到结果的搜索: what learners searched for in the popup without a result (for trainers). */
export function SearchMisses({ language }: { language: Language }) {
  const t = inLanguage(translate, language);
  const [rows, setRows] = useState<SearchMissSummary[] | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(() => sendMessage('page:listSearchMisses').then(setRows), []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="zy-section" aria-labelledby="zy-misses">
      <h2 id="zy-misses">{t('missesTitle')}</h2>
      <p className="zy-muted">{t('missesIntro')}</p>
      {rows === null ? null : rows.length === 0 ? (
        <p className="zy-muted">{t('missesEmpty')}</p>
      ) : (
        <table data-testid="search-misses">
          <thead>
            <tr>
              <th scope="col">{t('missesQuery')}</th>
              <th scope="col">{t('missesCount')}</th>
              <th scope="col">{t('missesLast')}</th>
              <th scope="col">{t('missesPage')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.query}>
                <td>{row.query}</td>
                <td>{row.count}</td>
                <td>{formatTime(row.lastAt, language)}</td>
                <td className="zy-muted">{row.pages[0] ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="zy-row" style={{ marginTop: 8 }}>
        <button
          type="button"
          disabled={!rows?.length}
          onClick={() => {
            if (!rows) return;
            const stamp = new Date().toISOString().slice(0, 10);
            downloadTextFile(
              `zhiyin-search-misses-${stamp}.csv`,
              'text/csv',
              searchMissesCsv(rows),
            );
          }}
        >
          {t('missesExport')}
        </button>
        <button
          type="button"
          disabled={!rows?.length}
          onClick={() =>
            void sendMessage('page:clearSearchMisses')
              .then(load)
              .then(() => setMessage(t('missesCleared')))
          }
        >
          {t('missesClear')}
        </button>
        <span role="status" className="zy-muted">
          {message}
        </span>
      </div>
    </section>
  );
}

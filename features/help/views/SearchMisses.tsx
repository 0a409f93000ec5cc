import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '../../../app/protocol';
import { translate } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import { searchMissesCsv, type SearchMissSummary } from '../misses';
import { formatTime } from '../../progress/views/activity-text';
import type { Language } from '../../../lib/settings/preferences';
import { downloadTextFile } from '../../../components/download';
import { RecordTable } from '../../../components/Records';

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
      <RecordTable
        rows={rows}
        empty={t('missesEmpty')}
        testId="search-misses"
        columns={[t('missesQuery'), t('missesCount'), t('missesLast'), t('missesPage')]}
      >
        {(row) => (
          <tr key={row.query}>
            <td>{row.query}</td>
            <td>{row.count}</td>
            <td>{formatTime(row.lastAt, language)}</td>
            <td className="zy-muted">{row.pages[0] ?? '—'}</td>
          </tr>
        )}
      </RecordTable>
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

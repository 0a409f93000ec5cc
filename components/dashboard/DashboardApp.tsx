import { useEffect, useMemo, useState } from 'react';
import { database, type ActivityRecord, type ProfileRecord } from '../../lib/db/database';
import { roleName, translate, type MessageKey } from '../../lib/i18n/messages';
import { describeActivity, formatTime, pagePath } from '../../lib/pages/activity-text';
import { usePreferences } from '../../lib/pages/use-preferences';
import { ExportImport } from '../progress/ExportImport';

/** How many activity rows the table shows; the counts above it cover everything. */
const TABLE_ROWS = 200;

export function DashboardApp() {
  const prefs = usePreferences();
  const t = (key: MessageKey) => translate(prefs.language, key);
  const [profile, setProfile] = useState<ProfileRecord | null>(null);
  const [activity, setActivity] = useState<ActivityRecord[]>([]);
  const [topPages, setTopPages] = useState<{ path: string; title: string; visits: number }[]>([]);

  useEffect(() => {
    // Extension pages read the database directly (same origin as the background).
    const db = database();
    void db.profile.get('me').then((row) => setProfile(row ?? null));
    void db.activity.orderBy('at').reverse().limit(TABLE_ROWS).toArray().then(setActivity);
    void (async () => {
      const counts = new Map<string, { path: string; title: string; visits: number }>();
      await db.activity
        .where('type')
        .equals('page-visited')
        .each((record) => {
          const path = pagePath(record.url);
          const entry = counts.get(path) ?? { path, title: record.title ?? '', visits: 0 };
          entry.visits += 1;
          counts.set(path, entry);
        });
      setTopPages([...counts.values()].sort((a, b) => b.visits - a.visits).slice(0, 10));
    })();
  }, []);

  const role = useMemo(
    () => (profile?.role ? roleName(prefs.language, profile.role) : t('popupRoleNone')),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [profile, prefs.language],
  );

  return (
    <main style={{ maxWidth: 960, margin: '0 auto' }}>
      <header className="zy-header">
        <span className="zy-mark" aria-hidden="true">
          指
        </span>
        <h1>{t('dashboardTitle')}</h1>
      </header>

      <section className="zy-section">
        <h2>{t('dashboardProfile')}</h2>
        <p>
          {t('popupRole')}：<strong data-testid="dashboard-role">{role}</strong>
        </p>
        {/* Quizzes area: the written test per module. */}
        <p>
          <a href="/quiz.html">{t('popupOpenQuiz')}</a>
        </p>
      </section>

      <section className="zy-section">
        <h2>{t('dashboardPages')}</h2>
        {topPages.length === 0 ? (
          <p className="zy-muted">{t('popupRecentEmpty')}</p>
        ) : (
          <ul className="zy-list">
            {topPages.map((page) => (
              <li key={page.path}>
                <span>
                  {page.title || page.path} <span className="zy-muted">{page.path}</span>
                </span>
                <span className="zy-time">
                  {page.visits} {t('dashboardVisits')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="zy-section">
        <h2>{t('dashboardActivity')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboardWhen')}</th>
              <th scope="col">{t('dashboardWhat')}</th>
              <th scope="col">{t('dashboardWhere')}</th>
            </tr>
          </thead>
          <tbody>
            {activity.map((record) => (
              <tr key={record.id}>
                <td className="zy-time">{formatTime(record.at, prefs.language)}</td>
                <td>{describeActivity(prefs.language, record)}</td>
                <td className="zy-muted">{pagePath(record.url)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ExportImport language={prefs.language} />
    </main>
  );
}

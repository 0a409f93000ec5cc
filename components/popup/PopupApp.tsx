import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ActivityRecord } from '../../lib/db/database';
import { roleName, translate, type MessageKey } from '../../lib/i18n/messages';
import {
  sendMessage,
  type ProfileView,
  type TabStatus,
  type TourListing,
} from '../../lib/messaging/protocol';
import { describeActivity, formatTime } from '../../lib/pages/activity-text';
import { usePreferences } from '../../lib/pages/use-preferences';
import { ROLES, isRole } from '../../lib/profile/roles';

/**
 * The tab the popup is about: `?tabId=` when given (tests and the dashboard open the popup page
 * for a specific tab), otherwise the active tab of the current window.
 */
async function resolveTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function PopupApp() {
  const prefs = usePreferences();
  const t = (key: MessageKey) => translate(prefs.language, key);
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [activity, setActivity] = useState<ActivityRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tours, setTours] = useState<TourListing[]>([]);
  const [tourMessage, setTourMessage] = useState<string | null>(null);

  const refresh = useCallback(async (id: number | null) => {
    try {
      const [nextProfile, nextActivity, nextStatus, nextTours] = await Promise.all([
        sendMessage('page:getProfile'),
        sendMessage('page:listActivity', id === null ? { limit: 8 } : { tabId: id, limit: 8 }),
        id === null ? Promise.resolve(null) : sendMessage('page:getTabStatus', { tabId: id }),
        sendMessage('page:listTours', { tabId: id }),
      ]);
      setProfile(nextProfile);
      setTours(nextTours);
      setActivity(nextActivity);
      setStatus(nextStatus);
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }, []);

  useEffect(() => {
    void resolveTabId().then((id) => {
      setTabId(id);
      return refresh(id);
    });
  }, [refresh]);

  const changeRole = async (value: string) => {
    if (!isRole(value)) return;
    setProfile(await sendMessage('page:setRole', { role: value }));
    await refresh(tabId);
  };

  const startTour = async (tourId: string) => {
    if (tabId === null) return;
    const result = await sendMessage('page:startTour', { tabId, tourId });
    if (result.started) window.close();
    else setTourMessage(result.reason ?? null);
  };
  const hereTours = tours.filter((tour) => tour.appliesHere);

  return (
    <main style={{ width: prefs.largeText ? 460 : 380 }}>
      <header className="zy-header">
        <span className="zy-mark" aria-hidden="true">
          指
        </span>
        <h1>{t('brandLong')}</h1>
      </header>

      {error && (
        <p role="alert" className="zy-section" style={{ color: '#c4320a' }}>
          {error}
        </p>
      )}

      <section className="zy-section" aria-labelledby="zy-page">
        <h2 id="zy-page">{t('popupThisPage')}</h2>
        {status?.active ? (
          <div data-testid="tab-status">
            <span className="zy-badge zy-badge-ok">{t('popupActiveHere')}</span>
            <div>{status.title}</div>
          </div>
        ) : (
          <div data-testid="tab-status">
            <span className="zy-badge zy-badge-off">{t('popupNotActive')}</span>
          </div>
        )}
      </section>

      <section className="zy-section" aria-labelledby="zy-tours">
        <h2 id="zy-tours">{t('popupToursHere')}</h2>
        {tourMessage && (
          <p role="alert" className="zy-muted">
            {tourMessage}
          </p>
        )}
        {hereTours.length === 0 ? (
          <p className="zy-muted">{t('popupNoToursHere')}</p>
        ) : (
          <ul className="zy-list" data-testid="tours-here">
            {hereTours.map((tour) => (
              <li key={tour.id}>
                <span>
                  <strong>{tour.title}</strong>
                  <span className="zy-muted">
                    {' '}
                    · {tour.module} · {tour.stepCount} {t('popupSteps')}
                    {tour.status === 'completed' ? ` · ${t('popupCompleted')}` : ''}
                  </span>
                </span>
                <button
                  type="button"
                  className="zy-primary"
                  aria-label={`${t('popupStartTour')}：${tour.title}`}
                  onClick={() => void startTour(tour.id)}
                  disabled={!status?.active}
                >
                  {t('popupStartTour')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="zy-section" aria-labelledby="zy-role">
        <h2 id="zy-role">{t('popupRole')}</h2>
        <div className="zy-row">
          <strong data-testid="current-role">
            {profile?.role ? roleName(prefs.language, profile.role) : t('popupRoleNone')}
          </strong>
          <label className="zy-row">
            <span className="zy-muted">{t('popupChangeRole')}</span>
            <select
              value={profile?.role ?? ''}
              onChange={(event) => void changeRole(event.target.value)}
            >
              <option value="" disabled>
                —
              </option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleName(prefs.language, role)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>

      <section className="zy-section" aria-labelledby="zy-recent">
        <h2 id="zy-recent">{t('popupRecent')}</h2>
        {activity.length === 0 ? (
          <p className="zy-muted">{t('popupRecentEmpty')}</p>
        ) : (
          <ul className="zy-list" data-testid="recent-activity">
            {activity.map((record) => (
              <li key={record.id}>
                <span>{describeActivity(prefs.language, record)}</span>
                <span className="zy-time">{formatTime(record.at, prefs.language)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav className="zy-links">
        <a href="/dashboard.html" target="_blank" rel="noreferrer">
          {t('popupOpenDashboard')}
        </a>
        <a href="/options.html" target="_blank" rel="noreferrer">
          {t('popupOpenOptions')}
        </a>
      </nav>
    </main>
  );
}

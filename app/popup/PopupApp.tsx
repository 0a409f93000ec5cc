import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import type { ActivityRecord } from '../../features/progress/records';
import { roleName, translate, type MessageKey } from '../../lib/i18n/messages';
import { keyboardHelpText } from './keyboard-help';
import { sendMessage, type TabStatus } from '../protocol';
import { describeActivity, formatTime } from '../../features/progress/views/activity-text';
import { usePreferences } from '../../components/use-preferences';
import { ROLES, isRole } from '../../features/profile/roles';
import { HelpSearch } from '../../features/help/views/HelpSearch';
import { Checklist } from '../../features/checklist/views/Checklist';
import { useHelpIndex } from '../../features/help/views/use-help-index';
import { MyReports } from '../../features/report/views/MyReports';
import { ReportForm } from '../../features/report/views/ReportForm';
import './popup.css';
import type { ProfileView } from '../../features/profile/protocol';
import type { TourListing } from '../../features/tour/protocol';
import { watchPolicyView } from '../policy/client';
import { isTransportError, retryTransport } from '../../lib/messaging/transport-error';
import { PageHeader } from '../../components/PageHeader';
import { RecordList } from '../../components/Records';

/** The error state "the background is not answering" (shown in the learner's language). */
const UNAVAILABLE = 'zhiyin:background-unavailable';

type PopupTab = 'help' | 'report' | 'reports';
const TABS: readonly PopupTab[] = ['help', 'report', 'reports'];
const TAB_LABEL: Record<PopupTab, MessageKey> = {
  help: 'tabHelp',
  report: 'tabReport',
  reports: 'tabMyReports',
};

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
  const [tab, setTab] = useState<PopupTab>('help');
  /** The tab's full address (the content script's, else the browser's), for page matching. */
  const [pageUrl, setPageUrl] = useState<string | null>(null);
  const [endpointConfigured, setEndpointConfigured] = useState<boolean | null>(null);
  const [reportsRevision, setReportsRevision] = useState(0);
  const help = useHelpIndex(prefs.language);

  const refresh = useCallback(async (id: number | null) => {
    try {
      const [nextProfile, nextActivity, nextStatus, nextTours] = await retryTransport(() =>
        Promise.all([
          sendMessage('page:getProfile'),
          sendMessage('page:listActivity', id === null ? { limit: 8 } : { tabId: id, limit: 8 }),
          id === null ? Promise.resolve(null) : sendMessage('page:getTabStatus', { tabId: id }),
          sendMessage('page:listTours', { tabId: id }),
        ]),
      );
      setProfile(nextProfile);
      setTours(nextTours);
      setActivity(nextActivity);
      setStatus(nextStatus);
      setPageUrl(
        nextStatus?.url ??
          (id === null ? null : ((await browser.tabs.get(id).catch(() => null))?.url ?? null)),
      );
      setError(null);
    } catch (cause) {
      setError(
        isTransportError(cause)
          ? UNAVAILABLE
          : cause instanceof Error
            ? cause.message
            : String(cause),
      );
    }
  }, []);

  useEffect(() => {
    const stop = watchPolicyView(
      (view) => {
        setEndpointConfigured(view.policy.reportEndpoint !== null);
        // The policy may set the learner's group: once the browser gave it, show that one.
        if (!view.managedPending)
          void sendMessage('page:getProfile').then(setProfile, () => undefined);
      },
      () => setEndpointConfigured(null),
    );
    void resolveTabId().then((id) => {
      setTabId(id);
      return refresh(id);
    });
    return stop;
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
  /** 以考核方式开始: the task tour as a practical assessment (no hints, scored). */
  const startExam = async (tourId: string) => {
    if (tabId === null) return;
    const result = await sendMessage('page:startExam', { tabId, tourId });
    if (result.started) window.close();
    else setTourMessage(result.reason ?? null);
  };
  /** A checklist item on another page of the same system: open it in the tab. */
  const goTo = async (url: string) => {
    if (tabId === null) return;
    await browser.tabs.update(tabId, { url });
    window.close();
  };

  const recordMiss = (query: string) => {
    void (async () => {
      // The page the learner searched from, even when the popup's first answers are still on
      // their way (a fresh profile waits for the managed policy): the tab knows its URL.
      const url =
        pageUrl ??
        (tabId === null ? null : ((await browser.tabs.get(tabId).catch(() => null))?.url ?? null));
      await sendMessage('page:recordSearchMiss', { query, pageUrl: url });
    })().catch(() => undefined);
  };

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'help';
    setTab(next);
    document.getElementById(`zy-tab-${next}`)?.focus();
  };

  return (
    <main className="zy-popup" style={{ width: prefs.largeText ? 460 : 380 }}>
      <PageHeader>
        <h1>{t('brandLong')}</h1>
      </PageHeader>

      {error && (
        <div role="alert" className="zy-section" style={{ color: '#c4320a' }}>
          <p>{error === UNAVAILABLE ? t('backgroundUnavailable') : error}</p>
          {error === UNAVAILABLE && (
            <button type="button" onClick={() => void refresh(tabId)}>
              {t('popupRetry')}
            </button>
          )}
        </div>
      )}

      <div role="tablist" aria-label={t('popupTabsLabel')} className="zy-tabs">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`zy-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`zy-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onKeyDown={onTabKey}
            onClick={() => setTab(name)}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </div>

      {tab === 'help' && (
        <div role="tabpanel" id="zy-panel-help" aria-labelledby="zy-tab-help">
          <HelpSearch
            content={help}
            language={prefs.language}
            currentUrl={pageUrl}
            canStart={status?.active === true}
            onStartTour={(tourId) => void startTour(tourId)}
            onMiss={recordMiss}
          >
            {profile?.role && (
              <Checklist
                language={prefs.language}
                role={profile.role}
                tours={tours}
                active={status?.active === true}
                pageUrl={pageUrl}
                onStart={(tourId) => void startTour(tourId)}
                onGo={(url) => void goTo(url)}
              />
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
              <RecordList rows={hereTours} empty={t('popupNoToursHere')} testId="tours-here">
                {(tour) => (
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
                    {tour.examable && (
                      <button
                        type="button"
                        aria-label={translate(prefs.language, 'examStartLabel', {
                          title: tour.title,
                        })}
                        onClick={() => void startExam(tour.id)}
                        disabled={!status?.active}
                      >
                        {t('examStart')}
                      </button>
                    )}
                  </li>
                )}
              </RecordList>
              <p className="zy-muted zy-small" data-testid="keyboard-help">
                {keyboardHelpText(prefs.language, 'popupKeyboardHelp')}
              </p>
            </section>

            <section className="zy-section" aria-labelledby="zy-role">
              <h2 id="zy-role">{t('popupRole')}</h2>
              <div className="zy-row">
                <strong data-testid="current-role">
                  {profile?.role ? roleName(prefs.language, profile.role) : t('popupRoleNone')}
                </strong>
                {profile?.setByPolicy ? (
                  <span className="zy-muted" data-testid="role-set-by-policy">
                    {t('popupRoleSetByPolicy')}
                  </span>
                ) : (
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
                )}
              </div>
            </section>

            <section className="zy-section" aria-labelledby="zy-recent">
              <h2 id="zy-recent">{t('popupRecent')}</h2>
              <RecordList rows={activity} empty={t('popupRecentEmpty')} testId="recent-activity">
                {(record) => (
                  <li key={record.id}>
                    <span>{describeActivity(prefs.language, record)}</span>
                    <span className="zy-time">{formatTime(record.at, prefs.language)}</span>
                  </li>
                )}
              </RecordList>
            </section>
          </HelpSearch>
          {tourMessage && (
            <p role="alert" className="zy-section zy-error">
              {tourMessage}
            </p>
          )}
        </div>
      )}

      {tab === 'report' && (
        <div role="tabpanel" id="zy-panel-report" aria-labelledby="zy-tab-report">
          <ReportForm
            language={prefs.language}
            tabId={tabId}
            endpointConfigured={endpointConfigured}
            onSubmitted={() => setReportsRevision((n) => n + 1)}
          />
        </div>
      )}

      {tab === 'reports' && (
        <div role="tabpanel" id="zy-panel-reports" aria-labelledby="zy-tab-reports">
          {endpointConfigured === false && (
            <p className="zy-section zy-note zy-note-warn">{t('reportNoEndpoint')}</p>
          )}
          <MyReports language={prefs.language} revision={reportsRevision} />
        </div>
      )}

      <nav className="zy-links">
        <a href="/dashboard.html" target="_blank" rel="noreferrer">
          {t('popupOpenDashboard')}
        </a>
        <a href="/quiz.html" target="_blank" rel="noreferrer">
          {t('popupOpenQuiz')}
        </a>
        <a href="/options.html" target="_blank" rel="noreferrer">
          {t('popupOpenOptions')}
        </a>
      </nav>
    </main>
  );
}

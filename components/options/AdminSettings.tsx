import { useEffect, useId, useState } from 'react';
import { translate, type MessageKey } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/protocol';
import type { PolicyView } from '../../lib/policy/policy';
import type { Language } from '../../lib/settings/preferences';

/**
 * 管理员设置: where problem reports go. Read-only with a note when the managed (enterprise)
 * policy sets it; problems (e.g. plain http to a non-local host) are shown as the background
 * reports them, and a broken value is never used.
 */
export function AdminSettings({ language }: { language: Language }) {
  const t = (key: MessageKey) => translate(language, key);
  const ids = { url: useId(), token: useId() };
  const [view, setView] = useState<PolicyView | null>(null);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = (next: PolicyView) => {
    setView(next);
    const endpoint = next.policy.reportEndpoint;
    if (endpoint) {
      setUrl(endpoint.url);
      setToken(endpoint.token);
    }
  };

  useEffect(() => {
    void sendMessage('page:getPolicy').then(show, (cause: unknown) => setError(String(cause)));
  }, []);

  const locked = view?.locked.includes('reportEndpoint') ?? false;
  const problems = view?.problems.filter((problem) => problem.startsWith('reportEndpoint')) ?? [];

  const save = async (input: { url: string; token: string } | null) => {
    setSaved(false);
    try {
      const next = await sendMessage('page:savePolicy', { reportEndpoint: input });
      show(next);
      if (input === null) {
        setUrl('');
        setToken('');
      }
      // A refused value is stored but not used: do not call that "saved".
      setSaved(!next.problems.some((problem) => problem.startsWith('reportEndpoint')));
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <section className="zy-section" aria-labelledby="zy-admin">
      <h2 id="zy-admin">{t('adminTitle')}</h2>
      <p className="zy-muted">{t('adminIntro')}</p>
      {locked && (
        <p className="zy-note" data-testid="admin-locked">
          {t('adminLocked')}
        </p>
      )}
      <form
        className="zy-admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ url: url.trim(), token: token.trim() });
        }}
      >
        <label htmlFor={ids.url}>{t('adminEndpointUrl')}</label>
        <input
          id={ids.url}
          type="url"
          value={url}
          readOnly={locked}
          placeholder="https://reports.example.gov.cn/zhiyin/reports"
          onChange={(event) => setUrl(event.target.value)}
        />
        <label htmlFor={ids.token}>{t('adminEndpointToken')}</label>
        <input
          id={ids.token}
          type="password"
          autoComplete="off"
          value={token}
          readOnly={locked}
          onChange={(event) => setToken(event.target.value)}
        />
        {!locked && (
          <div className="zy-row">
            <button type="submit" className="zy-primary" disabled={!url.trim() || !token.trim()}>
              {t('adminSave')}
            </button>
            <button type="button" onClick={() => void save(null)}>
              {t('adminClear')}
            </button>
          </div>
        )}
      </form>
      <p data-testid="admin-current">
        {t('adminCurrent')} <code>{view?.policy.reportEndpoint?.url ?? t('adminNone')}</code>
      </p>
      {problems.length > 0 && (
        <div role="alert" className="zy-note zy-note-warn" data-testid="admin-problems">
          {t('adminProblems')}
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem.replace(/^reportEndpoint: /, '')}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="zy-error">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="zy-muted">
        {saved ? t('adminSaved') : ''}
      </p>
    </section>
  );
}

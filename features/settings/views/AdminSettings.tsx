import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import { sendMessage } from '../../../app/protocol';
import {
  EMPTY_LRS_FORM,
  formFromLrs,
  lrsFromForm,
  type LrsForm,
  type LrsFormValue,
} from '../../xapi/views/lrs-form';
import type { PolicyView } from '../../../app/policy/policy';
import { watchPolicyView } from '../../../app/policy/client';
import type { Language } from '../../../lib/settings/preferences';
import type { ConnectionTest, XapiStatusView } from '../../xapi/protocol';
import { ActionOutcome } from '../../../components/ActionOutcome';

/**
 * 管理员设置: where problem reports go. Read-only with a note when the managed (enterprise)
 * policy sets it; problems (e.g. plain http to a non-local host) are shown as the background
 * reports them, and a broken value is never used.
 */
export function AdminSettings({ language }: { language: Language }) {
  const t = inLanguage(translate, language);
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

  // The stored values arrive after the page opens (a slow browser start can take seconds): they
  // fill the form only if the administrator has not started typing, never over what they typed.
  const typed = useRef(false);
  useEffect(
    () =>
      watchPolicyView(
        // What the organisation locks replaces what was typed: it is what is in force.
        (next) =>
          typed.current && !next.locked.includes('reportEndpoint') ? setView(next) : show(next),
        (cause: unknown) => setError(String(cause)),
      ),
    [],
  );

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
    <>
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
            onChange={(event) => {
              typed.current = true;
              setUrl(event.target.value);
            }}
          />
          <label htmlFor={ids.token}>{t('adminEndpointToken')}</label>
          <input
            id={ids.token}
            type="password"
            autoComplete="off"
            value={token}
            readOnly={locked}
            onChange={(event) => {
              typed.current = true;
              setToken(event.target.value);
            }}
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
        {view?.managedPending && (
          <p role="note" className="zy-note zy-note-warn" data-testid="admin-managed-pending">
            {t('adminManagedPending')}
          </p>
        )}
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
        <ActionOutcome language={language} error={error} status={saved ? t('adminSaved') : ''} />
      </section>
      <LrsSettings language={language} />
    </>
  );
}

/** Epoch ms as local date and time, or 暂无. */
function when(language: Language, at: number | null | undefined): string {
  if (at === null || at === undefined) return translate(language, 'lrsNever');
  return new Date(at).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

/**
 * 学习记录库（xAPI）: endpoint and Basic credentials (key/secret), read-only when the managed
 * policy sets them; 测试连接 tries the values in the form; the queue's state (pending, refused,
 * last error, last success) with 立即发送; statements the LRS refused, with its reasons, and
 * 重新发送被拒绝的记录 to put them back in line.
 */
export function LrsSettings({ language }: { language: Language }) {
  const t = inLanguage(translate, language);
  const ids = {
    endpoint: useId(),
    key: useId(),
    secret: useId(),
    homePage: useId(),
    sendName: useId(),
  };
  const [view, setView] = useState<PolicyView | null>(null);
  const [form, setForm] = useState<LrsForm>({ ...EMPTY_LRS_FORM });
  const [errors, setErrors] = useState<Partial<Record<keyof LrsForm, string>>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [test, setTest] = useState<ConnectionTest | 'testing' | null>(null);
  const [status, setStatus] = useState<XapiStatusView | null>(null);

  const show = (next: PolicyView) => {
    setView(next);
    setForm(formFromLrs(next.policy.lrs));
  };
  const refresh = () =>
    sendMessage('page:xapiStatus').then(setStatus, (cause: unknown) => setError(String(cause)));

  // As above: the loaded settings never overwrite what the administrator has started typing.
  const typed = useRef(false);
  useEffect(() => {
    const stop = watchPolicyView(
      (next) => (typed.current && !next.locked.includes('lrs') ? setView(next) : show(next)),
      (cause: unknown) => setError(String(cause)),
    );
    void refresh();
    // The queue changes as learning happens and deliveries run: keep the figures current.
    const timer = setInterval(() => void refresh(), 3000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, []);

  const locked = view?.locked.includes('lrs') ?? false;
  const problems = view?.problems.filter((problem) => problem.startsWith('lrs')) ?? [];
  const set = <K extends keyof LrsForm>(key: K, value: LrsForm[K]) => {
    typed.current = true;
    setForm((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  const save = async (clear: boolean) => {
    setMessage('');
    let value: LrsFormValue | null = null;
    if (!clear) {
      const checked = lrsFromForm(form);
      if (!checked.ok) {
        setErrors(checked.errors);
        return;
      }
      value = checked.value;
    }
    try {
      const next = await sendMessage('page:savePolicy', { lrs: value });
      show(next);
      setErrors({});
      setError(null);
      const refused = next.problems.some((problem) => problem.startsWith('lrs'));
      setMessage(clear ? t('lrsCleared') : refused ? '' : t('lrsSaved'));
      void refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const testConnection = async () => {
    const checked = lrsFromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setTest(null);
      return;
    }
    setTest('testing');
    try {
      const { endpoint, auth } = checked.value;
      setTest(await sendMessage('page:xapiTest', { endpoint, auth }));
    } catch (cause) {
      setTest({ ok: false, status: null, message: String(cause) });
    }
  };

  const flush = async () => {
    try {
      const next = await sendMessage('page:xapiFlush');
      setStatus(next);
      setMessage(t('lrsFlushed', { n: next.pending }));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const requeue = async () => {
    try {
      const next = await sendMessage('page:xapiRequeueRejected');
      setStatus(next.status);
      setError(null);
      setMessage(
        t('lrsRequeued', {
          n: next.requeued,
          pending: next.status.pending,
          rejected: next.status.rejected,
        }),
      );
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const field = (
    key: 'endpoint' | 'key' | 'secret' | 'homePage',
    label: MessageKey,
    props: InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <>
      <label htmlFor={ids[key]}>{t(label)}</label>
      <div className="zy-field">
        <input
          id={ids[key]}
          value={form[key]}
          readOnly={locked}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={errors[key] ? `${ids[key]}-error` : undefined}
          onChange={(event) => set(key, event.target.value)}
          {...props}
        />
        {errors[key] && (
          <span id={`${ids[key]}-error`} className="zy-error zy-field-error">
            {errors[key]}
          </span>
        )}
      </div>
    </>
  );

  return (
    <section className="zy-section" aria-labelledby="zy-lrs" data-testid="lrs-settings">
      <h2 id="zy-lrs">{t('lrsTitle')}</h2>
      <p className="zy-muted">{t('lrsIntro')}</p>
      {locked && (
        <p className="zy-note" data-testid="lrs-locked">
          {t('adminLocked')}
        </p>
      )}
      <form
        className="zy-admin-form"
        aria-labelledby="zy-lrs"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        {field('endpoint', 'lrsEndpoint', {
          type: 'url',
          placeholder: 'https://lrs.example.gov.cn/xAPI/',
        })}
        {field('key', 'lrsKey', { type: 'text', autoComplete: 'off' })}
        {field('secret', 'lrsSecret', { type: 'password', autoComplete: 'off' })}
        {field('homePage', 'lrsHomePage', {
          type: 'url',
          placeholder: 'https://www.example.gov.cn',
          title: t('lrsHomePageHint'),
        })}
        <span />
        <label className="zy-row" htmlFor={ids.sendName}>
          <input
            id={ids.sendName}
            type="checkbox"
            checked={form.sendDisplayName}
            disabled={locked}
            onChange={(event) => set('sendDisplayName', event.target.checked)}
          />
          {t('lrsSendName')}
        </label>
        <div className="zy-row">
          {!locked && (
            <>
              <button type="submit" className="zy-primary">
                {t('lrsSave')}
              </button>
              <button type="button" onClick={() => void save(true)}>
                {t('lrsClear')}
              </button>
            </>
          )}
          <button type="button" onClick={() => void testConnection()} disabled={test === 'testing'}>
            {t('lrsTest')}
          </button>
        </div>
      </form>
      <p className="zy-muted">{t('lrsHomePageHint')}</p>
      <p role="status" aria-live="polite" data-testid="lrs-test-result">
        {test === 'testing' ? (
          t('lrsTesting')
        ) : test ? (
          <span className={test.ok ? 'zy-ok' : 'zy-error'}>{test.message}</span>
        ) : (
          ''
        )}
      </p>
      <p data-testid="lrs-current">
        {t('lrsCurrent')} <code>{view?.policy.lrs?.endpoint ?? t('lrsNone')}</code>
      </p>
      {problems.length > 0 && (
        <div role="alert" className="zy-note zy-note-warn" data-testid="lrs-problems">
          {t('adminProblems')}
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem.replace(/^lrs: /, '')}</li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="zy-subheading">{t('lrsQueueTitle')}</h3>
      <dl className="zy-lrs-status" data-testid="lrs-status">
        <dt>{t('lrsPending')}</dt>
        <dd data-testid="lrs-pending">{status?.pending ?? '—'}</dd>
        <dt>{t('lrsRejected')}</dt>
        <dd data-testid="lrs-rejected">{status?.rejected ?? '—'}</dd>
        {status && status.rejected > 0 && status.rejectedReasons.length > 0 && (
          <>
            <dt>{t('lrsRejectedReasons')}</dt>
            <dd>
              <ul className="zy-lrs-reasons" data-testid="lrs-rejected-reasons">
                {status.rejectedReasons.map((reason) => (
                  <li key={`${reason.status} ${reason.message}`}>
                    {t('lrsRejectedReason', {
                      status: reason.status === null ? '' : `HTTP ${reason.status} `,
                      message: reason.message || '—',
                      n: reason.count,
                    })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {status && status.dropped > 0 && (
          <>
            <dt>{t('lrsDropped')}</dt>
            <dd>{status.dropped}</dd>
          </>
        )}
        <dt>{t('lrsLastSuccess')}</dt>
        <dd data-testid="lrs-last-success">{when(language, status?.lastSuccessAt)}</dd>
        <dt>{t('lrsLastError')}</dt>
        <dd data-testid="lrs-last-error">
          {status?.lastError
            ? `${when(language, status.lastError.at)} · ${describeLrsError(status.lastError)}`
            : t('lrsNever')}
        </dd>
        {status?.retryAt ? (
          <>
            <dt>{t('lrsNextRetry')}</dt>
            <dd>{when(language, status.retryAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="zy-row">
        <button type="button" onClick={() => void flush()} disabled={!status?.configured}>
          {t('lrsFlush')}
        </button>
        <button type="button" onClick={() => void refresh()}>
          {t('lrsRefresh')}
        </button>
        {status && status.rejected > 0 && (
          <button type="button" onClick={() => void requeue()}>
            {t('lrsRequeue')}
          </button>
        )}
      </div>
      <ActionOutcome
        language={language}
        error={error}
        status={message}
        statusTestId="lrs-message"
      />
    </section>
  );
}

function describeLrsError(error: NonNullable<XapiStatusView['lastError']>): string {
  const status = error.status === null ? '' : `HTTP ${error.status} `;
  const reasons: Record<string, string> = {
    network: '无法连接',
    timeout: '超时',
    auth: '凭据被拒绝',
    'not-found': '地址不对',
    'rate-limited': '请求过多',
    server: '服务器错误',
  };
  return `${status}${reasons[error.reason] ?? error.reason}${error.message ? `：${error.message.slice(0, 120)}` : ''}`;
}

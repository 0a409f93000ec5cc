import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { roleName, translate, type MessageKey } from '../../lib/i18n/messages';
import { sendMessage } from '../protocol';
import { watchPolicyView } from '../policy/client';
import { usePreferences } from '../../components/use-preferences';
import { ROLES, isRole } from '../../features/profile/roles';
import { updatePreferences, type Language, type Preferences } from '../../lib/settings/preferences';
import { AdminSettings } from '../../features/settings/views/AdminSettings';
import { AuthorMode } from '../../features/author/views/AuthorMode';
import { SearchMisses } from '../../features/help/views/SearchMisses';
import { PacksSection } from '../../features/packs/views/PacksSection';
import './options.css';
import type { ProfileView } from '../../features/profile/protocol';
import { PageHeader } from '../../components/PageHeader';

export function OptionsApp() {
  const stored = usePreferences();
  // Shown at once on change; storage confirms a moment later (a checkbox must not lag its click).
  const [changed, setChanged] = useState<Partial<Preferences>>({});
  const prefs = { ...stored, ...changed };
  const t = (key: MessageKey) => translate(prefs.language, key);
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [saved, setSaved] = useState(false);

  // The policy's training group (identity.role), when the organisation sets one.
  const [policyRole, setPolicyRole] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('page:getProfile').then(setProfile);
  }, []);
  useEffect(
    () =>
      watchPolicyView(
        (view) => {
          setPolicyRole(view.policy.identity?.role ?? null);
          // The policy may set the learner's group: the role shown follows it.
          void sendMessage('page:getProfile').then(setProfile, () => undefined);
        },
        () => undefined,
      ),
    [],
  );

  // 已保存 only once every change made so far is written (closing the page before loses it).
  const [writing, setWriting] = useState(0);
  const save = async (patch: Partial<Preferences>) => {
    setChanged((previous) => ({ ...previous, ...patch }));
    setWriting((count) => count + 1);
    try {
      await updatePreferences(patch);
      setSaved(true);
    } finally {
      setWriting((count) => count - 1);
    }
  };

  return (
    <main style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader>
        <h1>{t('optionsTitle')}</h1>
      </PageHeader>

      <section className="zy-section">
        <label className="zy-row">
          <strong>{t('popupRole')}</strong>
          <select
            value={profile?.role ?? ''}
            disabled={profile?.setByPolicy === true}
            aria-describedby={profile?.setByPolicy ? 'zy-role-policy' : undefined}
            onChange={async (event) => {
              if (!isRole(event.target.value)) return;
              setProfile(await sendMessage('page:setRole', { role: event.target.value }));
              setSaved(true);
            }}
          >
            <option value="" disabled>
              {t('popupRoleNone')}
            </option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleName(prefs.language, role)}
              </option>
            ))}
          </select>
        </label>
        {profile?.setByPolicy ? (
          <p className="zy-muted" id="zy-role-policy">
            {t('popupRoleSetByPolicy')}
          </p>
        ) : null}
      </section>

      {(policyRole ?? profile?.role) === '管理人员' ? (
        // 培训管理 for the 管理人员 group, who supervise their staff's training; the page is no
        // access control (reading needs an LRS key with read scope), and it stays reachable by
        // URL for an administrator of another group.
        <section className="zy-section">
          <a
            className="zy-row"
            href={browser.runtime.getURL('/org.html')}
            target="_blank"
            rel="noreferrer"
          >
            <strong>{t('optionsOrgLink')}</strong>
          </a>
          <p className="zy-muted">{t('optionsOrgHint')}</p>
        </section>
      ) : null}

      <section className="zy-section">
        <label className="zy-row">
          <strong>{t('optionsLanguage')}</strong>
          <select
            value={prefs.language}
            onChange={(event) => void save({ language: event.target.value as Language })}
          >
            <option value="zh_CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </section>

      <section className="zy-section">
        <label className="zy-row">
          <input
            type="checkbox"
            checked={prefs.largeText}
            onChange={(event) => void save({ largeText: event.target.checked })}
          />
          <strong>{t('optionsLargeText')}</strong>
        </label>
        <p className="zy-muted">{t('optionsLargeTextHint')}</p>
      </section>

      <section className="zy-section">
        <label className="zy-row">
          <input
            type="checkbox"
            checked={prefs.reducedMotion}
            onChange={(event) => void save({ reducedMotion: event.target.checked })}
          />
          <strong>{t('optionsReducedMotion')}</strong>
        </label>
        <p className="zy-muted">{t('optionsReducedMotionHint')}</p>
      </section>

      <p role="status" className="zy-section zy-muted" aria-live="polite">
        {saved && writing === 0 ? t('optionsSaved') : ''}
      </p>

      <AuthorMode language={prefs.language} />
      <AdminSettings language={prefs.language} />
      <SearchMisses language={prefs.language} />
      <PacksSection language={prefs.language} />
    </main>
  );
}

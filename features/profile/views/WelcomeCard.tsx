import { useEffect, useId, useRef, useState } from 'react';
import { roleName, translate } from '../../../lib/i18n/messages';
import { ROLE_FOCUS, ROLES, type Role } from '../roles';
import type { Language } from '../../../lib/settings/preferences';
import { onlyTrusted } from '../../../lib/trust/user-event';
import { Button } from '../../../components/Button';

export interface WelcomeCardProps {
  language: Language;
  onChooseRole(role: Role): Promise<void>;
  onDismiss(): Promise<void>;
  /** Called when the card should disappear (after a choice is confirmed or it is dismissed). */
  onClose(): void;
}

/**
 * The first-run card: what Zhiyin is and which of the plan's four learner groups you belong to.
 * A labelled modal dialog; Esc closes it like 稍后再说.
 */
export function WelcomeCard({ language, onChooseRole, onDismiss, onClose }: WelcomeCardProps) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(language, key, params);

  // The card opens on page load, before the user is typing: taking focus is safe here and lets
  // keyboard and screen-reader users land in it.
  useEffect(() => {
    dialogRef.current?.focus();
  }, []);

  const dismiss = async () => {
    try {
      if (!chosen) await onDismiss();
    } finally {
      onClose();
    }
  };

  const choose = async (role: Role) => {
    setError(null);
    try {
      await onChooseRole(role);
      setChosen(role);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <>
      <div className="zy-backdrop" aria-hidden="true" />
      <div
        ref={dialogRef}
        className="zy-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        data-zhiyin-welcome=""
        onKeyDown={onlyTrusted((event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            void dismiss();
          }
        })}
      >
        <button
          type="button"
          className="zy-close"
          aria-label={t('close')}
          onClick={onlyTrusted(() => void dismiss())}
        >
          ×
        </button>
        <div className="zy-brand">
          <span className="zy-brand-mark" aria-hidden="true">
            指
          </span>
          {t('brandLong')}
        </div>
        <h2 className="zy-title" id={titleId}>
          {t('welcomeTitle')}
        </h2>
        <p className="zy-body" id={bodyId}>
          {t('welcomeIntro')}
        </p>
        {chosen ? (
          <>
            <p className="zy-status" role="status">
              {t('welcomeChosen', { role: roleName(language, chosen) })}
            </p>
            <div className="zy-actions">
              <Button variant="primary" onPress={onClose}>
                {t('welcomeDone')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="zy-body">{t('welcomeChooseRole')}</p>
            {error && (
              <p className="zy-error" role="alert">
                {error}
              </p>
            )}
            <ul className="zy-roles">
              {ROLES.map((role) => (
                <li key={role}>
                  <button
                    type="button"
                    className="zy-role"
                    onClick={onlyTrusted(() => void choose(role))}
                  >
                    <span className="zy-role-name">{roleName(language, role)}</span>
                    <span className="zy-role-focus">
                      {language === 'en' ? ROLE_FOCUS[role].en : ROLE_FOCUS[role].zh}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="zy-actions">
              <button
                type="button"
                className="zy-button"
                onClick={onlyTrusted(() => void dismiss())}
              >
                {t('welcomeLater')}
              </button>
            </div>
          </>
        )}
      </div>
    </>
  );
}

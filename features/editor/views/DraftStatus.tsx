import type { ReactNode } from 'react';
import type { EditorTextKey } from '../i18n';

type Text = (key: EditorTextKey, params?: Record<string, string | number>) => string;

/**
 * The top of a draft's page, the same for tours, articles and tips: its title, whether the last
 * edit is saved, and the live check with the build's own rules (valid, or the problems).
 */
export function DraftStatus({
  heading,
  saveState,
  problems,
  valid,
  children,
  t,
}: {
  heading: ReactNode;
  /** 'saved', 'pending', or why saving failed. */
  saveState: string;
  problems: number;
  /** What a draft with no problems is ready for. */
  valid: string;
  /** The list of problems (shown when there are any). */
  children: ReactNode;
  t: Text;
}) {
  return (
    <>
      <div className="zy-editor-toolbar">
        <h2 id="zy-draft-title">{heading}</h2>
        <span className="zy-muted" role="status">
          {saveState === 'saved' ? t('saved') : saveState === 'pending' ? t('saving') : saveState}
        </span>
      </div>

      <section className="zy-editor-check" aria-labelledby="zy-check-title">
        <h3 id="zy-check-title">{t('checkTitle')}</h3>
        {problems === 0 ? (
          <p className="zy-ok" data-testid="draft-valid">
            {valid}
          </p>
        ) : (
          <div role="alert" data-testid="draft-issues">
            <p>{t('issues', { count: problems })}</p>
            {children}
          </div>
        )}
      </section>
    </>
  );
}

import { forwardRef } from 'react';
import type { GuardHint } from '../content/guards';
import { rulesText } from '../../rules/i18n';
import type { Language } from '../../../lib/settings/preferences';

export interface FieldGuardHintProps {
  hint: GuardHint;
  language: Language;
}

/**
 * The inline hint next to a guarded field. A failed check is announced as `alert` (the learner
 * should hear it before submitting), anything else as a polite `status`. It has no buttons and
 * never takes focus or blocks the page: `pointer-events: none` in tips.css, so clicks reach the
 * host page underneath. Test hook: `data-zhiyin-guard="<guard id>"`, `data-level`.
 */
export const FieldGuardHint = forwardRef<HTMLDivElement, FieldGuardHintProps>(
  function FieldGuardHint({ hint, language }, ref) {
    const warning = hint.level === 'warning';
    const messages = hint.messages.length > 0 ? hint.messages : [rulesText(language, 'guardOk')];
    return (
      <div
        ref={ref}
        className={`zy-guard zy-guard-${hint.level}`}
        role={warning ? 'alert' : 'status'}
        aria-label={rulesText(language, 'guardLabel')}
        data-zhiyin-guard={hint.guardId}
        data-level={hint.level}
      >
        <span className="zy-guard-icon" aria-hidden="true">
          {warning ? '!' : hint.level === 'ok' ? '✓' : 'i'}
        </span>
        <div className="zy-guard-text">
          {messages.length === 1 ? (
            <p>{messages[0]}</p>
          ) : (
            <ul>
              {messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {hint.note && <p className="zy-guard-note">{hint.note}</p>}
        </div>
      </div>
    );
  },
);

import { useEffect, useId, useRef } from 'react';
import type { TipDecision } from '../engine';
import type { RulesMessageKey } from '../i18n';
import { rulesText } from '../i18n';
import type { Language } from '../../../lib/settings/preferences';
import { Markdown } from '../../../components/markdown/Markdown';
import { onlyTrusted } from '../../../lib/trust/user-event';
import { Button } from '../../../components/Button';

export interface TipCardProps {
  tip: TipDecision;
  language: Language;
  /** 我已知晓 (always offered; stored as an acknowledgement when the tip asks for one). */
  onAcknowledge(): void;
  /** 稍后提醒; offered only when the tip has a snooze length. */
  onSnooze(): void;
  /** 不再显示; offered only when the rule allows it. */
  onDismiss(): void;
  /** How many more tips wait behind this one (shown as "+N"). */
  queued?: number;
}

const SEVERITY_LABEL: Record<TipDecision['severity'], RulesMessageKey> = {
  info: 'severityInfo',
  warning: 'severityWarning',
  critical: 'severityCritical',
};

/**
 * One compliance tip. Critical tips are an `alertdialog` that takes focus (the learner must read
 * it before going on; it is still non-modal: the page stays usable). Info and warning tips are a
 * polite `status` card in the corner that never takes focus, so typing in the page is not
 * interrupted. Contract: `data-zhiyin-tip="<tip id>"` (DESIGN.md, overlay test hooks).
 */
export function TipCard({
  tip,
  language,
  onAcknowledge,
  onSnooze,
  onDismiss,
  queued,
}: TipCardProps) {
  const titleId = useId();
  const bodyId = useId();
  const ackRef = useRef<HTMLButtonElement>(null);
  const t = (key: RulesMessageKey) => rulesText(language, key);
  const isDialog = tip.presentation === 'dialog';

  useEffect(() => {
    if (isDialog) ackRef.current?.focus();
  }, [isDialog, tip.tipId]);

  return (
    <div
      className={`zy-tip zy-tip-${tip.severity}${isDialog ? ' zy-tip-dialog' : ''}`}
      role={isDialog ? 'alertdialog' : 'status'}
      aria-live={isDialog ? undefined : 'polite'}
      aria-modal={isDialog ? 'false' : undefined}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-zhiyin-tip={tip.tipId}
      data-zhiyin-tip-version={tip.contentVersion}
    >
      <div className="zy-tip-head">
        <span className="zy-tip-badge">{t(SEVERITY_LABEL[tip.severity])}</span>
        {tip.source && <span className="zy-tip-source">{tip.source}</span>}
        {queued !== undefined && queued > 0 && (
          <span className="zy-tip-queued" aria-hidden="true">
            +{queued}
          </span>
        )}
      </div>
      <h2 className="zy-tip-title" id={titleId}>
        {tip.title}
      </h2>
      <div className="zy-tip-body" id={bodyId}>
        <Markdown source={tip.body} />
        {tip.acknowledge && <p className="zy-tip-note">{t('tipAckNote')}</p>}
      </div>
      <div className="zy-tip-actions">
        {tip.dismissible && (
          <Button variant="text" onPress={onDismiss}>
            {t('tipDismiss')}
          </Button>
        )}
        <span className="zy-spacer" />
        {tip.snoozeMs !== undefined && (
          <button type="button" className="zy-button" onClick={onlyTrusted(onSnooze)}>
            {t('tipSnooze')}
          </button>
        )}
        <button
          ref={ackRef}
          type="button"
          className="zy-button zy-button-primary"
          onClick={onlyTrusted(onAcknowledge)}
        >
          {t('tipAcknowledge')}
        </button>
      </div>
    </div>
  );
}

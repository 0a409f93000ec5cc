import type { TipDecision } from '../engine';
import type { Language } from '../../../lib/settings/preferences';
import { TipCard } from './TipCard';

export interface TipLayerProps {
  /** Tips waiting to be answered, most severe first (the engine's order). */
  tips: readonly TipDecision[];
  language: Language;
  onRespond(tip: TipDecision, response: 'acknowledge' | 'snooze' | 'dismiss'): void;
}

/** Shows the first waiting tip; the others follow one at a time as each is answered. */
export function TipLayer({ tips, language, onRespond }: TipLayerProps) {
  const [first] = tips;
  if (!first) return null;
  return (
    <TipCard
      key={first.tipId}
      tip={first}
      language={language}
      queued={tips.length - 1}
      onAcknowledge={() => onRespond(first, 'acknowledge')}
      onSnooze={() => onRespond(first, 'snooze')}
      onDismiss={() => onRespond(first, 'dismiss')}
    />
  );
}

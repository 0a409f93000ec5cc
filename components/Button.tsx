import type { ReactNode } from 'react';
import { onlyTrusted } from '../lib/trust/user-event';

/**
 * A card button (overlay and pages): the shared look (`zy-button zy-button-<variant>`) and the
 * rule that only the learner's own input presses it (lib/trust/user-event.ts, issue 10).
 */
export function Button({
  variant,
  onPress,
  children,
}: {
  variant: 'primary' | 'text' | 'danger' | 'default';
  onPress: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={variant === 'default' ? 'zy-button' : `zy-button zy-button-${variant}`}
      onClick={onlyTrusted(onPress)}
    >
      {children}
    </button>
  );
}

import { useLayoutEffect, useRef } from 'react';
import { anchorCard } from '../../../lib/overlay/position';
import type { GuardHint } from '../content/guards';
import type { Language } from '../../../lib/settings/preferences';
import { FieldGuardHint } from './FieldGuardHint';

export interface GuardHintLayerProps {
  /** Current hints by guard id (from attachGuards' onHint). */
  hints: readonly GuardHint[];
  language: Language;
}

/** Every field-guard hint, each kept next to its field with the overlay's positioning module. */
export function GuardHintLayer({ hints, language }: GuardHintLayerProps) {
  return (
    <>
      {hints.map((hint) => (
        <AnchoredHint key={hint.guardId} hint={hint} language={language} />
      ))}
    </>
  );
}

function AnchoredHint({ hint, language }: { hint: GuardHint; language: Language }) {
  const ref = useRef<HTMLDivElement>(null);
  const anchor = hint.anchor;
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // autoUpdate runs only while the hint is shown; the returned cleanup stops it.
    return anchorCard(anchor, element, { placement: 'right', gap: 8 });
  }, [anchor]);
  return <FieldGuardHint ref={ref} hint={hint} language={language} />;
}

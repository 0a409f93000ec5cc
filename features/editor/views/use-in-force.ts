/**
 * The content in force where a published pack will run: the bundled tours, articles and rules,
 * with the packs this browser applied (features/packs/catalog.ts, the background's own rules).
 * The editor checks references against it (an article's tours, a tip's markers) and offers its
 * articles and tips as the starting point of a draft.
 */
import bundledHelp from 'virtual:zhiyin-help';
import bundledRules from 'virtual:zhiyin-rules';
import bundledTours from 'virtual:zhiyin-tours';
import { useMemo } from 'react';
import { mergeHelp, mergeRules, mergeTours } from '../../packs/catalog';
import { usePackContents } from '../../packs/views/use-pack-content';
import type { InForce } from './content-editor-types';

export function useContentInForce(): InForce {
  const packs = usePackContents();
  return useMemo(() => {
    const applied = packs ?? [];
    return {
      tours: mergeTours(bundledTours, applied),
      articles: mergeHelp(bundledHelp, applied),
      rules: mergeRules(bundledRules, applied),
    };
  }, [packs]);
}

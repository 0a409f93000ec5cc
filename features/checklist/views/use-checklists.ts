import bundledChecklists from 'virtual:zhiyin-checklists';
import bundledTours from 'virtual:zhiyin-tours';
import { useMemo } from 'react';
import { usePackContents } from '../../packs/views/use-pack-content';
import { checklistsInForce } from '../in-force';
import type { Checklists } from '../schema';

/** The checklists in force (bundled, or a content pack's); the bundled ones until the background answered. */
export function useChecklistsInForce(): Checklists {
  const packs = usePackContents();
  return useMemo(
    () => (packs ? checklistsInForce(packs, bundledChecklists, bundledTours) : bundledChecklists),
    [packs],
  );
}

/**
 * The onboarding checklists in force on an extension page: the bundled ones
 * (virtual:zhiyin-checklists), or those of a content pack, with renames followed and retired
 * tours left out (features/packs/catalog.ts mergeChecklists, the background's own rule).
 */
import bundledChecklists from 'virtual:zhiyin-checklists';
import bundledTours from 'virtual:zhiyin-tours';
import { useMemo } from 'react';
import { mergeChecklists, mergeTours } from '../packs/catalog';
import type { PackContent } from '../packs/validate';
import { usePackContents } from '../packs/views/use-pack-content';
import type { Checklists } from './schema';

/** `checklists` (default: the bundled ones) with `packs` applied, against the tours in force. */
export function checklistsInForce(
  packs: readonly PackContent[],
  checklists: Checklists = bundledChecklists,
  tours: readonly { id: string }[] = bundledTours,
): Checklists {
  const tourIds = new Set(mergeTours(tours, packs).map((tour) => tour.id));
  return mergeChecklists(checklists, packs, tourIds);
}

/** The checklists in force; the bundled ones until the background answered. */
export function useChecklistsInForce(): Checklists {
  const packs = usePackContents();
  return useMemo(() => (packs ? checklistsInForce(packs) : bundledChecklists), [packs]);
}
